import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts';
import { catalogueSessions } from './catalogue';

/*
 * Werkstatt: the live workshop inside a module session. Participants join with a short code,
 * without an account (a token stored only as its hash); they post questions and statements,
 * like questions and vote on statements. Every change is written to an ordered event log and
 * announced with NOTIFY, so every app instance can tell its live clients.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const werkstaetten = pgTable(
	'werkstaetten',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		orgId: uuid('org_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		/** The catalogue session this Werkstatt belongs to; its module's target groups are the groups to choose from. */
		sessionId: uuid('session_id').references(() => catalogueSessions.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		/** Six symbols participants type to join (domain/werkstatt/join-code.ts). */
		code: text('code').notNull(),
		status: text('status', { enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		/** 'pre': participants' posts wait for the facilitator; 'post': they are visible at once. */
		moderation: text('moderation', { enum: ['pre', 'post'] })
			.notNull()
			.default('post'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(table) => [uniqueIndex('werkstaetten_code').on(table.code), index('werkstaetten_org').on(table.orgId, table.createdAt)]
);

export const werkstattParticipants = pgTable(
	'werkstatt_participants',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		werkstattId: uuid('werkstatt_id')
			.notNull()
			.references(() => werkstaetten.id, { onDelete: 'cascade' }),
		/** SHA-256 of the participant's token; the token itself is never stored. */
		tokenHash: text('token_hash').notNull(),
		/** The stakeholder group the participant chose; null = „möchte ich nicht sagen“. */
		stakeholderGroup: text('stakeholder_group'),
		/** Optional and off by default. */
		displayName: text('display_name'),
		/** The participant's id in a Pol.is export this Werkstatt was imported from. */
		externalId: text('external_id'),
		createdAt: createdAt()
	},
	(table) => [uniqueIndex('werkstatt_participants_token').on(table.tokenHash), index('werkstatt_participants_werkstatt').on(table.werkstattId)]
);

export const werkstattStatements = pgTable(
	'werkstatt_statements',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		werkstattId: uuid('werkstatt_id')
			.notNull()
			.references(() => werkstaetten.id, { onDelete: 'cascade' }),
		/** Who posted it; null for statements the facilitator seeded (or whose participant is gone). */
		participantId: uuid('participant_id').references(() => werkstattParticipants.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: ['question', 'statement'] }).notNull(),
		text: text('text').notNull(),
		status: text('status', { enum: ['pending', 'visible', 'hidden'] })
			.notNull()
			.default('visible'),
		answered: boolean('answered').notNull().default(false),
		pinned: boolean('pinned').notNull().default(false),
		/** The comment id in a Pol.is export this statement was imported from. */
		externalId: text('external_id'),
		createdAt: createdAt()
	},
	(table) => [
		index('werkstatt_statements_werkstatt').on(table.werkstattId, table.createdAt),
		// At most one item on the projector at a time.
		uniqueIndex('werkstatt_statements_one_pinned').on(table.werkstattId).where(sql`${table.pinned}`),
		check('werkstatt_statements_text_length', sql`char_length(${table.text}) BETWEEN 1 AND 280`)
	]
);

/** A vote's or like's two keys: which statement, which participant (both gone with either). */
const participantOnStatement = () => ({
	statementId: uuid('statement_id')
		.notNull()
		.references(() => werkstattStatements.id, { onDelete: 'cascade' }),
	participantId: uuid('participant_id')
		.notNull()
		.references(() => werkstattParticipants.id, { onDelete: 'cascade' })
});

export const werkstattVotes = pgTable(
	'werkstatt_votes',
	{
		...participantOnStatement(),
		/** 1 agree, -1 disagree, 0 pass (as Pol.is). */
		vote: smallint('vote').notNull(),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.statementId, table.participantId] }),
		index('werkstatt_votes_participant').on(table.participantId),
		check('werkstatt_votes_vote', sql`${table.vote} IN (-1, 0, 1)`)
	]
);

export const werkstattLikes = pgTable(
	'werkstatt_likes',
	{
		...participantOnStatement(),
		createdAt: createdAt()
	},
	(table) => [primaryKey({ columns: [table.statementId, table.participantId] }), index('werkstatt_likes_participant').on(table.participantId)]
);

/** What a live event says: its kind and the ids it concerns (never text — clients fetch the board). */
export interface WerkstattEventPayload {
	statement?: string;
	participant?: string;
	status?: string;
}

/** Every change in order: live clients reconnecting with Last-Event-ID get what they missed from here. */
export const werkstattEvents = pgTable(
	'werkstatt_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		werkstattId: uuid('werkstatt_id')
			.notNull()
			.references(() => werkstaetten.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		payload: jsonb('payload').$type<WerkstattEventPayload>().notNull().default({}),
		createdAt: createdAt()
	},
	(table) => [index('werkstatt_events_werkstatt').on(table.werkstattId, table.id)]
);
