ALTER TABLE "studies" ADD COLUMN "reminder_days" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "studies" ADD COLUMN "reason_mode" text DEFAULT 'far' NOT NULL;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_reminder_days" CHECK ("studies"."reminder_days" BETWEEN 0 AND 30);--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_reason_mode" CHECK ("studies"."reason_mode" IN ('far', 'every'));