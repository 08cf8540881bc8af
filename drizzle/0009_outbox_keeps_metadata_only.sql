ALTER TABLE "outbox_mails" ALTER COLUMN "body" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "org_invitations" ADD COLUMN "account_secret_hash" text;--> statement-breakpoint
ALTER TABLE "outbox_mails" ADD COLUMN "carries_link" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_mails" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_mails" ADD COLUMN "failure" text;--> statement-breakpoint
-- Bodies stored before this migration may carry personal links: none of them is kept.
UPDATE "outbox_mails" SET "status" = CASE WHEN "sent_at" IS NULL THEN 'not_sent' ELSE 'sent' END, "body" = NULL;--> statement-breakpoint
-- Reset links stored readable in an outbox until now cannot be trusted: they end here.
UPDATE "password_resets" SET "used_at" = now() WHERE "used_at" IS NULL;
