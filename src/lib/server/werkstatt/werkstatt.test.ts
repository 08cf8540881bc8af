import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { werkstattModerateSchema, werkstattPostSchema, werkstattSeedSchema } from '../../schemas/werkstatt';
import { validate } from '../validate';
import type { OrgContext, RequestContext } from '../context';
import { catalogueModules, catalogueSessions, werkstattLikes, werkstattParticipants, werkstattStatements, werkstattVotes } from '../db/schema';
import { castVote } from './cast-vote';
import { createWerkstatt } from './create-werkstatt';
import { joinWerkstatt } from './join-werkstatt';
import { likeQuestion } from './like-question';
import { facilitatorBoard, participantBoard } from './list-board';
import { moderateStatement } from './moderate-statement';
import { POST_LIMIT_PER_DEVICE, postStatement } from './post-statement';
import { seedStatements } from './seed-statements';
import { setWerkstattStatus } from './set-werkstatt-status';
import { channelOf } from './werkstatt-records';

let t: TestDatabase;
let organiser: OrgContext;
let facilitator: OrgContext;
let foreign: OrgContext;
let addresses = 0;

const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de', requestId: 'test' });
/** A phone in the room, each on its own address unless told. */
const phone = (clientAddress = `198.51.100.${++addresses}`): RequestContext => ({ ...request(), db: t.db, actor: null, clientAddress });
const post = (text: string, kind: 'statement' | 'question' = 'statement') => validate(werkstattPostSchema, { text, kind });
const moderate = (action: string, text?: string) => validate(werkstattModerateSchema, { action, text });

beforeAll(async () => {
	t = await createTestDatabase();
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() };
	facilitator = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate')), ...request() };
	foreign = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner')), ...request() };
});

async function werkstatt(moderation: 'pre' | 'post' = 'post') {
	const created = await createWerkstatt(organiser, { title: 'Zwischennutzung im Quartier', moderation });
	return { ...created, code: created.code };
}

describe('joining a Werkstatt', () => {
	it('gives a six-symbol code and a participant token that is stored only as its hash', async () => {
		const { code } = await werkstatt();
		expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);
		const joined = await joinWerkstatt(phone(), code.toLowerCase(), { group: 'verwaltung' });
		expect(joined.token).toMatch(/^swp_[A-Za-z0-9_-]{43}$/);
		const [stored] = await t.db.select().from(werkstattParticipants).where(eq(werkstattParticipants.id, joined.participant));
		expect(stored.stakeholderGroup).toBe('verwaltung');
		expect(JSON.stringify(stored)).not.toContain(joined.token.slice(4));
		expect((await joinWerkstatt(phone(), code, {})).participant).not.toBe(joined.participant);
	});

	it('accepts „möchte ich nicht sagen“ and refuses a group that is not offered, writing nothing', async () => {
		const { id, code } = await werkstatt();
		expect((await joinWerkstatt(phone(), code, { group: null })).participant).toBeTruthy();
		const refusal = await rejected(joinWerkstatt(phone(), code, { group: 'aliens' }));
		expect(refusal.code).toBe('validation_failed');
		expect(refusal.details[0].message).toContain('verwaltung');
		expect((await facilitatorBoard(organiser, id)).participants).toBe(1);
	});

	it('offers the target groups of the module when linked to one of its sessions', async () => {
		const [module] = await t.db
			.insert(catalogueModules)
			.values({ orgId: organiser.org.orgId, title: 'Stadt gemeinsam machen', format: 'workshop', targetGroups: ['verwaltung', 'politik'] })
			.returning({ id: catalogueModules.id });
		const [session] = await t.db
			.insert(catalogueSessions)
			.values({ moduleId: module.id, orgId: organiser.org.orgId, startsAt: new Date(), endsAt: new Date(), parts: [], capacity: 20 })
			.returning({ id: catalogueSessions.id });
		const { code } = await createWerkstatt(organiser, { title: 'Im Modul', sessionId: session.id, moderation: 'post' });
		expect((await participantBoard(phone(), code, null)).werkstatt.groups).toEqual(['verwaltung', 'politik']);
		expect((await joinWerkstatt(phone(), code, { group: 'politik' })).participant).toBeTruthy();
		expect((await rejected(joinWerkstatt(phone(), code, { group: 'wirtschaft' }))).details[0].message).toBe('Bitte wählen Sie eine von: verwaltung, politik – oder keine.');
		expect((await rejected(createWerkstatt(foreign, { title: 'Fremd', sessionId: session.id, moderation: 'post' }))).code).toBe('not_found');
	});

	it('does not know a code that does not exist', async () => {
		expect((await rejected(joinWerkstatt(phone(), 'ZZZZZZ', {}))).code).toBe('not_found');
	});
});

