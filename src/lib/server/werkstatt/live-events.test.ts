import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import type { OrgContext, RequestContext } from '../context';
import { castVote } from './cast-vote';
import { createWerkstatt } from './create-werkstatt';
import { deleteWerkstatt } from './delete-werkstatt';
import { werkstattParticipants } from '../db/schema';
import { joinWerkstatt } from './join-werkstatt';
import { LiveHub } from './live-hub';
import { participantBoard } from './list-board';
import { postStatement } from './post-statement';
import { seedStatements } from './seed-statements';
import { streamWerkstattEvents } from './stream-events';
import { recordEvent } from './werkstatt-records';

let t: TestDatabase;
let hub: LiveHub;
let facilitator: OrgContext;
let organiser: OrgContext;
let addresses = 0;

const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de', requestId: 'test' });
const phone = (): RequestContext => ({ ...request(), db: t.db, actor: null, clientAddress: `198.51.100.${++addresses}` });

beforeAll(async () => {
	t = await createTestDatabase();
	hub = new LiveHub(t.url);
	facilitator = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate')), ...request() };
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() };
});
afterAll(() => hub.close());

interface Frame {
	id?: number;
	event?: string;
	data?: Record<string, unknown>;
	comment?: string;
}

/** Reads an SSE body frame by frame, as a browser's EventSource would. */
function reader(response: Response) {
	const body = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	const frames: Frame[] = [];
	let ended = false;
	const pump = (async () => {
		for (;;) {
			const { done, value } = await body.read();
			if (done) return void (ended = true);
			text += decoder.decode(value, { stream: true });
			let end: number;
			while ((end = text.indexOf('\n\n')) >= 0) {
				const block = text.slice(0, end);
				text = text.slice(end + 2);
				const frame: Frame = {};
				for (const line of block.split('\n')) {
					if (line.startsWith(':')) frame.comment = line.slice(1).trim();
					else if (line.startsWith('id: ')) frame.id = Number(line.slice(4));
					else if (line.startsWith('event: ')) frame.event = line.slice(7);
					else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6)) as Record<string, unknown>;
				}
				frames.push(frame);
			}
		}
	})().catch(() => (ended = true));
	return { frames, events: () => frames.filter((f) => f.event), ended: () => ended, cancel: () => body.cancel().then(() => pump) };
}

async function room() {
	const { id, code } = await createWerkstatt(organiser, { title: 'Live', moderation: 'post' });
	return { id, code };
}

