CREATE TABLE "glossary_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"term" text NOT NULL,
	"plain" text NOT NULL,
	"voices" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"example" text DEFAULT '' NOT NULL,
	"competences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"synonyms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"forms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'vorschlag' NOT NULL,
	"agreed_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agreed_at" timestamp with time zone,
	"starter_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "glossary_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entry_id" uuid,
	"content" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"origin" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
ALTER TABLE "glossary_entries" ADD CONSTRAINT "glossary_entries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_entries" ADD CONSTRAINT "glossary_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_proposals" ADD CONSTRAINT "glossary_proposals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_proposals" ADD CONSTRAINT "glossary_proposals_entry_id_glossary_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."glossary_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "glossary_proposals" ADD CONSTRAINT "glossary_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_entries_org_slug" ON "glossary_entries" USING btree ("org_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "glossary_entries_org_term" ON "glossary_entries" USING btree ("org_id",lower("term"));--> statement-breakpoint
CREATE INDEX "glossary_entries_org_status" ON "glossary_entries" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "glossary_proposals_org_status" ON "glossary_proposals" USING btree ("org_id","status","created_at");