ALTER TABLE "answers" DROP CONSTRAINT "answers_study_id_studies_id_fk";
--> statement-breakpoint
ALTER TABLE "encrypted_drafts" DROP CONSTRAINT "encrypted_drafts_study_id_studies_id_fk";
--> statement-breakpoint
ALTER TABLE "participation_counters" DROP CONSTRAINT "participation_counters_study_id_studies_id_fk";
--> statement-breakpoint
ALTER TABLE "result_counters" DROP CONSTRAINT "result_counters_study_id_studies_id_fk";
--> statement-breakpoint
ALTER TABLE "spent_markers" DROP CONSTRAINT "spent_markers_study_id_studies_id_fk";
--> statement-breakpoint
ALTER TABLE "submission_receipts" DROP CONSTRAINT "submission_receipts_study_id_studies_id_fk";
--> statement-breakpoint
ALTER TABLE "transition_counters" DROP CONSTRAINT "transition_counters_study_id_studies_id_fk";
