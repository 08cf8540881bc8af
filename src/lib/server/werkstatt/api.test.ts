/**
 * The Werkstatt's /api/v1 endpoints, called as SvelteKit calls them: status codes, bodies, error
 * documents, and the participant token as bearer.
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { tenantAs } from '../../../../tests/helpers/actors';
import { callRoute, type RouteCall } from '../../../../tests/helpers/api-route';
import { POST as createRoute } from '../../../routes/api/v1/werkstaetten/+server';
import { DELETE as deleteRoute, GET as facilitatorRoute } from '../../../routes/api/v1/werkstaetten/[id]/+server';
import { POST as statusRoute } from '../../../routes/api/v1/werkstaetten/[id]/status/+server';
import { POST as seedRoute } from '../../../routes/api/v1/werkstaetten/[id]/statements/+server';
import { POST as moderateRoute } from '../../../routes/api/v1/werkstaetten/[id]/statements/[statement]/+server';
import { GET as boardRoute } from '../../../routes/api/v1/w/[code]/+server';
import { POST as joinRoute } from '../../../routes/api/v1/w/[code]/join/+server';
import { POST as postRoute } from '../../../routes/api/v1/w/[code]/statements/+server';
import { POST as voteRoute } from '../../../routes/api/v1/w/[code]/votes/+server';
import { POST as likeRoute } from '../../../routes/api/v1/w/[code]/likes/+server';
import { GET as eventsRoute } from '../../../routes/api/v1/w/[code]/events/+server';
import { POST as importRoute } from '../../../routes/api/v1/werkstaetten/[id]/import/polis/+server';
import { closeDatabase } from '../db/client';
import { werkstattParticipants, werkstattStatements, werkstattVotes } from '../db/schema';
import { openApiDocument } from '../openapi/document';
import type { TenantContext } from '../tenant';
import { liveHub } from './live-hub';

let t: TestDatabase;
let organiser: TenantContext;
let facilitator: TenantContext;
let viewer: TenantContext;
let other: TenantContext;

beforeAll(async () => {
	t = await createTestDatabase();
	await closeDatabase();
	process.env.DATABASE_URL = t.url;
	process.env.ORIGIN = 'https://stadtwissen.test';
	process.env.STADTWISSEN_ORIGIN = 'https://stadtwissen.test';
	organiser = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	facilitator = await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate');
	viewer = await tenantAs(t.db, 'Stadt Altenburg', 'viewer', 'frameworks.read');
	other = await tenantAs(t.db, 'Stadt Gera', 'organiser');
	return async () => {
		await liveHub().close();
		await closeDatabase();
	};
});

const call = (handler: Parameters<typeof callRoute>[0], options: RouteCall) => callRoute(handler, { method: 'POST', ...options });

async function open(title = 'Werkstatt Innenstadt', moderation?: 'pre' | 'post') {
	const created = await call(createRoute, { path: '/api/v1/werkstaetten', body: { title, moderation }, actor: organiser.actor });
	expect(created.status).toBe(201);
	return created.json as { id: string; code: string };
}

async function join(code: string, body: unknown = {}) {
	const joined = await call(joinRoute, { path: `/api/v1/w/${code}/join`, params: { code }, body });
	expect(joined.status).toBe(201);
	return joined.json as { participant: string; token: string };
}

describe('POST /api/v1/werkstaetten', () => {
	it('needs an organiser token: 401 without, 403 for a facilitator, 201 with id and code', async () => {
		expect((await call(createRoute, { path: '/api/v1/werkstaetten', body: { title: 'X' } })).status).toBe(401);
		expect((await call(createRoute, { path: '/api/v1/werkstaetten', body: { title: 'X' }, actor: facilitator.actor })).status).toBe(403);
		const created = await call(createRoute, { path: '/api/v1/werkstaetten', body: { title: 'Zwischennutzung' }, actor: organiser.actor });
		expect(created.status).toBe(201);
		expect(Object.keys(created.json)).toEqual(['id', 'code']);
		expect(created.headers.get('location')).toBe(`/api/v1/werkstaetten/${created.json.id}`);
	});

	it('answers 422 with a German message for a missing title', async () => {
		const refused = await call(createRoute, { path: '/api/v1/werkstaetten', body: { title: '  ' }, actor: organiser.actor });
		expect(refused.status).toBe(422);
		expect(refused.json.error?.details).toEqual([{ path: 'title', message: 'Bitte geben Sie einen Titel an.' }]);
	});
});

describe('a Werkstatt through the API', () => {
	it('joins, posts, votes, likes and moderates, each with its status code', async () => {
		const { id, code } = await open();
		const a = await join(code, { group: 'politik' });
		const b = await join(code.toLowerCase(), { group: null });
		expect(a.token).toMatch(/^swp_/);

		const question = await call(postRoute, { path: `/api/v1/w/${code}/statements`, params: { code }, bearer: a.token, body: { text: 'Wer entscheidet?', kind: 'question' } });
		expect(question.status).toBe(201);
		expect(question.json).toMatchObject({ status: 'visible' });
		const like = { path: `/api/v1/w/${code}/likes`, params: { code }, bearer: b.token, body: { question: question.json.id } };
		expect((await call(likeRoute, like)).status).toBe(201);
		const again = await call(likeRoute, like);
		expect(again.status).toBe(200);
		expect(again.json).toEqual({ question: question.json.id, likes: 1 });

		const seeded = await call(seedRoute, { path: `/api/v1/werkstaetten/${id}/statements`, params: { id }, actor: facilitator.actor, body: { statements: ['Mehr Bänke am Markt.'] } });
		expect(seeded.status).toBe(201);
		const [statement] = seeded.json.statements as string[];
		const vote = (token: string, value: number) => call(voteRoute, { path: `/api/v1/w/${code}/votes`, params: { code }, bearer: token, body: { statement, vote: value } });
		expect((await vote(a.token, 1)).json).toEqual({ statement, vote: 1 });
		expect((await vote(a.token, 0)).status).toBe(200);
		expect((await vote(b.token, 2)).status).toBe(422);

		const pinned = await call(moderateRoute, { path: `/api/v1/werkstaetten/${id}/statements/${question.json.id}`, params: { id, statement: String(question.json.id) }, actor: facilitator.actor, body: { action: 'pin' } });
		expect(pinned.json).toMatchObject({ pinned: true });

		const board = await call(boardRoute, { method: 'GET', path: `/api/v1/w/${code}`, params: { code }, bearer: b.token });
		expect(board.status).toBe(200);
		expect(board.json).toMatchObject({ participant: b.participant, questions: [{ likes: 1, liked: true, pinned: true }], statements: [{ id: statement, vote: null }], next: statement });
		const facilitated = await call(facilitatorRoute, { method: 'GET', path: `/api/v1/werkstaetten/${id}`, params: { id }, actor: facilitator.actor });
		expect(facilitated.json).toMatchObject({ participants: 2, items: [{ kind: 'question', likes: 1 }, { kind: 'statement', agree: 0, pass: 1 }] });
	});

	it('refuses 281 characters with a German message and writes nothing', async () => {
		const { id, code } = await open();
		const { token } = await join(code);
		const refused = await call(postRoute, { path: `/api/v1/w/${code}/statements`, params: { code }, bearer: token, body: { text: 'ä'.repeat(281), kind: 'statement' } });
		expect(refused.status).toBe(422);
		expect(refused.json.error?.details).toEqual([{ path: 'text', message: 'Höchstens 280 Zeichen, bitte kürzen Sie den Text.' }]);
		const [{ n }] = await t.db.select({ n: count() }).from(werkstattStatements).where(eq(werkstattStatements.werkstattId, id));
		expect(n).toBe(0);
	});

	it('answers 401 without a participant token or with an API key, 404 for an unknown code, 409 when closed', async () => {
		const { id, code } = await open();
		const { token } = await join(code);
		const body = { text: 'Hallo', kind: 'statement' };
		expect((await call(postRoute, { path: `/api/v1/w/${code}/statements`, params: { code }, body })).status).toBe(401);
		const withKey = await call(postRoute, { path: `/api/v1/w/${code}/statements`, params: { code }, bearer: 'swt_ein-api-schluessel', body });
		expect(withKey.status).toBe(401);
		expect(withKey.json.error?.message).toContain('Teilnahme-Schlüssel');
		expect((await call(postRoute, { path: '/api/v1/w/ZZZZZZ/statements', params: { code: 'ZZZZZZ' }, bearer: token, body })).status).toBe(404);
		expect((await call(statusRoute, { path: `/api/v1/werkstaetten/${id}/status`, params: { id }, actor: viewer.actor, body: { status: 'closed' } })).status).toBe(403);
		expect((await call(statusRoute, { path: `/api/v1/werkstaetten/${id}/status`, params: { id }, actor: other.actor, body: { status: 'closed' } })).status).toBe(404);
		const closed = await call(statusRoute, { path: `/api/v1/werkstaetten/${id}/status`, params: { id }, actor: facilitator.actor, body: { status: 'closed' } });
		expect(closed.json).toEqual({ id, status: 'closed' });
		const refused = await call(postRoute, { path: `/api/v1/w/${code}/statements`, params: { code }, bearer: token, body });
		expect(refused.status).toBe(409);
		expect(refused.json.error?.code).toBe('conflict');
	});

	it('streams events as text/event-stream that no proxy or compression holds back', async () => {
		const { code } = await open();
		const url = new URL(`/api/v1/w/${code}/events`, 'https://stadtwissen.test');
		const controller = new AbortController();
		const request = new Request(url, { headers: { 'last-event-id': '0' }, signal: controller.signal });
		const event = { request, url, params: { code }, locals: { actor: null, requestId: 'test', locale: 'de' }, getClientAddress: () => '192.0.2.1' };
		const response = await (eventsRoute as unknown as (event: unknown) => Promise<Response>)(event);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		expect(response.headers.get('cache-control')).toContain('no-transform');
		const reader = response.body!.getReader();
		let text = '';
		while (!text.includes('event: participant.joined')) {
			if (!text) await join(code);
			text += new TextDecoder().decode((await reader.read()).value);
		}
		expect(text).toMatch(/^retry: 2000\n\nid: \d+\nevent: participant\.joined\ndata: \{"id":\d+,"participant":"[0-9a-f-]{36}"\}\n\n/);
		controller.abort();
		await reader.cancel();
	});

	it('takes a Pol.is export into an empty Werkstatt, keeping ids, moderation and the latest votes; all or nothing', async () => {
		const { id, code } = await open('Pol.is-Import');
		const comments = [
			'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
			'1700000000,x,0,7,1,1,1,Mehr Grün in der Altstadt.',
			'1700000100,x,1,8,0,0,-1,Werbung für Uhren',
			'1700000200,x,2,,1,0,0,"Bürgerbudget, jedes Jahr."'
		].join('\n');
		const votes = [
			'timestamp,datetime,comment-id,voter-id,vote',
			'1700000300,x,0,7,1',
			'1700000301,x,0,9,1',
			'1700000302,x,0,9,-1',
			'1700000303,x,2,9,1',
			'1700000304,x,0,8,-1'
		].join('\n');
		const upload = (files: Record<string, string>) => {
			const form = new FormData();
			for (const [field, text] of Object.entries(files)) form.set(field, new File([text], `${field}.csv`, { type: 'text/csv' }));
			return new Request(`https://stadtwissen.test/api/v1/werkstaetten/${id}/import/polis`, { method: 'POST', body: form });
		};
		const send = async (request: Request, actor = organiser.actor) => {
			const url = new URL(request.url);
			const response = await (importRoute as unknown as (event: unknown) => Promise<Response>)({ request, url, params: { id }, locals: { actor, requestId: 'test', locale: 'de' }, getClientAddress: () => '192.0.2.1' });
			return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { details: { path?: string; message: string }[] } } };
		};
		const storedCount = async () => (await t.db.select().from(werkstattStatements).where(eq(werkstattStatements.werkstattId, id))).length;

		expect((await send(upload({ comments, votes }), facilitator.actor)).status).toBe(403);
		const broken = await send(upload({ comments, votes: votes + '\n1700000400,x,5,9,1' }));
		expect(broken.status).toBe(422);
		expect(broken.json.error?.details[0]).toMatchObject({ path: 'votes', message: expect.stringContaining('votes.csv') });
		const missing = await send(upload({ comments }));
		expect(missing.status).toBe(422);
		expect(missing.json.error?.details).toEqual([{ path: 'votes', message: 'Bitte senden Sie die Datei votes.csv aus dem Pol.is-Export im Feld „votes“.' }]);
		const long = await send(upload({ comments: comments + `\n1700000500,x,3,7,0,0,1,${'a'.repeat(281)}`, votes }));
		expect(long.status).toBe(422);
		expect(long.json.error?.details[0].message).toBe('comments.csv: Die Aussage „3“ hat 281 Zeichen; höchstens 280 passen in eine Werkstatt.');
		expect(await storedCount()).toBe(0);

		const imported = await send(upload({ comments, votes }));
		expect(imported.status).toBe(201);
		expect(imported.json).toEqual({ statements: 3, participants: 3, votes: 4 });
		const statements = await t.db.select().from(werkstattStatements).where(eq(werkstattStatements.werkstattId, id));
		expect(statements.map((s) => [s.externalId, s.status, s.text]).sort()).toEqual([
			['0', 'visible', 'Mehr Grün in der Altstadt.'],
			['1', 'hidden', 'Werbung für Uhren'],
			['2', 'visible', 'Bürgerbudget, jedes Jahr.']
		]);
		const people = await t.db.select().from(werkstattParticipants).where(eq(werkstattParticipants.werkstattId, id));
		expect(people.map((p) => p.externalId).sort()).toEqual(['7', '8', '9']);
		const voter9 = people.find((p) => p.externalId === '9')!.id;
		const first = statements.find((s) => s.externalId === '0')!.id;
		expect((await t.db.select().from(werkstattVotes).where(eq(werkstattVotes.participantId, voter9))).find((v) => v.statementId === first)?.vote).toBe(-1);
		expect((await call(boardRoute, { method: 'GET', path: `/api/v1/w/${code}`, params: { code } })).json.statements).toHaveLength(2);

		const again = await send(upload({ comments, votes }));
		expect(again.status).toBe(409);
		expect(await storedCount()).toBe(3);
	});

	it('deletes only for an organiser of its own organisation', async () => {
		const { id, code } = await open('Zum Löschen');
		const remove = (actor: typeof organiser.actor) => call(deleteRoute, { method: 'DELETE', path: `/api/v1/werkstaetten/${id}`, params: { id }, actor });
		expect((await remove(facilitator.actor)).status).toBe(403);
		expect((await remove(other.actor)).status).toBe(404);
		expect((await remove(organiser.actor)).status).toBe(204);
		expect((await call(boardRoute, { method: 'GET', path: `/api/v1/w/${code}`, params: { code } })).status).toBe(404);
	});

	it('is described in the OpenAPI document, participant endpoints with the participant token', () => {
		const paths = openApiDocument('https://stadtwissen.test/api/v1').paths as Record<string, Record<string, { security?: object[] }>>;
		for (const path of ['/werkstaetten', '/werkstaetten/{id}', '/werkstaetten/{id}/import/polis', '/werkstaetten/{id}/results', '/werkstaetten/{id}/export/{file}', '/werkstaetten/{id}/status', '/werkstaetten/{id}/statements', '/werkstaetten/{id}/statements/{statement}', '/w/{code}', '/w/{code}/join', '/w/{code}/statements', '/w/{code}/votes', '/w/{code}/likes', '/w/{code}/events'])
			expect(paths[path], path).toBeDefined();
		expect(paths['/w/{code}/votes'].post.security).toEqual([{ participant: [] }]);
	});
});
