import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts';
import { frameworkVersions } from './frameworks';

export const studyStatus = pgEnum('study_status', ['draft', 'open', 'closed', 'published']);

export interface StudyGroup {
	key: string;
	label: string;
}
export interface StudyHorizon {
	key: string;
	label: string;
	/** Years ahead, shown to participants ("in etwa 5 Jahren"); 0 for today. */
	years: number;
}
export interface OpenQuestion {
	key: string;
	label: string;
}
export interface ConsensusSettings {
	maxIqr: number;
	minAgreement: number;
}

export const studies = pgTable(
	'studies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		introduction: text('introduction').notNull().default(''),
		frameworkVersionId: uuid('framework_version_id')
			.notNull()
			.references(() => frameworkVersions.id),
		/** Competence codes of the pinned version, in questionnaire order. */
		competences: jsonb('competences').$type<string[]>().notNull(),
		horizons: jsonb('horizons').$type<StudyHorizon[]>().notNull(),
		measureProficiency: boolean('measure_proficiency').notNull().default(true),
		openQuestions: jsonb('open_questions').$type<OpenQuestion[]>().notNull().default([]),
		groups: jsonb('groups').$type<StudyGroup[]>().notNull(),
		minGroupSize: smallint('min_group_size').notNull().default(5),
		consensus: jsonb('consensus').$type<ConsensusSettings>().notNull(),
		quantileType: smallint('quantile_type').notNull().default(7),
		rounds: smallint('rounds').notNull().default(1),
		currentRound: smallint('current_round').notNull().default(1),
		lateJoinersAllowed: boolean('late_joiners_allowed').notNull().default(false),
		status: studyStatus('status').notNull().default('draft'),
		opensOn: date('opens_on'),
		closesOn: date('closes_on'),
		/** Days before the closing day the closing reminder goes out (0: no reminder). */
		reminderDays: smallint('reminder_days').notNull().default(3),
		/** eDelphi: which answers may carry a reason — those far from the group's median, or every answer. */
		reasonMode: text('reason_mode', { enum: ['far', 'every'] }).notNull().default('far'),
		/** Hash of the open link where participants choose their group themselves; null when off. */
		openLinkHash: text('open_link_hash'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [
		index('studies_org').on(table.orgId),
		uniqueIndex('studies_open_link').on(table.openLinkHash),
		check('studies_reminder_days', sql`${table.reminderDays} BETWEEN 0 AND 30`),
		check('studies_reason_mode', sql`${table.reasonMode} IN ('far', 'every')`)
	]
);

/** A batch of anonymous links; the links themselves are kept only until the organiser confirms the hand-out. */
export const invitationBatches = pgTable('invitation_batches', {
	id: uuid('id').primaryKey().defaultRandom(),
	studyId: uuid('study_id')
		.notNull()
		.references(() => studies.id, { onDelete: 'cascade' }),
	groupKey: text('group_key').notNull(),
	count: integer('count').notNull(),
	kind: text('kind', { enum: ['links', 'email', 'open'] }).notNull(),
	pendingTokens: jsonb('pending_tokens').$type<string[] | null>(),
	handedOutAt: timestamp('handed_out_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Invitation tokens, only as hashes. Nothing here points at answers: whether a token has
 * submitted a round is known only from a marker derived from the token itself (spent_markers).
 */
export const invitations = pgTable(
	'invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		studyId: uuid('study_id')
			.notNull()
			.references(() => studies.id, { onDelete: 'cascade' }),
		batchId: uuid('batch_id').references(() => invitationBatches.id, { onDelete: 'set null' }),
		groupKey: text('group_key').notNull(),
		tokenHash: text('token_hash').notNull(),
		/** Rounds in which this link opened the questionnaire (for "started" progress). */
		startedRounds: smallint('started_rounds').array().notNull().default(sql`'{}'`),
		/** Rounds finished, written after the answers in a separate transaction, for progress and reminders. */
		finishedRounds: smallint('finished_rounds').array().notNull().default(sql`'{}'`)
	},
	(table) => [uniqueIndex('invitations_token').on(table.tokenHash), index('invitations_study_group').on(table.studyId, table.groupKey)]
);

/** E-mail addresses kept apart, used to send a link once and to remind; deleted when the study closes. */
export const invitationEmails = pgTable('invitation_emails', {
	id: uuid('id').primaryKey().defaultRandom(),
	studyId: uuid('study_id')
		.notNull()
		.references(() => studies.id, { onDelete: 'cascade' }),
	invitationId: uuid('invitation_id')
		.notNull()
		.references(() => invitations.id, { onDelete: 'cascade' }),
	email: text('email').notNull(),
	sentOn: date('sent_on'),
	remindedOn: date('reminded_on')
});

/** One row per submitted round and token: a keyed hash of the token, so the link is spent atomically with the answers. */
/*
 * The tables submit_answers writes (spent_markers, encrypted_drafts, answers, the three counter
 * tables, submission_receipts) carry no foreign key to studies: checking it for each of a
 * questionnaire's ~160 rows took a third of a submission's database time. The function checks
 * that the study is open itself, and studies are never deleted (a deletion would have to remove
 * these rows explicitly).
 */
export const spentMarkers = pgTable(
	'spent_markers',
	{
		marker: text('marker').notNull(),
		studyId: uuid('study_id').notNull(),
		round: smallint('round').notNull()
	},
	(table) => [primaryKey({ columns: [table.marker] })]
);

/** Save-and-resume drafts and a round's submitted answers for Delphi feedback, encrypted with a key derived from the token. */
export const encryptedDrafts = pgTable(
	'encrypted_drafts',
	{
		lookup: text('lookup').notNull(),
		studyId: uuid('study_id').notNull(),
		round: smallint('round').notNull(),
		kind: text('kind', { enum: ['draft', 'submitted'] }).notNull(),
		payload: text('payload').notNull(),
		updatedOn: date('updated_on').notNull().default(sql`current_date`)
	},
	(table) => [primaryKey({ columns: [table.lookup, table.round, table.kind] }), index('encrypted_drafts_study').on(table.studyId)]
);

/**
 * Raw answers for export and re-computation. Unlinkable by design: a random response id, no token,
 * no user, and the day only.
 */
export const answers = pgTable(
	'answers',
	{
		responseId: uuid('response_id').notNull(),
		studyId: uuid('study_id').notNull(),
		round: smallint('round').notNull(),
		groupKey: text('group_key').notNull(),
		competence: text('competence').notNull(),
		measure: text('measure', { enum: ['importance', 'proficiency'] }).notNull(),
		horizon: text('horizon').notNull().default(''),
		/** 1–5, or null for "kann ich nicht einschätzen". */
		value: smallint('value'),
		submittedOn: date('submitted_on').notNull().default(sql`current_date`)
	},
	// response_id spreads concurrent submissions over the index: with (study, round) alone every insert of a round went to the same last page.
	(table) => [index('answers_study_round_response').on(table.studyId, table.round, table.responseId)]
);

export const openAnswers = pgTable(
	'open_answers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		studyId: uuid('study_id')
			.notNull()
			.references(() => studies.id, { onDelete: 'cascade' }),
		round: smallint('round').notNull(),
		groupKey: text('group_key').notNull(),
		questionKey: text('question_key').notNull(),
		text: text('text').notNull(),
		/** Taken out by an organiser (it names a person or is otherwise unsuitable); reversible. */
		hidden: boolean('hidden').notNull().default(false),
		submittedOn: date('submitted_on').notNull().default(sql`current_date`)
	},
	(table) => [index('open_answers_study').on(table.studyId, table.round)]
);

/**
 * An organiser released the free-text answers to one open question of one round: only then are
 * they shown (and only for groups with n ≥ max(k, 8)). No row = not released.
 */
export const openAnswerReleases = pgTable(
	'open_answer_releases',
	{
		studyId: uuid('study_id')
			.notNull()
			.references(() => studies.id, { onDelete: 'cascade' }),
		round: smallint('round').notNull(),
		questionKey: text('question_key').notNull(),
		releasedAt: timestamp('released_at', { withTimezone: true }).notNull().defaultNow(),
		releasedBy: uuid('released_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [primaryKey({ columns: [table.studyId, table.round, table.questionKey] })]
);

/**
 * Histogram counters per (study, round, competence, measure, horizon, group), sharded because every
 * submission touches the same cells; results read the sum of the shards.
 */
export const resultCounters = pgTable(
	'result_counters',
	{
		studyId: uuid('study_id').notNull(),
		round: smallint('round').notNull(),
		competence: text('competence').notNull(),
		measure: text('measure').notNull(),
		horizon: text('horizon').notNull(),
		groupKey: text('group_key').notNull(),
		shard: smallint('shard').notNull(),
		c1: integer('c1').notNull().default(0),
		c2: integer('c2').notNull().default(0),
		c3: integer('c3').notNull().default(0),
		c4: integer('c4').notNull().default(0),
		c5: integer('c5').notNull().default(0),
		dontKnow: integer('dont_know').notNull().default(0)
	},
	(table) => [primaryKey({ columns: [table.studyId, table.round, table.competence, table.measure, table.horizon, table.groupKey, table.shard] })]
);

/** Finished questionnaires per group and round (the participation table of the results). */
export const participationCounters = pgTable(
	'participation_counters',
	{
		studyId: uuid('study_id').notNull(),
		round: smallint('round').notNull(),
		groupKey: text('group_key').notNull(),
		shard: smallint('shard').notNull(),
		finished: integer('finished').notNull().default(0)
	},
	(table) => [primaryKey({ columns: [table.studyId, table.round, table.groupKey, table.shard] })]
);

/**
 * Round-to-round transitions of the same participant's answer (previous → current, 0 = don't know),
 * counted like the histograms so pairs exist without linking responses.
 */
export const transitionCounters = pgTable(
	'transition_counters',
	{
		studyId: uuid('study_id').notNull(),
		round: smallint('round').notNull(),
		competence: text('competence').notNull(),
		measure: text('measure').notNull(),
		horizon: text('horizon').notNull(),
		groupKey: text('group_key').notNull(),
		previousValue: smallint('previous_value').notNull(),
		currentValue: smallint('current_value').notNull(),
		shard: smallint('shard').notNull(),
		count: integer('count').notNull().default(0)
	},
	(table) => [
		primaryKey({
			columns: [table.studyId, table.round, table.competence, table.measure, table.horizon, table.groupKey, table.previousValue, table.currentValue, table.shard]
		})
	]
);

/** Idempotent submission: the key (hashed) created when the form was rendered, and the receipt it got. */
export const submissionReceipts = pgTable('submission_receipts', {
	keyHash: text('key_hash').primaryKey(),
	studyId: uuid('study_id').notNull(),
	round: smallint('round').notNull(),
	bodyHash: text('body_hash').notNull(),
	receipt: text('receipt').notNull(),
	createdOn: date('created_on').notNull().default(sql`current_date`)
});
