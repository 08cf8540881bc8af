CREATE TABLE "plan_gap_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"competence" text NOT NULL,
	"horizon" text NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_gap_decisions_reason" CHECK ("plan_gap_decisions"."status" <> 'dropped' OR char_length(btrim("plan_gap_decisions"."reason")) > 0),
	CONSTRAINT "plan_gap_decisions_reason_length" CHECK (char_length("plan_gap_decisions"."reason") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"competence" text NOT NULL,
	"horizon" text NOT NULL,
	"module_id" uuid,
	"slot" text NOT NULL,
	"target_group" text,
	"responsible" text DEFAULT '' NOT NULL,
	"cost_per_participant_cents" integer DEFAULT 0 NOT NULL,
	"expected_participants" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_measures_cost" CHECK ("plan_measures"."cost_per_participant_cents" BETWEEN 0 AND 10000000),
	CONSTRAINT "plan_measures_participants" CHECK ("plan_measures"."expected_participants" BETWEEN 0 AND 100000)
);
--> statement-breakpoint
CREATE TABLE "qualification_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"min_gap" double precision DEFAULT 0.5 NOT NULL,
	"top_n" smallint DEFAULT 10 NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualification_plans_round" CHECK ("qualification_plans"."round" >= 1),
	CONSTRAINT "qualification_plans_min_gap" CHECK ("qualification_plans"."min_gap" BETWEEN 0 AND 4),
	CONSTRAINT "qualification_plans_top_n" CHECK ("qualification_plans"."top_n" BETWEEN 0 AND 100),
	CONSTRAINT "qualification_plans_title_length" CHECK (char_length("qualification_plans"."title") BETWEEN 1 AND 200),
	CONSTRAINT "qualification_plans_published_at" CHECK (("qualification_plans"."status" = 'published') = ("qualification_plans"."published_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "plan_gap_decisions" ADD CONSTRAINT "plan_gap_decisions_plan_id_qualification_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."qualification_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_gap_decisions" ADD CONSTRAINT "plan_gap_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_plan_id_qualification_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."qualification_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_measures" ADD CONSTRAINT "plan_measures_module_id_catalogue_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."catalogue_modules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_plans" ADD CONSTRAINT "qualification_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_plans" ADD CONSTRAINT "qualification_plans_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_plans" ADD CONSTRAINT "qualification_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_gap_decisions_gap" ON "plan_gap_decisions" USING btree ("plan_id","competence","horizon");--> statement-breakpoint
CREATE INDEX "plan_measures_plan" ON "plan_measures" USING btree ("plan_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_measures_module" ON "plan_measures" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "qualification_plans_org" ON "qualification_plans" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "qualification_plans_study" ON "qualification_plans" USING btree ("study_id");