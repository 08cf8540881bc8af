ALTER TABLE "catalogue_modules" ADD COLUMN "registration_questions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_modules" ADD COLUMN "notify_on_registration" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalogue_registrations" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;