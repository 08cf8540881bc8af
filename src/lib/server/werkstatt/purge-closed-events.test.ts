import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { phones, werkstattRequest } from '../../../../tests/helpers/werkstatt-phones';
import type { OrgContext } from '../context';
import { werkstattEvents, werkstattLikes, werkstattParticipants, werkstattStatements, werkstattVotes } from '../db/schema';
import { castVote } from './cast-vote';
import { createWerkstatt } from './create-werkstatt';
import { joinWerkstatt } from './join-werkstatt';
import { likeQuestion } from './like-question';
import { participantBoard } from './list-board';
import { LiveHub } from './live-hub';
import { postStatement } from './post-statement';
import { purgeClosedWerkstattEvents } from './purge-closed-events';
import { setWerkstattStatus } from './set-werkstatt-status';
import { streamWerkstattEvents } from './stream-events';

let t: TestDatabase;
let hub: LiveHub;
let organiser: OrgContext;
const DAY = 86_400_000;
const phone = phones(() => t.db);
/** The housekeeping job as it runs `days` from now. */
const housekeeping = (days: number) => purgeClosedWerkstattEvents({ db: t.db, now: new Date(Date.now() + days * DAY) });

beforeAll(async () => {
	t = await createTestDatabase();
	hub = new LiveHub(t.url);
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...werkstattRequest() };
});
afterAll(() => hub.close());

/** A Werkstatt with a participant, a question with a like and a statement with a vote. */
async function busyWerkstatt(title: string) {
	const { id, code } = await createWerkstatt(organiser, { title, moderation: 'post' });
	const { token } = await joinWerkstatt(phone(), code, { group: null });
	const question = await postStatement(phone(), code, token, { text: 'Wer hilft beim Aufbau?', kind: 'question' });
	const statement = await postStatement(phone(), code, token, { text: 'Der Platz braucht Bänke.', kind: 'statement' });
	await likeQuestion(phone(), code, token, { question: question.id });
	await castVote(phone(), code, token, { statement: statement.id, vote: 1 });
	return { id, code };
}

const eventsOf = async (id: string) => (await t.db.select({ n: count() }).from(werkstattEvents).where(eq(werkstattEvents.werkstattId, id)))[0].n;
async function contentOf(id: string) {
	const statements = await t.db.select({ id: werkstattStatements.id }).from(werkstattStatements).where(eq(werkstattStatements.werkstattId, id));
	const ids = statements.map((s) => s.id);
	const [participants] = await t.db.select({ n: count() }).from(werkstattParticipants).where(eq(werkstattParticipants.werkstattId, id));
	const [votes] = await t.db.select({ n: count() }).from(werkstattVotes).where(inArray(werkstattVotes.statementId, ids));
	const [likes] = await t.db.select({ n: count() }).from(werkstattLikes).where(inArray(werkstattLikes.statementId, ids));
	return { statements: ids.length, participants: participants.n, votes: votes.n, likes: likes.n };
}

describe('the retention of the live-event log', () => {
	it('deletes the events of a Werkstatt closed more than 30 days ago, and keeps its statements, votes and likes', async () => {
		const closed = await busyWerkstatt('Längst vorbei');
		const open = await busyWerkstatt('Läuft noch');
		await setWerkstattStatus(organiser, closed.id, { status: 'closed' });
		const kept = { statements: 2, participants: 1, votes: 1, likes: 1 };
		expect(await contentOf(closed.id)).toEqual(kept);
		const events = await eventsOf(closed.id);
		expect(events).toBeGreaterThanOrEqual(6);

		// Within 30 days of closing the log stays: a late reconnect still replays.
		expect(await housekeeping(29)).toBe(0);
		expect(await eventsOf(closed.id)).toBe(events);

		// `stadtwissen catalogue retention --org` of another organisation leaves it alone.
		const elsewhere = await tenantAs(t.db, 'Stadt Beispielheim', 'organiser');
		expect(await purgeClosedWerkstattEvents({ db: t.db, now: new Date(Date.now() + 31 * DAY) }, { orgId: elsewhere.org.orgId })).toBe(0);
		expect(await eventsOf(closed.id)).toBe(events);

		expect(await housekeeping(31)).toBe(events);
		expect(await eventsOf(closed.id)).toBe(0);
		expect(await contentOf(closed.id)).toEqual(kept);
		// An open Werkstatt keeps its log however old.
		expect(await eventsOf(open.id)).toBeGreaterThanOrEqual(5);
		expect(await contentOf(open.id)).toEqual(kept);
		// Again: nothing more to delete.
		expect(await housekeeping(31)).toBe(0);
	});

	it('tells a phone reconnecting with a purged Last-Event-ID to reload, then goes on live', async () => {
		const { id, code } = await busyWerkstatt('Wieder geöffnet');
		await setWerkstattStatus(organiser, id, { status: 'closed' });
		const seen = (await participantBoard(phone(), code, null)).werkstatt.lastEventId;
		expect(seen).toBeGreaterThan(0);
		await housekeeping(31);
		expect((await participantBoard(phone(), code, null)).werkstatt.lastEventId).toBe(0);

		const response = await streamWerkstattEvents(phone(), code, { after: String(seen), hub });
		const body = response.body!.getReader();
		const decoder = new TextDecoder();
		let text = '';
		const until = async (pattern: RegExp) => {
			while (!pattern.test(text)) text += decoder.decode((await body.read()).value, { stream: true });
		};
		// A fresh state first: the board is loaded again (the log it would replay from is gone).
		await until(/event: reload\n/);
		expect(text).toContain('id: 0\nevent: reload\ndata: {}\n\n');
		// Reopened, the Werkstatt's changes reach the phone live again.
		await setWerkstattStatus(organiser, id, { status: 'open' });
		await until(/event: werkstatt\.status\n/);
		expect(text).toMatch(/event: werkstatt\.status\ndata: \{[^\n]*"status":"open"/);
		await body.cancel();

		// A phone whose Last-Event-ID is still in the log just gets what came after it, no reload.
		const fresh = await streamWerkstattEvents(phone(), code, { after: String((await participantBoard(phone(), code, null)).werkstatt.lastEventId), hub });
		const reader = fresh.body!.getReader();
		const first = decoder.decode((await reader.read()).value);
		expect(first).toBe('retry: 2000\n\n');
		await reader.cancel();
	});
});
