import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts';
import { catalogueModules } from './catalogue';
import { studies } from './studies';

/*
 * Qualifizierungsplan: from the gaps a closed study round measured to measures per horizon slot —
 * which gaps the organisers prioritise or drop (with a reason), which modules address them, who
 * is responsible, and a rough budget. The figures themselves are never stored: they are read from
 * the protected results each time, so a plan shows nothing the results would not.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const qualificationPlans = pgTable(
	'qualification_plans',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		studyId: uuid('study_id')
			.notNull()
			.references(() => studies.id, { onDelete: 'cascade' }),
		/** The closed (or published) round whose results the plan starts from. */
		round: smallint('round').notNull(),
		/** Prioritisation rule: gap ≥ minGap, or among the horizon's topN. */
		minGap: doublePrecision('min_gap').notNull().default(0.5),
		topN: smallint('top_n').notNull().default(10),
		title: text('title').notNull(),
		status: text('status', { enum: ['draft', 'published'] })
			.notNull()
			.default('draft'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('qualification_plans_org').on(table.orgId, table.createdAt),
		index('qualification_plans_study').on(table.studyId),
		check('qualification_plans_round', sql`${table.round} >= 1`),
		check('qualification_plans_min_gap', sql`${table.minGap} BETWEEN 0 AND 4`),
		check('qualification_plans_top_n', sql`${table.topN} BETWEEN 0 AND 100`),
		check('qualification_plans_title_length', sql`char_length(${table.title}) BETWEEN 1 AND 200`),
		check('qualification_plans_published_at', sql`(${table.status} = 'published') = (${table.publishedAt} IS NOT NULL)`)
	]
);

/** The plan and the gap (competence code, horizon key of the study) a decision or measure is about. */
const gapOfPlan = () => ({
	planId: uuid('plan_id')
		.notNull()
		.references(() => qualificationPlans.id, { onDelete: 'cascade' }),
	competence: text('competence').notNull(),
	horizon: text('horizon').notNull()
});

/** An organiser's decision on one gap: prioritise it (also one below the rule) or drop it, with a reason. */
export const planGapDecisions = pgTable(
	'plan_gap_decisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		...gapOfPlan(),
		status: text('status', { enum: ['prioritised', 'dropped'] }).notNull(),
		reason: text('reason').notNull().default(''),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('plan_gap_decisions_gap').on(table.planId, table.competence, table.horizon),
		check('plan_gap_decisions_reason', sql`${table.status} <> 'dropped' OR char_length(btrim(${table.reason})) > 0`),
		check('plan_gap_decisions_reason_length', sql`char_length(${table.reason}) <= 1000`)
	]
);

/** A measure for a gap: a module (or none yet), a horizon slot, a target group, who is responsible and a rough budget. */
export const planMeasures = pgTable(
	'plan_measures',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		...gapOfPlan(),
		moduleId: uuid('module_id').references(() => catalogueModules.id, { onDelete: 'set null' }),
		slot: text('slot', { enum: ['heute', 'morgen', 'uebermorgen'] }).notNull(),
		/** A catalogue target group key (verwaltung, politik, …); null = all. */
		targetGroup: text('target_group'),
		responsible: text('responsible').notNull().default(''),
		costPerParticipantCents: integer('cost_per_participant_cents').notNull().default(0),
		expectedParticipants: integer('expected_participants').notNull().default(0),
		notes: text('notes').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('plan_measures_plan').on(table.planId, table.createdAt),
		index('plan_measures_module').on(table.moduleId),
		check('plan_measures_cost', sql`${table.costPerParticipantCents} BETWEEN 0 AND 10000000`),
		check('plan_measures_participants', sql`${table.expectedParticipants} BETWEEN 0 AND 100000`)
	]
);
