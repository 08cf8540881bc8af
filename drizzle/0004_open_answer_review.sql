CREATE TABLE "open_answer_releases" (
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"question_key" text NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_by" uuid,
	CONSTRAINT "open_answer_releases_study_id_round_question_key_pk" PRIMARY KEY("study_id","round","question_key")
);
--> statement-breakpoint
ALTER TABLE "open_answers" ADD COLUMN "hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "open_answer_releases" ADD CONSTRAINT "open_answer_releases_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_answer_releases" ADD CONSTRAINT "open_answer_releases_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_answers" DROP COLUMN "released";