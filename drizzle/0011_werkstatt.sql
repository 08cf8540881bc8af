CREATE TABLE "werkstaetten" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"session_id" uuid,
	"title" text NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"moderation" text DEFAULT 'post' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "werkstatt_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"werkstatt_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "werkstatt_likes" (
	"statement_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "werkstatt_likes_statement_id_participant_id_pk" PRIMARY KEY("statement_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "werkstatt_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"werkstatt_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"stakeholder_group" text,
	"display_name" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "werkstatt_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"werkstatt_id" uuid NOT NULL,
	"participant_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'visible' NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "werkstatt_statements_text_length" CHECK (char_length("werkstatt_statements"."text") BETWEEN 1 AND 280)
);
--> statement-breakpoint
CREATE TABLE "werkstatt_votes" (
	"statement_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"vote" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "werkstatt_votes_statement_id_participant_id_pk" PRIMARY KEY("statement_id","participant_id"),
	CONSTRAINT "werkstatt_votes_vote" CHECK ("werkstatt_votes"."vote" IN (-1, 0, 1))
);
--> statement-breakpoint
ALTER TABLE "werkstaetten" ADD CONSTRAINT "werkstaetten_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstaetten" ADD CONSTRAINT "werkstaetten_session_id_catalogue_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."catalogue_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstaetten" ADD CONSTRAINT "werkstaetten_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_events" ADD CONSTRAINT "werkstatt_events_werkstatt_id_werkstaetten_id_fk" FOREIGN KEY ("werkstatt_id") REFERENCES "public"."werkstaetten"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_likes" ADD CONSTRAINT "werkstatt_likes_statement_id_werkstatt_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."werkstatt_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_likes" ADD CONSTRAINT "werkstatt_likes_participant_id_werkstatt_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."werkstatt_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_participants" ADD CONSTRAINT "werkstatt_participants_werkstatt_id_werkstaetten_id_fk" FOREIGN KEY ("werkstatt_id") REFERENCES "public"."werkstaetten"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_statements" ADD CONSTRAINT "werkstatt_statements_werkstatt_id_werkstaetten_id_fk" FOREIGN KEY ("werkstatt_id") REFERENCES "public"."werkstaetten"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_statements" ADD CONSTRAINT "werkstatt_statements_participant_id_werkstatt_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."werkstatt_participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_votes" ADD CONSTRAINT "werkstatt_votes_statement_id_werkstatt_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."werkstatt_statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "werkstatt_votes" ADD CONSTRAINT "werkstatt_votes_participant_id_werkstatt_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."werkstatt_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "werkstaetten_code" ON "werkstaetten" USING btree ("code");--> statement-breakpoint
CREATE INDEX "werkstaetten_org" ON "werkstaetten" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "werkstatt_events_werkstatt" ON "werkstatt_events" USING btree ("werkstatt_id","id");--> statement-breakpoint
CREATE INDEX "werkstatt_likes_participant" ON "werkstatt_likes" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "werkstatt_participants_token" ON "werkstatt_participants" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "werkstatt_participants_werkstatt" ON "werkstatt_participants" USING btree ("werkstatt_id");--> statement-breakpoint
CREATE INDEX "werkstatt_statements_werkstatt" ON "werkstatt_statements" USING btree ("werkstatt_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "werkstatt_statements_one_pinned" ON "werkstatt_statements" USING btree ("werkstatt_id") WHERE "werkstatt_statements"."pinned";--> statement-breakpoint
CREATE INDEX "werkstatt_votes_participant" ON "werkstatt_votes" USING btree ("participant_id");