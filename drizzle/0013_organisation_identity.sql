CREATE TABLE "organisation_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"accent_colour" text,
	"logo" "bytea",
	"logo_type" text,
	"logo_updated_at" timestamp with time zone,
	"impressum" text DEFAULT '' NOT NULL,
	"privacy" text DEFAULT '' NOT NULL,
	"accessibility" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_profiles_display_name" CHECK (char_length("organisation_profiles"."display_name") <= 120),
	CONSTRAINT "organisation_profiles_accent" CHECK ("organisation_profiles"."accent_colour" IS NULL OR "organisation_profiles"."accent_colour" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "organisation_profiles_logo_type" CHECK (("organisation_profiles"."logo" IS NULL) = ("organisation_profiles"."logo_type" IS NULL) AND ("organisation_profiles"."logo_type" IS NULL OR "organisation_profiles"."logo_type" IN ('image/png', 'image/jpeg', 'image/webp'))),
	CONSTRAINT "organisation_profiles_logo_size" CHECK ("organisation_profiles"."logo" IS NULL OR octet_length("organisation_profiles"."logo") <= 524288),
	CONSTRAINT "organisation_profiles_texts" CHECK (char_length("organisation_profiles"."impressum") <= 50000 AND char_length("organisation_profiles"."privacy") <= 50000 AND char_length("organisation_profiles"."accessibility") <= 50000)
);
--> statement-breakpoint
ALTER TABLE "organisation_profiles" ADD CONSTRAINT "organisation_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;