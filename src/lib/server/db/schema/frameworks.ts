import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FrameworkDocument, ImportIssue } from '../../../domain/framework';
import { organisations, users } from './accounts';

export const frameworkVersionStatus = pgEnum('framework_version_status', ['draft', 'published']);

/** An organisation's framework; `orgId` null is the framework shipped with Stadtwissen, readable by all. */
export const frameworks = pgTable(
	'frameworks',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id').references(() => organisations.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		archivedAt: timestamp('archived_at', { withTimezone: true })
	},
	(table) => [index('frameworks_org').on(table.orgId)]
);

/**
 * Each version keeps the whole framework document (both languages, order, tags) as JSON, so a
 * version is exactly what a study pinned and exports are lossless. A frozen version never changes;
 * editing it creates the next draft.
 */
export const frameworkVersions = pgTable(
	'framework_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		frameworkId: uuid('framework_id')
			.notNull()
			.references(() => frameworks.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		status: frameworkVersionStatus('status').notNull().default('draft'),
		document: jsonb('document').$type<FrameworkDocument>().notNull(),
		frozenAt: timestamp('frozen_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [uniqueIndex('framework_versions_number').on(table.frameworkId, table.number)]
);

/** An uploaded file that passed validation, waiting for the organiser to confirm the preview. */
export const frameworkImports = pgTable('framework_imports', {
	id: uuid('id').primaryKey().defaultRandom(),
	orgId: uuid('org_id')
		.notNull()
		.references(() => organisations.id, { onDelete: 'cascade' }),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	format: text('format').notNull(),
	fileName: text('file_name').notNull(),
	document: jsonb('document').$type<FrameworkDocument>().notNull(),
	warnings: jsonb('warnings').$type<ImportIssue[]>().notNull().default([]),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
