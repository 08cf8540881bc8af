DROP INDEX "answers_study_round";--> statement-breakpoint
CREATE INDEX "answers_study_round_response" ON "answers" USING btree ("study_id","round","response_id");