describe('the live stream of a Werkstatt', () => {
	it('sends each change to every listening client, as event kind and ids, in order', async () => {
		const { id, code } = await room();
		const projector = reader(await streamWerkstattEvents(phone(), code, { after: null, hub }));
		const phoneStream = reader(await streamWerkstattEvents(phone(), code, { after: null, hub }));
		const [statement] = (await seedStatements(facilitator, id, { statements: ['Wir brauchen mehr Grün.'] })).statements;
		const { token, participant } = await joinWerkstatt(phone(), code, {});
		await castVote(phone(), code, token, { statement, vote: 1 });
		for (const client of [projector, phoneStream]) {
			await expect.poll(() => client.events().length).toBe(3);
			expect(client.events().map((f) => [f.event, f.data])).toEqual([
				['statement.posted', { id: client.events()[0].id, statement, status: 'visible' }],
				['participant.joined', { id: client.events()[1].id, participant }],
				['vote', { id: client.events()[2].id, statement }]
			]);
		}
		expect(projector.frames[0]).toEqual({});
		await projector.cancel();
		await phoneStream.cancel();
		await expect.poll(() => hub.subscribers(id)).toBe(0);
	});

	it('replays what a reconnecting client missed after its Last-Event-ID, then goes on live', async () => {
		const { id, code } = await room();
		const { token } = await joinWerkstatt(phone(), code, {});
		const first = await postStatement(phone(), code, token, { text: 'Erste', kind: 'question' });
		const { werkstatt } = await participantBoard(phone(), code, null);
		const second = await postStatement(phone(), code, token, { text: 'Zweite', kind: 'question' });
		const third = await postStatement(phone(), code, token, { text: 'Dritte', kind: 'question' });
		const client = reader(await streamWerkstattEvents(phone(), code, { after: String(werkstatt.lastEventId), hub }));
		await expect.poll(() => client.events().length).toBe(2);
		expect(client.events().map((f) => f.data?.statement)).toEqual([second.id, third.id]);
		const fourth = await postStatement(phone(), code, token, { text: 'Vierte', kind: 'question' });
		await expect.poll(() => client.events().length).toBe(3);
		expect(client.events()[2].data?.statement).toBe(fourth.id);
		const ids = client.events().map((f) => f.id!);
		expect([...ids].sort((a, b) => a - b)).toEqual(ids);
		expect(client.events().some((f) => f.data?.statement === first.id)).toBe(false);
		await client.cancel();
		expect(hub.subscribers(id)).toBe(0);
	});

	it('tells a client too far behind to reload the board, then goes on live', async () => {
		const { id, code } = await room();
		const before = (await participantBoard(phone(), code, null)).werkstatt.lastEventId;
		await seedStatements(facilitator, id, { statements: ['Eins.', 'Zwei.', 'Drei.'] });
		const newest = (await participantBoard(phone(), code, null)).werkstatt.lastEventId;
		const client = reader(await streamWerkstattEvents(phone(), code, { after: String(before), hub, replayLimit: 2 }));
		await expect.poll(() => client.events().length).toBe(1);
		expect(client.events()[0]).toMatchObject({ event: 'reload', id: newest });
		const { token } = await joinWerkstatt(phone(), code, {});
		await expect.poll(() => client.events().length).toBe(2);
		expect(client.events()[1].event).toBe('participant.joined');
		expect(token).toBeTruthy();
		await client.cancel();
	});

	it('drops a client that stops reading, and the others still get every event', async () => {
		const { id, code } = await room();
		const slow = await streamWerkstattEvents(phone(), code, { after: null, hub, bufferEvents: 3 });
		const fast = reader(await streamWerkstattEvents(phone(), code, { after: null, hub }));
		await expect.poll(() => hub.subscribers(id)).toBe(2);
		await seedStatements(facilitator, id, { statements: Array.from({ length: 10 }, (_, i) => `Aussage ${i}`) });
		await expect.poll(() => fast.events().length).toBe(10);
		await expect.poll(() => hub.subscribers(id)).toBe(1);
		const late = reader(slow);
		await expect.poll(() => late.ended()).toBe(true);
		expect(late.events().length).toBeLessThan(10);
		await fast.cancel();
	});

	it('commits one Werkstatt\'s events in the order of their ids, so replay after an id misses none', async () => {
		const { id } = await room();
		const heard: number[] = [];
		const unsubscribe = await hub.subscribe(id, { event: (event) => heard.push(event.id), resync: () => {} });
		// A takes the first id and stays open; B takes the next one meanwhile. B must not commit first:
		// a client that saw B's id and reconnected after it would never get A's event.
		let releaseA!: () => void;
		let aRecorded!: () => void;
		const recorded = new Promise<void>((resolve) => (aRecorded = resolve));
		const a = t.db.transaction(async (tx) => {
			const eventId = await recordEvent(tx, id, 'vote');
			aRecorded();
			await new Promise<void>((resolve) => (releaseA = resolve));
			return eventId;
		});
		await recorded;
		let bDone = false;
		const b = t.db.transaction((tx) => recordEvent(tx, id, 'vote')).finally(() => (bDone = true));
		const waiting = async () => (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0].n;
		await expect.poll(async () => bDone || (await waiting()) > 0).toBe(true);
		releaseA();
		const [aId, bId] = await Promise.all([a, b]);
		expect(aId).toBeLessThan(bId);
		await expect.poll(() => heard.length).toBe(2);
		expect(heard).toEqual([aId, bId]);
		unsubscribe();
	});

	it('keeps a quiet stream alive with comment lines', async () => {
		const { code } = await room();
		const client = reader(await streamWerkstattEvents(phone(), code, { after: null, hub, heartbeatMs: 10 }));
		await expect.poll(() => client.frames.some((f) => f.comment === 'ping')).toBe(true);
		await client.cancel();
	});

	it('ends the streams of a deleted Werkstatt, which takes everything in it along', async () => {
		const { id, code } = await room();
		const { token } = await joinWerkstatt(phone(), code, {});
		await postStatement(phone(), code, token, { text: 'Bald weg.', kind: 'statement' });
		const client = reader(await streamWerkstattEvents(phone(), code, { after: null, hub }));
		await expect.poll(() => hub.subscribers(id)).toBe(1);
		await deleteWerkstatt(organiser, id);
		await expect.poll(() => client.ended()).toBe(true);
		expect(client.events().map((f) => f.event)).toEqual(['werkstatt.deleted']);
		expect(hub.subscribers(id)).toBe(0);
		expect(await t.db.select().from(werkstattParticipants).where(eq(werkstattParticipants.werkstattId, id))).toEqual([]);
		await expect(participantBoard(phone(), code, null)).rejects.toMatchObject({ code: 'not_found' });
		await expect(deleteWerkstatt(facilitator, id)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('does not open a stream for an unknown code', async () => {
		await expect(streamWerkstattEvents(phone(), 'ZZZZZZ', { after: null, hub })).rejects.toMatchObject({ code: 'not_found' });
	});
});
