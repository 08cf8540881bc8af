import { and, eq, sql } from 'drizzle-orm';
import { normaliseJoinCode } from '../../domain/werkstatt/join-code';
import { hashToken } from '../auth/secrets';
import { WERKSTATT_EVENT_LOCK_CLASS } from '../db/advisory-locks';
import type { Db } from '../db/client';
import { catalogueModules, catalogueSessions, werkstaetten, werkstattParticipants, werkstattStatements, werkstattVotes, type WerkstattEventPayload } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../validate';

/*
 * What the Werkstatt use cases share: finding a Werkstatt (by the organisation's id or by the
 * participants' code), the participant behind a token, and the event every change writes.
 */

export type Werkstatt = typeof werkstaetten.$inferSelect;
export type Participant = typeof werkstattParticipants.$inferSelect;

/** Participant tokens start with this, so nobody mistakes one for an API key (`swt_`). */
export const PARTICIPANT_TOKEN_PREFIX = 'swp_';

/** The kinds of live events, as the SSE stream names them. */
export type WerkstattEventKind = 'werkstatt.status' | 'werkstatt.imported' | 'participant.joined' | 'statement.posted' | 'statement.changed' | 'vote' | 'like';

const NOT_FOUND = 'Diese Werkstatt gibt es nicht (mehr). Bitte prüfen Sie den Code.';

/** A Werkstatt of the acting organisation; another organisation's is as unknown as a missing one. */
export async function werkstattOfOrg(db: Db, orgId: string, id: string, lock = false): Promise<Werkstatt> {
	if (!isUuid(id)) throw new AppError('not_found', NOT_FOUND);
	const query = db
		.select()
		.from(werkstaetten)
		.where(and(eq(werkstaetten.id, id), eq(werkstaetten.orgId, orgId)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found', NOT_FOUND);
	return row;
}

/** The Werkstatt participants reach by its code (case, spaces and hyphens forgiven). */
export async function werkstattByCode(db: Db, typed: string): Promise<Werkstatt> {
	const code = normaliseJoinCode(typed);
	if (!code) throw new AppError('not_found', NOT_FOUND);
	const [row] = await db.select().from(werkstaetten).where(eq(werkstaetten.code, code));
	if (!row) throw new AppError('not_found', NOT_FOUND);
	return row;
}

/** The Werkstatt of `code` and the participant whose token this is (401 when it is none of its participants). */
export async function participantByToken(db: Db, code: string, token: string | null): Promise<{ werkstatt: Werkstatt; participant: Participant }> {
	const werkstatt = await werkstattByCode(db, code);
	if (!token) throw new AppError('unauthorized', 'Bitte treten Sie der Werkstatt zuerst bei (der Teilnahme-Schlüssel fehlt im Header „Authorization: Bearer …“).');
	const [participant] = token.startsWith(PARTICIPANT_TOKEN_PREFIX)
		? await db
				.select()
				.from(werkstattParticipants)
				.where(and(eq(werkstattParticipants.tokenHash, hashToken(token)), eq(werkstattParticipants.werkstattId, werkstatt.id)))
		: [];
	if (!participant) throw new AppError('unauthorized', 'Dieser Teilnahme-Schlüssel gehört nicht zu dieser Werkstatt. Bitte treten Sie ihr neu bei.');
	return { werkstatt, participant };
}

/** Posts, votes and likes only while the Werkstatt is open. */
export function refuseClosed(werkstatt: Werkstatt): void {
	if (werkstatt.status !== 'open') throw new AppError('conflict', 'Die Werkstatt ist geschlossen. Beiträge und Stimmen sind gerade nicht möglich.');
}

/** A visible question or statement of the Werkstatt, or a 404 naming `field` (what one may vote on or like). */
export async function visibleItem(db: Db, werkstattId: string, id: string, kind: 'question' | 'statement', field: string, refusal: string): Promise<{ id: string }> {
	const [item] = await db
		.select({ id: werkstattStatements.id })
		.from(werkstattStatements)
		.where(and(eq(werkstattStatements.id, id), eq(werkstattStatements.werkstattId, werkstattId), eq(werkstattStatements.kind, kind), eq(werkstattStatements.status, 'visible')));
	if (!item) throw new AppError('not_found', refusal, [{ path: field, message: kind === 'question' ? 'Unbekannte oder nicht sichtbare Frage.' : 'Unbekannte oder nicht sichtbare Aussage.' }]);
	return item;
}

/** The channel NOTIFY uses for one Werkstatt (the live hub LISTENs on it). */
export const channelOf = (werkstattId: string) => `werkstatt_${werkstattId}`;

/**
 * Appends the event to the log and announces it (id, kind, ids — never text) in one statement. Call
 * it last inside the change's transaction: the NOTIFY is delivered on commit, and not at all on
 * rollback. A per-Werkstatt advisory lock, held to the commit, makes one Werkstatt's event ids
 * commit in order — so a client that has seen id n has seen every event below it, and replay after
 * Last-Event-ID misses nothing.
 */
export async function recordEvent(db: Db, werkstattId: string, kind: WerkstattEventKind, payload: WerkstattEventPayload = {}): Promise<number> {
	const channel = channelOf(werkstattId);
	const result = await db.execute<{ id: string }>(sql`
		WITH locked AS (SELECT pg_advisory_xact_lock(${WERKSTATT_EVENT_LOCK_CLASS}, hashtext(${werkstattId}))),
		event AS (
			INSERT INTO werkstatt_events (werkstatt_id, kind, payload) SELECT ${werkstattId}::uuid, ${kind}, ${JSON.stringify(payload)}::jsonb FROM locked
			RETURNING id, kind, payload
		)
		SELECT id, pg_notify(${channel}, json_build_object('id', id, 'kind', kind, 'payload', payload)::text) FROM event`);
	return Number(result.rows[0].id);
}

/** Every vote in a Werkstatt, ordered by participant (the order the vote matrix builds fastest from). */
export function votesOf(db: Db, werkstattId: string) {
	return db
		.select({ participant: werkstattVotes.participantId, statement: werkstattVotes.statementId, vote: werkstattVotes.vote, updatedAt: werkstattVotes.updatedAt })
		.from(werkstattVotes)
		.innerJoin(werkstattParticipants, eq(werkstattParticipants.id, werkstattVotes.participantId))
		.where(eq(werkstattParticipants.werkstattId, werkstattId))
		.orderBy(werkstattVotes.participantId);
}

/** The catalogue session a Werkstatt belongs to, with its module's title; null when it stands alone. */
export async function linkedSession(db: Db, werkstattId: string): Promise<{ sessionId: string; startsAt: Date; moduleTitle: string } | null> {
	const [link] = await db
		.select({ sessionId: catalogueSessions.id, startsAt: catalogueSessions.startsAt, moduleTitle: catalogueModules.title })
		.from(werkstaetten)
		.innerJoin(catalogueSessions, eq(catalogueSessions.id, werkstaetten.sessionId))
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
		.where(eq(werkstaetten.id, werkstattId));
	return link ?? null;
}
