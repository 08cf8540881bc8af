import { and, asc, count, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { OrgContext, RequestContext } from '../context';
import { werkstattEvents, werkstattLikes, werkstattParticipants, werkstattStatements, werkstattVotes } from '../db/schema';
import { groupsOf } from './join-werkstatt';
import { participantByToken, werkstattByCode, werkstattOfOrg, type Werkstatt } from './werkstatt-records';

type Status = 'pending' | 'visible' | 'hidden';
type Vote = -1 | 0 | 1;

export interface BoardHeader {
	id: string;
	title: string;
	code: string;
	status: 'open' | 'closed';
	moderation: 'pre' | 'post';
	/** The groups to choose from when joining. */
	groups: string[];
	/** The newest event: a live client starts listening after it (Last-Event-ID). */
	lastEventId: number;
}

export interface ParticipantQuestion {
	id: string;
	text: string;
	status: Status;
	likes: number;
	answered: boolean;
	pinned: boolean;
	mine: boolean;
	liked: boolean;
	/** The name its author chose to show when joining; null: anonymous (or prepared by the facilitator). */
	author: string | null;
}

export interface ParticipantStatement {
	id: string;
	text: string;
	status: Status;
	pinned: boolean;
	mine: boolean;
	vote: Vote | null;
}

export interface ParticipantBoard {
	werkstatt: BoardHeader;
	participant: string | null;
	/** Most liked first. */
	questions: ParticipantQuestion[];
	/** In the order they came. */
	statements: ParticipantStatement[];
	/** The statement to vote on next (one at a time, as Pol.is): the first visible one without this participant's vote. */
	next: string | null;
}

export interface FacilitatorItem {
	id: string;
	kind: 'question' | 'statement';
	text: string;
	status: Status;
	answered: boolean;
	pinned: boolean;
	seeded: boolean;
	/** The name its author chose to show when joining; null: anonymous (or seeded). */
	author: string | null;
	likes: number;
	agree: number;
	disagree: number;
	pass: number;
	createdAt: string;
}

export interface FacilitatorBoard {
	werkstatt: BoardHeader;
	participants: number;
	/** Every item, pending and hidden ones too, in the order they came. */
	items: FacilitatorItem[];
}

async function header(db: Db, werkstatt: Werkstatt): Promise<BoardHeader> {
	const [last] = await db
		.select({ id: werkstattEvents.id })
		.from(werkstattEvents)
		.where(eq(werkstattEvents.werkstattId, werkstatt.id))
		.orderBy(desc(werkstattEvents.id))
		.limit(1);
	return {
		id: werkstatt.id,
		title: werkstatt.title,
		code: werkstatt.code,
		status: werkstatt.status,
		moderation: werkstatt.moderation,
		groups: await groupsOf(db, werkstatt),
		lastEventId: last?.id ?? 0
	};
}

/** The columns both boards show of an item. */
const itemColumns = {
	id: werkstattStatements.id,
	kind: werkstattStatements.kind,
	text: werkstattStatements.text,
	status: werkstattStatements.status,
	answered: werkstattStatements.answered,
	pinned: werkstattStatements.pinned,
	participantId: werkstattStatements.participantId,
	// Only what the participant chose to show ("Namen zeigen" when joining); otherwise NULL.
	author: sql<string | null>`(SELECT ${werkstattParticipants.displayName} FROM ${werkstattParticipants} WHERE ${werkstattParticipants.id} = ${werkstattStatements.participantId})`,
	likes: sql<number>`(SELECT count(*)::int FROM ${werkstattLikes} WHERE ${werkstattLikes.statementId} = ${werkstattStatements.id})`
};
const votesOf = (value: Vote) => sql<number>`(SELECT count(*)::int FROM ${werkstattVotes} WHERE ${werkstattVotes.statementId} = ${werkstattStatements.id} AND ${werkstattVotes.vote} = ${value})`;

/**
 * What a participant sees: visible questions and statements (and their own posts still waiting for
 * approval), like counts, their own votes and likes. Without a token: the same without anything own.
 */
export async function participantBoard(ctx: RequestContext, code: string, token: string | null): Promise<ParticipantBoard> {
	return (await participantBoardOfOrg(ctx, code, token)).board;
}

/** The participant's board and the organisation the Werkstatt belongs to (for its identity on the phone page; never sent out). */
export async function participantBoardOfOrg(ctx: RequestContext, code: string, token: string | null): Promise<{ board: ParticipantBoard; orgId: string }> {
	const { werkstatt, participant } = token ? await participantByToken(ctx.db, code, token) : { werkstatt: await werkstattByCode(ctx.db, code), participant: null };
	const me = participant?.id ?? null;
	const rows = await ctx.db
		.select({
			...itemColumns,
			liked: me ? sql<boolean>`EXISTS (SELECT 1 FROM ${werkstattLikes} WHERE ${werkstattLikes.statementId} = ${werkstattStatements.id} AND ${werkstattLikes.participantId} = ${me})` : sql<boolean>`false`,
			vote: me ? sql<Vote | null>`(SELECT ${werkstattVotes.vote} FROM ${werkstattVotes} WHERE ${werkstattVotes.statementId} = ${werkstattStatements.id} AND ${werkstattVotes.participantId} = ${me})` : sql<null>`NULL`
		})
		.from(werkstattStatements)
		.where(
			and(
				eq(werkstattStatements.werkstattId, werkstatt.id),
				me ? or(eq(werkstattStatements.status, 'visible'), and(eq(werkstattStatements.status, 'pending'), eq(werkstattStatements.participantId, me))) : eq(werkstattStatements.status, 'visible')
			)
		)
		.orderBy(asc(werkstattStatements.createdAt), asc(werkstattStatements.id));
	const questions = rows
		.filter((row) => row.kind === 'question')
		.map((row) => ({ id: row.id, text: row.text, status: row.status, likes: row.likes, answered: row.answered, pinned: row.pinned, mine: row.participantId === me && me !== null, liked: row.liked, author: row.author }))
		.sort((a, b) => b.likes - a.likes);
	const statements = rows
		.filter((row) => row.kind === 'statement')
		.map((row) => ({ id: row.id, text: row.text, status: row.status, pinned: row.pinned, mine: row.participantId === me && me !== null, vote: row.vote === null ? null : (Number(row.vote) as Vote) }));
	const next = me ? (statements.find((s) => s.status === 'visible' && s.vote === null)?.id ?? null) : null;
	return { board: { werkstatt: await header(ctx.db, werkstatt), participant: me, questions, statements, next }, orgId: werkstatt.orgId };
}

/** What the facilitator sees: every item with its status, likes and vote tallies, and how many have joined. */
export async function facilitatorBoard(ctx: OrgContext, id: string): Promise<FacilitatorBoard> {
	const werkstatt = await werkstattOfOrg(ctx.db, ctx.org.orgId, id);
	const rows = await ctx.db
		.select({
			...itemColumns,
			createdAt: werkstattStatements.createdAt,
			agree: votesOf(1),
			disagree: votesOf(-1),
			pass: votesOf(0)
		})
		.from(werkstattStatements)
		.where(eq(werkstattStatements.werkstattId, werkstatt.id))
		.orderBy(asc(werkstattStatements.createdAt), asc(werkstattStatements.id));
	const [{ participants }] = await ctx.db.select({ participants: count() }).from(werkstattParticipants).where(eq(werkstattParticipants.werkstattId, werkstatt.id));
	return {
		werkstatt: await header(ctx.db, werkstatt),
		participants,
		items: rows.map(({ participantId, createdAt, ...row }) => ({ ...row, seeded: participantId === null, createdAt: createdAt.toISOString() }))
	};
}
