import { sql } from 'drizzle-orm';
import { check, customType, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './accounts';

/*
 * An organisation's public identity and the legal pages every German public body must have:
 * Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit (BITV 2.0). One row per
 * organisation, created when an owner first saves something; without a row the organisation
 * shows its plain name, the app's colour and "noch nicht ausgefüllt" on its legal pages.
 * The texts are plain text with light formatting (see domain/identity/legal-text.ts), never HTML.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const organisationProfiles = pgTable(
	'organisation_profiles',
	{
		orgId: uuid('org_id')
			.primaryKey()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** Shown instead of the account name when not empty (e.g. "Stadt Musterstadt – Personalamt"). */
		displayName: text('display_name').notNull().default(''),
		/** '#rrggbb', contrast-checked against white; null = the app's colour. */
		accentColour: text('accent_colour'),
		logo: bytea('logo'),
		logoType: text('logo_type'),
		logoUpdatedAt: timestamp('logo_updated_at', { withTimezone: true }),
		impressum: text('impressum').notNull().default(''),
		privacy: text('privacy').notNull().default(''),
		accessibility: text('accessibility').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		check('organisation_profiles_display_name', sql`char_length(${table.displayName}) <= 120`),
		check('organisation_profiles_accent', sql`${table.accentColour} IS NULL OR ${table.accentColour} ~ '^#[0-9a-f]{6}$'`),
		check('organisation_profiles_logo_type', sql`(${table.logo} IS NULL) = (${table.logoType} IS NULL) AND (${table.logoType} IS NULL OR ${table.logoType} IN ('image/png', 'image/jpeg', 'image/webp'))`),
		check('organisation_profiles_logo_size', sql`${table.logo} IS NULL OR octet_length(${table.logo}) <= 524288`),
		check('organisation_profiles_texts', sql`char_length(${table.impressum}) <= 50000 AND char_length(${table.privacy}) <= 50000 AND char_length(${table.accessibility}) <= 50000`)
	]
);
