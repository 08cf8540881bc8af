CREATE TYPE "public"."catalogue_session_status" AS ENUM('open', 'closed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."module_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('pending_confirmation', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "catalogue_certificates" (
	"code" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"registration_id" uuid,
	"session_id" uuid,
	"holder_name" text NOT NULL,
	"module_title" text NOT NULL,
	"module_subtitle" text DEFAULT '' NOT NULL,
	"parts" jsonb NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"duration_minutes" integer,
	"competences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"facilitators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "catalogue_facilitators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"sector" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"photo" "bytea",
	"photo_type" text
);
--> statement-breakpoint
CREATE TABLE "catalogue_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"overall" smallint NOT NULL,
	"usefulness" smallint NOT NULL,
	"takeaway" text DEFAULT '' NOT NULL,
	"improve" text DEFAULT '' NOT NULL,
	"submitted_on" date DEFAULT current_date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subtitle" text DEFAULT '' NOT NULL,
	"description_source" text DEFAULT '' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"learning_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"format" text NOT NULL,
	"duration_minutes" integer,
	"language" text DEFAULT 'de' NOT NULL,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"framework_id" uuid,
	"competences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"principles" text[] DEFAULT '{}' NOT NULL,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"status" "module_status" DEFAULT 'draft' NOT NULL,
	"retention_months" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "catalogue_registration_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"registration_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"session_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"group_key" text NOT NULL,
	"accessibility_needs" text DEFAULT '' NOT NULL,
	"status" "registration_status" NOT NULL,
	"hold_until" timestamp with time zone,
	"email_confirmed_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"consented_at" timestamp with time zone,
	"source" text DEFAULT 'public' NOT NULL,
	"created_by" uuid,
	"attended" boolean DEFAULT false NOT NULL,
	"feedback_given" boolean DEFAULT false NOT NULL,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"module_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"parts" jsonb NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"registration_deadline" timestamp with time zone,
	"status" "catalogue_session_status" DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"feedback_requested_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"retention_months" smallint DEFAULT 12 NOT NULL,
	"offer_window_hours" smallint DEFAULT 48 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_certificates" ADD CONSTRAINT "catalogue_certificates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_certificates" ADD CONSTRAINT "catalogue_certificates_registration_id_catalogue_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."catalogue_registrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_certificates" ADD CONSTRAINT "catalogue_certificates_session_id_catalogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."catalogue_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_facilitators" ADD CONSTRAINT "catalogue_facilitators_module_id_catalogue_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."catalogue_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_feedback" ADD CONSTRAINT "catalogue_feedback_session_id_catalogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."catalogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_modules" ADD CONSTRAINT "catalogue_modules_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_modules" ADD CONSTRAINT "catalogue_modules_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_modules" ADD CONSTRAINT "catalogue_modules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_registration_links" ADD CONSTRAINT "catalogue_registration_links_registration_id_catalogue_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."catalogue_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_registrations" ADD CONSTRAINT "catalogue_registrations_session_id_catalogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."catalogue_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_registrations" ADD CONSTRAINT "catalogue_registrations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_registrations" ADD CONSTRAINT "catalogue_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_sessions" ADD CONSTRAINT "catalogue_sessions_module_id_catalogue_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."catalogue_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_sessions" ADD CONSTRAINT "catalogue_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_settings" ADD CONSTRAINT "catalogue_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_certificates_registration" ON "catalogue_certificates" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "catalogue_facilitators_module" ON "catalogue_facilitators" USING btree ("module_id","position");--> statement-breakpoint
CREATE INDEX "catalogue_feedback_session" ON "catalogue_feedback" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "catalogue_modules_org" ON "catalogue_modules" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "catalogue_modules_status" ON "catalogue_modules" USING btree ("status");--> statement-breakpoint
CREATE INDEX "catalogue_registration_links_registration" ON "catalogue_registration_links" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "catalogue_registrations_session" ON "catalogue_registrations" USING btree ("session_id","status","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_registrations_active_email" ON "catalogue_registrations" USING btree ("session_id",lower("email")) WHERE "catalogue_registrations"."anonymised_at" IS NULL AND "catalogue_registrations"."status" IN ('pending_confirmation', 'confirmed', 'waitlisted', 'offered');--> statement-breakpoint
CREATE INDEX "catalogue_sessions_module" ON "catalogue_sessions" USING btree ("module_id","starts_at");--> statement-breakpoint
CREATE INDEX "catalogue_sessions_org" ON "catalogue_sessions" USING btree ("org_id","starts_at");