describe('posting, voting and liking', () => {
	it('shows posts at once under post-moderation', async () => {
		const { code } = await werkstatt('post');
		const { token } = await joinWerkstatt(phone(), code, {});
		expect(await postStatement(phone(), code, token, post('  Leerstand ist eine Chance.  '))).toMatchObject({ status: 'visible' });
		const board = await participantBoard(phone(), code, null);
		expect(board.statements.map((s) => s.text)).toEqual(['Leerstand ist eine Chance.']);
	});

	it('holds posts for approval under pre-moderation: only the author and the facilitator see them until approved', async () => {
		const { id, code } = await werkstatt('pre');
		const author = await joinWerkstatt(phone(), code, {});
		const other = await joinWerkstatt(phone(), code, {});
		const posted = await postStatement(phone(), code, author.token, post('Wer entscheidet über die Flächen?', 'question'));
		expect(posted.status).toBe('pending');
		expect((await participantBoard(phone(), code, other.token)).questions).toEqual([]);
		expect((await participantBoard(phone(), code, author.token)).questions).toMatchObject([{ id: posted.id, status: 'pending', mine: true }]);
		expect((await facilitatorBoard(facilitator, id)).items).toMatchObject([{ id: posted.id, status: 'pending' }]);
		await moderateStatement(facilitator, id, posted.id, moderate('approve'));
		expect((await participantBoard(phone(), code, other.token)).questions).toMatchObject([{ id: posted.id, status: 'visible', mine: false }]);
	});

	it('refuses 281 characters with a German message and writes nothing', async () => {
		const { code } = await werkstatt();
		const { token } = await joinWerkstatt(phone(), code, {});
		const refusal = await rejected(Promise.resolve().then(() => postStatement(phone(), code, token, post('x'.repeat(281)))));
		expect(refusal.code).toBe('validation_failed');
		expect(refusal.details[0].message).toBe('Höchstens 280 Zeichen, bitte kürzen Sie den Text.');
		expect((await rejected(Promise.resolve().then(() => post('   ')))).details[0].message).toBe('Bitte schreiben Sie einen Text.');
		expect(await postStatement(phone(), code, token, post('x'.repeat(280)))).toMatchObject({ status: 'visible' });
		const stored = await t.db.select({ text: werkstattStatements.text }).from(werkstattStatements).innerJoin(werkstattParticipants, eq(werkstattParticipants.id, werkstattStatements.participantId)).where(eq(werkstattParticipants.tokenHash, (await import('../auth/secrets')).hashToken(token)));
		expect(stored.map((s) => s.text.length)).toEqual([280]);
	});

	it('counts one vote per statement and device: a second vote changes it', async () => {
		const { id, code } = await werkstatt();
		const [statement] = (await seedStatements(facilitator, id, { statements: ['Zwischennutzung braucht klare Verträge.'] })).statements;
		const a = await joinWerkstatt(phone(), code, {});
		const b = await joinWerkstatt(phone(), code, {});
		await castVote(phone(), code, a.token, { statement, vote: 1 });
		await castVote(phone(), code, a.token, { statement, vote: -1 });
		await castVote(phone(), code, b.token, { statement, vote: 0 });
		expect((await facilitatorBoard(organiser, id)).items).toMatchObject([{ id: statement, agree: 0, disagree: 1, pass: 1, seeded: true }]);
		expect((await participantBoard(phone(), code, a.token)).statements).toMatchObject([{ id: statement, vote: -1 }]);
		const [{ votes }] = await t.db.select({ votes: count() }).from(werkstattVotes).where(eq(werkstattVotes.statementId, statement));
		expect(votes).toBe(2);
	});

	it('offers the next statement without a vote, one at a time', async () => {
		const { id, code } = await werkstatt();
		const [first, second] = (await seedStatements(facilitator, id, { statements: ['Erste Aussage.', 'Zweite Aussage.'] })).statements;
		const { token } = await joinWerkstatt(phone(), code, {});
		expect((await participantBoard(phone(), code, token)).next).toBe(first);
		await castVote(phone(), code, token, { statement: first, vote: 1 });
		expect((await participantBoard(phone(), code, token)).next).toBe(second);
	});

	it('takes votes only on visible statements, not on questions or hidden ones', async () => {
		const { id, code } = await werkstatt();
		const { token } = await joinWerkstatt(phone(), code, {});
		const question = await postStatement(phone(), code, token, post('Was kostet das?', 'question'));
		expect((await rejected(castVote(phone(), code, token, { statement: question.id, vote: 1 }))).code).toBe('not_found');
		const [hidden] = (await seedStatements(facilitator, id, { statements: ['Unpassend.'] })).statements;
		await moderateStatement(facilitator, id, hidden, moderate('hide'));
		expect((await rejected(castVote(phone(), code, token, { statement: hidden, vote: 1 }))).code).toBe('not_found');
	});

	it('counts a like once per device, and only on questions', async () => {
		const { id, code } = await werkstatt();
		const a = await joinWerkstatt(phone(), code, {});
		const b = await joinWerkstatt(phone(), code, {});
		const question = await postStatement(phone(), code, a.token, post('Wer zahlt die Nebenkosten?', 'question'));
		expect(await likeQuestion(phone(), code, b.token, { question: question.id })).toMatchObject({ likes: 1, created: true });
		expect(await likeQuestion(phone(), code, b.token, { question: question.id })).toMatchObject({ likes: 1, created: false });
		expect(await likeQuestion(phone(), code, a.token, { question: question.id })).toMatchObject({ likes: 2, created: true });
		expect((await participantBoard(phone(), code, b.token)).questions).toMatchObject([{ likes: 2, liked: true }]);
		const [statement] = (await seedStatements(facilitator, id, { statements: ['Eine Aussage.'] })).statements;
		expect((await rejected(likeQuestion(phone(), code, b.token, { question: statement }))).code).toBe('not_found');
		const [{ likes }] = await t.db.select({ likes: count() }).from(werkstattLikes).where(eq(werkstattLikes.statementId, statement));
		expect(likes).toBe(0);
	});

	it('limits posts per device, and a phone on the same address keeps its own allowance', async () => {
		const { code } = await werkstatt();
		const room = '203.0.113.7';
		const flooder = await joinWerkstatt(phone(room), code, {});
		const neighbour = await joinWerkstatt(phone(room), code, {});
		for (let i = 0; i < POST_LIMIT_PER_DEVICE; i++) await postStatement(phone(room), code, flooder.token, post(`Beitrag ${i}`));
		const refusal = await rejected(postStatement(phone(room), code, flooder.token, post('Noch einer')));
		expect(refusal.code).toBe('rate_limited');
		expect(refusal.message).toContain('Von diesem Gerät');
		expect(await postStatement(phone(room), code, neighbour.token, post('Meiner'))).toMatchObject({ status: 'visible' });
	});

	it('refuses posts, votes and likes in a closed Werkstatt and takes them again when reopened', async () => {
		const { id, code } = await werkstatt();
		const { token } = await joinWerkstatt(phone(), code, {});
		await setWerkstattStatus(facilitator, id, { status: 'closed' });
		const refusal = await rejected(postStatement(phone(), code, token, post('Zu spät?')));
		expect(refusal.code).toBe('conflict');
		expect(refusal.message).toContain('geschlossen');
		expect((await rejected(joinWerkstatt(phone(), code, {}))).code).toBe('conflict');
		expect((await participantBoard(phone(), code, token)).statements).toEqual([]);
		await setWerkstattStatus(facilitator, id, { status: 'open' });
		expect(await postStatement(phone(), code, token, post('Doch nicht zu spät.'))).toMatchObject({ status: 'visible' });
	});

	it('refuses a token of another Werkstatt, and no token at all', async () => {
		const one = await werkstatt();
		const other = await werkstatt();
		const { token } = await joinWerkstatt(phone(), one.code, {});
		expect((await rejected(postStatement(phone(), other.code, token, post('Hallo')))).code).toBe('unauthorized');
		expect((await rejected(postStatement(phone(), other.code, null, post('Hallo')))).code).toBe('unauthorized');
		expect((await rejected(postStatement(phone(), other.code, 'swt_irgendein-api-schluessel', post('Hallo')))).code).toBe('unauthorized');
	});
});

