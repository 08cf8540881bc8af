import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { GlossaryEntryContent, StakeholderGroup, Voices } from '../../../domain/glossary/entry';
import { organisations, users } from './accounts';

/*
 * Glossar: an organisation's shared terms (administration's word, plain explanation, the words
 * other groups use) and the proposals anyone may send without an account.
 */

export const glossaryEntries = pgTable(
	'glossary_entries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** Address and anchor: /o/<slug>/glossar/<slug>. */
		slug: text('slug').notNull(),
		term: text('term').notNull(),
		plain: text('plain').notNull(),
		voices: jsonb('voices').$type<Voices>().notNull().default({}),
		example: text('example').notNull().default(''),
		competences: jsonb('competences').$type<string[]>().notNull().default([]),
		sources: jsonb('sources').$type<string[]>().notNull().default([]),
		synonyms: jsonb('synonyms').$type<string[]>().notNull().default([]),
		forms: jsonb('forms').$type<string[]>().notNull().default([]),
		status: text('status', { enum: ['vorschlag', 'abgestimmt', 'veraltet'] })
			.notNull()
			.default('vorschlag'),
		agreedBy: jsonb('agreed_by').$type<StakeholderGroup[]>().notNull().default([]),
		/** When the groups agreed (status abgestimmt). */
		agreedAt: timestamp('agreed_at', { withTimezone: true }),
		/** Set for entries taken over from the shipped starter set. */
		starterKey: text('starter_key'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [
		uniqueIndex('glossary_entries_org_slug').on(table.orgId, table.slug),
		uniqueIndex('glossary_entries_org_term').on(table.orgId, sql`lower(${table.term})`),
		index('glossary_entries_org_status').on(table.orgId, table.status)
	]
);

/** What a proposal suggests: a whole entry's content (new entry) or the changed fields (change). */
export type ProposedContent = Partial<GlossaryEntryContent>;

export const glossaryProposals = pgTable(
	'glossary_proposals',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['new', 'change'] }).notNull(),
		/** The entry a change is about; null for a new entry (and when that entry was deleted since). */
		entryId: uuid('entry_id').references(() => glossaryEntries.id, { onDelete: 'set null' }),
		content: jsonb('content').$type<ProposedContent>().notNull(),
		/** Why, in the proposer's words. */
		comment: text('comment').notNull().default(''),
		/** Where it came from: "public" page, a study, a module … */
		origin: text('origin').notNull().default('public'),
		status: text('status', { enum: ['open', 'accepted', 'rejected'] })
			.notNull()
			.default('open'),
		reason: text('reason').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [index('glossary_proposals_org_status').on(table.orgId, table.status, table.createdAt)]
);
