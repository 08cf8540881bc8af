CREATE TYPE "public"."study_status" AS ENUM('draft', 'open', 'closed', 'published');--> statement-breakpoint
CREATE TABLE "answers" (
	"response_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"group_key" text NOT NULL,
	"competence" text NOT NULL,
	"measure" text NOT NULL,
	"horizon" text DEFAULT '' NOT NULL,
	"value" smallint,
	"submitted_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "encrypted_drafts" (
	"lookup" text NOT NULL,
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"kind" text NOT NULL,
	"payload" text NOT NULL,
	"updated_on" date DEFAULT current_date NOT NULL,
	CONSTRAINT "encrypted_drafts_lookup_round_kind_pk" PRIMARY KEY("lookup","round","kind")
);
--> statement-breakpoint
CREATE TABLE "invitation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"count" integer NOT NULL,
	"kind" text NOT NULL,
	"pending_tokens" jsonb,
	"handed_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitation_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"sent_on" date,
	"reminded_on" date
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"batch_id" uuid,
	"group_key" text NOT NULL,
	"token_hash" text NOT NULL,
	"started_rounds" smallint[] DEFAULT '{}' NOT NULL,
	"finished_rounds" smallint[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"group_key" text NOT NULL,
	"question_key" text NOT NULL,
	"text" text NOT NULL,
	"released" boolean DEFAULT false NOT NULL,
	"submitted_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_counters" (
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"group_key" text NOT NULL,
	"shard" smallint NOT NULL,
	"finished" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "participation_counters_study_id_round_group_key_shard_pk" PRIMARY KEY("study_id","round","group_key","shard")
);
--> statement-breakpoint
CREATE TABLE "result_counters" (
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"competence" text NOT NULL,
	"measure" text NOT NULL,
	"horizon" text NOT NULL,
	"group_key" text NOT NULL,
	"shard" smallint NOT NULL,
	"c1" integer DEFAULT 0 NOT NULL,
	"c2" integer DEFAULT 0 NOT NULL,
	"c3" integer DEFAULT 0 NOT NULL,
	"c4" integer DEFAULT 0 NOT NULL,
	"c5" integer DEFAULT 0 NOT NULL,
	"dont_know" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "result_counters_study_id_round_competence_measure_horizon_group_key_shard_pk" PRIMARY KEY("study_id","round","competence","measure","horizon","group_key","shard")
);
--> statement-breakpoint
CREATE TABLE "spent_markers" (
	"marker" text NOT NULL,
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	CONSTRAINT "spent_markers_marker_pk" PRIMARY KEY("marker")
);
--> statement-breakpoint
CREATE TABLE "studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"introduction" text DEFAULT '' NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"competences" jsonb NOT NULL,
	"horizons" jsonb NOT NULL,
	"measure_proficiency" boolean DEFAULT true NOT NULL,
	"open_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"groups" jsonb NOT NULL,
	"min_group_size" smallint DEFAULT 5 NOT NULL,
	"consensus" jsonb NOT NULL,
	"quantile_type" smallint DEFAULT 7 NOT NULL,
	"rounds" smallint DEFAULT 1 NOT NULL,
	"current_round" smallint DEFAULT 1 NOT NULL,
	"late_joiners_allowed" boolean DEFAULT false NOT NULL,
	"status" "study_status" DEFAULT 'draft' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"open_link_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "submission_receipts" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"body_hash" text NOT NULL,
	"receipt" text NOT NULL,
	"created_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transition_counters" (
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"competence" text NOT NULL,
	"measure" text NOT NULL,
	"horizon" text NOT NULL,
	"group_key" text NOT NULL,
	"previous_value" smallint NOT NULL,
	"current_value" smallint NOT NULL,
	"shard" smallint NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "transition_counters_study_id_round_competence_measure_horizon_group_key_previous_value_current_value_shard_pk" PRIMARY KEY("study_id","round","competence","measure","horizon","group_key","previous_value","current_value","shard")
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encrypted_drafts" ADD CONSTRAINT "encrypted_drafts_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_emails" ADD CONSTRAINT "invitation_emails_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_emails" ADD CONSTRAINT "invitation_emails_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_batch_id_invitation_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."invitation_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_answers" ADD CONSTRAINT "open_answers_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_counters" ADD CONSTRAINT "participation_counters_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_counters" ADD CONSTRAINT "result_counters_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spent_markers" ADD CONSTRAINT "spent_markers_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_receipts" ADD CONSTRAINT "submission_receipts_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transition_counters" ADD CONSTRAINT "transition_counters_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_study_round" ON "answers" USING btree ("study_id","round");--> statement-breakpoint
CREATE INDEX "encrypted_drafts_study" ON "encrypted_drafts" USING btree ("study_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_study_group" ON "invitations" USING btree ("study_id","group_key");--> statement-breakpoint
CREATE INDEX "open_answers_study" ON "open_answers" USING btree ("study_id","round");--> statement-breakpoint
CREATE INDEX "studies_org" ON "studies" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "studies_open_link" ON "studies" USING btree ("open_link_hash");