describe('the facilitator', () => {
	it('pins one item at a time, marks answered, edits a typo and hides', async () => {
		const { id, code } = await werkstatt();
		const { token } = await joinWerkstatt(phone(), code, {});
		const first = await postStatement(phone(), code, token, post('Wer plant mitt?', 'question'));
		const second = await postStatement(phone(), code, token, post('Wann geht es los?', 'question'));
		await moderateStatement(facilitator, id, first.id, moderate('pin'));
		await moderateStatement(facilitator, id, second.id, moderate('pin'));
		await moderateStatement(facilitator, id, first.id, moderate('answer'));
		expect(await moderateStatement(facilitator, id, first.id, moderate('edit', 'Wer plant mit?'))).toMatchObject({ text: 'Wer plant mit?', answered: true, pinned: false });
		const board = await participantBoard(phone(), code, null);
		expect(board.questions.map((q) => [q.text, q.pinned, q.answered])).toEqual([
			['Wer plant mit?', false, true],
			['Wann geht es los?', true, false]
		]);
		await moderateStatement(facilitator, id, second.id, moderate('hide'));
		expect((await participantBoard(phone(), code, null)).questions.map((q) => q.id)).toEqual([first.id]);
		expect((await facilitatorBoard(facilitator, id)).items.find((item) => item.id === second.id)).toMatchObject({ status: 'hidden', pinned: false });
	});

	it('refuses an empty edit with a German message and keeps the text', async () => {
		const { id } = await werkstatt();
		const [statement] = (await seedStatements(facilitator, id, { statements: ['Richtig geschrieben.'] })).statements;
		expect((await rejected(Promise.resolve().then(() => moderate('edit')))).details[0].message).toBe('Bitte geben Sie den neuen Text an.');
		expect((await facilitatorBoard(facilitator, id)).items[0].text).toBe('Richtig geschrieben.');
		expect(statement).toBeTruthy();
	});

	it('seeds all statements or none (the database refuses an over-long text the schema let through)', async () => {
		const { id } = await werkstatt();
		expect(validate(werkstattSeedSchema, { statements: ['Gut.', 'Auch gut.'] }).statements).toHaveLength(2);
		expect((await rejected(Promise.resolve().then(() => validate(werkstattSeedSchema, { statements: ['Gut.', 'x'.repeat(281)] })))).details[0]).toMatchObject({ path: 'statements[1]' });
		await expect(seedStatements(facilitator, id, { statements: ['Gut.', 'x'.repeat(281)] })).rejects.toThrow();
		expect((await facilitatorBoard(facilitator, id)).items).toEqual([]);
	});

	it('does not reach another organisation’s Werkstatt', async () => {
		const { id } = await werkstatt();
		expect((await rejected(facilitatorBoard(foreign, id))).code).toBe('not_found');
		expect((await rejected(setWerkstattStatus(foreign, id, { status: 'closed' }))).code).toBe('not_found');
		expect((await rejected(seedStatements(foreign, id, { statements: ['Fremd.'] }))).code).toBe('not_found');
		expect((await rejected(createWerkstatt(organiser, { title: 'X', sessionId: '00000000-0000-4000-8000-000000000000', moderation: 'post' }))).code).toBe('not_found');
	});
});

describe('live events', () => {
	it('announces a change with NOTIFY to a listening connection, after commit, without text', async () => {
		const { id, code } = await werkstatt();
		const listener = new pg.Client({ connectionString: t.url });
		await listener.connect();
		try {
			const heard: { channel: string; payload?: string }[] = [];
			listener.on('notification', (message) => heard.push(message));
			await listener.query(`LISTEN "${channelOf(id)}"`);
			const { token } = await joinWerkstatt(phone(), code, {});
			const posted = await postStatement(phone(), code, token, post('Geheimer Text', 'question'));
			await expect.poll(() => heard.length).toBe(2);
			const events = heard.map((message) => JSON.parse(message.payload!) as { id: number; kind: string; payload: Record<string, string> });
			expect(events.map((event) => event.kind)).toEqual(['participant.joined', 'statement.posted']);
			expect(events[1].payload).toEqual({ statement: posted.id, status: 'visible' });
			expect(events[1].id).toBeGreaterThan(events[0].id);
			expect(heard[1].payload).not.toContain('Geheimer');
		} finally {
			await listener.end();
		}
	});
});
