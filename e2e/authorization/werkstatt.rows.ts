/**
 * Werkstatt: organisers create, facilitators (and owners, organisers) run a Werkstatt through the
 * API; participants need no account — they join by code and act with their participant token
 * (`swp_…`) as bearer. An API key sent to a participant endpoint is no participant token (401).
 *
 * `prepare` lets the demo owner create a Werkstatt (`wsId`, code `wsCode`), seed a statement
 * (`wsStatement`), and lets participants join: one token per actor (`wsToken_<actor>`), so each
 * actor's like is its first; one participant posts the question they like (`wsQuestion`).
 */
import { expect } from 'vitest';
import { ACTORS, api, byRole, everyone, expectApiError, FORBIDDEN, json, toLogin, type Context, type Fixtures, type Row } from './table';

const STATUS = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 422: 'validation_failed' } as const;
const errorCode = (c: Parameters<NonNullable<Row['check']>>[0]) => (c.response.status >= 400 ? expectApiError(c, STATUS[c.response.status as keyof typeof STATUS]) : undefined);
const participantBearer = (name: string) => (f: Fixtures) => ({ authorization: `Bearer ${f.ids[name]}` });
const facilitators = (ok: number) => byRole(401, 404, ok, ok, ok, 403);
const roomPage = (path: string, ok: number) => byRole(toLogin(path), 404, ok, ok, ok, 403);

export async function prepare(f: Fixtures): Promise<void> {
	const created = await api<{ id: string; code: string }>(f.token.owner, 'POST', '/api/v1/werkstaetten', { title: 'Berechtigungstest Werkstatt' });
	f.ids.wsId = created.id;
	f.ids.wsCode = created.code;
	f.ids.wsStatement = (await api<{ statements: string[] }>(f.token.owner, 'POST', `/api/v1/werkstaetten/${created.id}/statements`, { statements: ['Eine Aussage für den Berechtigungstest.'] })).statements[0];
	for (const actor of ACTORS) f.ids[`wsToken_${actor}`] = (await api<{ token: string }>(undefined, 'POST', `/api/v1/w/${created.code}/join`, {})).token;
	const asker = (await api<{ token: string }>(undefined, 'POST', `/api/v1/w/${created.code}/join`, { group: 'verwaltung' })).token;
	f.ids.wsQuestion = (await api<{ id: string }>(undefined, 'POST', `/api/v1/w/${created.code}/statements`, { text: 'Eine Frage für den Berechtigungstest?', kind: 'question' }, { authorization: `Bearer ${asker}` })).id;
}

export const rows: Row[] = [
	{
		route: '/api/v1/werkstaetten',
		method: 'POST',
		path: '/api/v1/werkstaetten',
		auth: 'token',
		json: () => ({ title: '' }),
		expect: byRole(401, 422, 422, 422, 403, 403),
		check: errorCode
	},
	{
		route: '/api/v1/werkstaetten/[id]',
		method: 'GET',
		path: '/api/v1/werkstaetten/:wsId',
		auth: 'token',
		expect: facilitators(200),
		check: async (c) => {
			await errorCode(c);
			if (c.response.status === 200) expect(((await json(c)).items as { text: string }[]).map((item) => item.text)).toContain('Eine Frage für den Berechtigungstest?');
			else expect(c.text).not.toContain('Berechtigungstest');
		}
	},
	{
		// A Werkstatt nobody has: the owner's and organiser's refusal is 404, after the role check.
		route: '/api/v1/werkstaetten/[id]',
		method: 'DELETE',
		path: '/api/v1/werkstaetten/00000000-0000-4000-8000-000000000000',
		auth: 'token',
		expect: byRole(401, 404, 404, 404, 403, 403),
		check: errorCode
	},
	{
		route: '/api/v1/werkstaetten/[id]/results',
		method: 'GET',
		path: '/api/v1/werkstaetten/:wsId/results',
		auth: 'token',
		expect: facilitators(200),
		check: async (c) => {
			await errorCode(c);
			if (c.response.status === 200) expect(((await json(c)).statements as { text: string }[]).map((s) => s.text)).toContain('Eine Aussage für den Berechtigungstest.');
			else expect(c.text).not.toContain('Berechtigungstest');
		}
	},
	{
		route: '/api/v1/werkstaetten/[id]/export/[file]',
		method: 'GET',
		path: '/api/v1/werkstaetten/:wsId/export/comments.csv',
		auth: 'token',
		expect: facilitators(200),
		check: async (c) => {
			if (c.response.status === 200) expect(c.text).toContain('Eine Aussage für den Berechtigungstest.');
			else {
				await errorCode(c);
				expect(c.text).not.toContain('Berechtigungstest');
			}
		}
	},
	{
		route: '/api/v1/werkstaetten/[id]/export/dokumentation.[format]',
		method: 'GET',
		path: '/api/v1/werkstaetten/:wsId/export/dokumentation.md',
		auth: 'token',
		expect: facilitators(200),
		check: async (c) => {
			if (c.response.status === 200) expect(c.text).toContain('# Berechtigungstest Werkstatt');
			else {
				await errorCode(c);
				expect(c.text).not.toContain('Berechtigungstest');
			}
		}
	},
	{ route: '/api/v1/werkstaetten/[id]/status', method: 'POST', path: '/api/v1/werkstaetten/:wsId/status', auth: 'token', json: () => ({ status: 'open' }), expect: facilitators(200), check: errorCode },
	{
		route: '/api/v1/werkstaetten/[id]/statements',
		method: 'POST',
		path: '/api/v1/werkstaetten/:wsId/statements',
		auth: 'token',
		json: () => ({ statements: ['Noch eine Aussage aus dem Berechtigungstest.'] }),
		expect: facilitators(201),
		check: errorCode
	},
	{
		route: '/api/v1/werkstaetten/[id]/statements/[statement]',
		method: 'POST',
		path: '/api/v1/werkstaetten/:wsId/statements/:wsStatement',
		auth: 'token',
		json: () => ({ action: 'unpin' }),
		expect: facilitators(200),
		check: errorCode
	},
	{
		// JSON instead of the two files: refused before anything is read or written.
		route: '/api/v1/werkstaetten/[id]/import/polis',
		method: 'POST',
		path: '/api/v1/werkstaetten/:wsId/import/polis',
		auth: 'token',
		json: () => ({ comments: 'comment-id', votes: 'vote' }),
		expect: byRole(401, 400, 400, 400, 403, 403),
		check: errorCode
	},
	{
		route: '/api/v1/w/[code]',
		method: 'GET',
		path: '/api/v1/w/:wsCode',
		auth: 'session',
		expect: everyone(200),
		check: async (c) => expect(await json(c)).toMatchObject({ participant: null, werkstatt: { title: 'Berechtigungstest Werkstatt' } })
	},
	{
		route: '/api/v1/w/[code]',
		method: 'GET',
		path: '/api/v1/w/:wsCode?mit-schluessel',
		auth: 'session',
		headers: (f, actor) => participantBearer(`wsToken_${actor}`)(f),
		expect: everyone(200),
		check: async (c) => expect((await json(c)).participant).toMatch(/^[0-9a-f-]{36}$/)
	},
	{ route: '/api/v1/w/[code]/join', method: 'POST', path: '/api/v1/w/:wsCode/join', auth: 'session', json: () => ({ group: null }), expect: everyone(201) },
	{
		route: '/api/v1/w/[code]/statements',
		method: 'POST',
		path: '/api/v1/w/:wsCode/statements',
		auth: 'session',
		headers: (f, actor) => participantBearer(`wsToken_${actor}`)(f),
		json: () => ({ text: 'x'.repeat(281), kind: 'statement' }),
		expect: everyone(422),
		check: errorCode
	},
	{
		// An API key is no participant token, whoever holds it.
		route: '/api/v1/w/[code]/statements',
		method: 'POST',
		path: '/api/v1/w/:wsCode/statements?mit-api-schluessel',
		auth: 'token',
		json: () => ({ text: 'Mit einem API-Schlüssel?', kind: 'statement' }),
		expect: everyone(401),
		check: errorCode
	},
	{
		route: '/api/v1/w/[code]/votes',
		method: 'POST',
		path: '/api/v1/w/:wsCode/votes',
		auth: 'session',
		headers: (f, actor) => participantBearer(`wsToken_${actor}`)(f),
		json: (f) => ({ statement: f.ids.wsStatement, vote: 1 }),
		expect: everyone(200)
	},
	{
		route: '/api/v1/w/[code]/likes',
		method: 'POST',
		path: '/api/v1/w/:wsCode/likes',
		auth: 'session',
		headers: (f, actor) => participantBearer(`wsToken_${actor}`)(f),
		json: (f) => ({ question: f.ids.wsQuestion }),
		expect: everyone(201)
	},
	// The live stream never ends by itself; an unknown code ends at once.
	{ route: '/api/v1/w/[code]/events', method: 'GET', path: '/api/v1/w/ZZZZZZ/events', auth: 'session', expect: everyone(404), check: errorCode },
	// The participant's phone pages (/w): public; the forms act only with the participant cookie, which these requests lack.
	{ route: '/w', method: 'GET', path: '/w', auth: 'session', expect: everyone(200), check: (c) => expect(c.text).toContain('Werkstatt beitreten') },
	{ route: '/w', method: 'POST', path: '/w', auth: 'session', form: () => ({ code: 'zzz-zzz' }), expect: everyone(404), check: (c) => expect(c.text).toContain('Bitte prüfen Sie den Code.') },
	{ route: '/w/[code]', method: 'GET', path: '/w/:wsCode', auth: 'session', expect: everyone(200), check: (c) => expect(c.text).toContain('Berechtigungstest Werkstatt') },
	{ route: '/w/[code]', method: 'POST', path: '/w/:wsCode?/join', auth: 'session', form: () => ({ group: '' }), expect: everyone({ redirect: '/w/:wsCode' }) },
	{ route: '/w/[code]', method: 'POST', path: '/w/:wsCode?/post', auth: 'session', form: () => ({ text: 'Ohne Beitritt?', kind: 'question' }), expect: everyone(401) },
	{ route: '/w/[code]', method: 'POST', path: '/w/:wsCode?/vote', auth: 'session', form: (f) => ({ statement: f.ids.wsStatement, vote: '1' }), expect: everyone(401) },
	{ route: '/w/[code]', method: 'POST', path: '/w/:wsCode?/like', auth: 'session', form: (f) => ({ question: f.ids.wsQuestion }), expect: everyone(401) },

	// The facilitator's pages (/app/werkstatt): members who facilitate see and run them, owners and organisers create, import and delete.
	{ route: '/app/werkstatt', method: 'GET', path: '/app/werkstatt', auth: 'session', expect: byRole(toLogin('/app/werkstatt'), 200, 200, 200, 200, 403), check: pageRefusal },
	{ route: '/app/werkstatt', method: 'POST', path: '/app/werkstatt?/create', auth: 'session', form: () => ({ title: '' }), expect: byRole(toLogin('/app/werkstatt?/create'), 422, 422, 422, 403, 403), check: pageRefusal },
	{ route: '/app/werkstatt/[id]', method: 'GET', path: '/app/werkstatt/:wsId', auth: 'session', expect: roomPage('/app/werkstatt/:wsId', 200), check: pageRefusal },
	{ route: '/app/werkstatt/[id]', method: 'POST', path: '/app/werkstatt/:wsId?/status', auth: 'session', form: () => ({ status: 'open' }), expect: roomPage('/app/werkstatt/:wsId?/status', 200), check: pageRefusal },
	{ route: '/app/werkstatt/[id]', method: 'POST', path: '/app/werkstatt/:wsId?/seed', auth: 'session', form: () => ({ statements: '' }), expect: roomPage('/app/werkstatt/:wsId?/seed', 422), check: pageRefusal },
	{
		route: '/app/werkstatt/[id]',
		method: 'POST',
		path: '/app/werkstatt/:wsId?/moderate',
		auth: 'session',
		form: (f) => ({ statement: f.ids.wsStatement, action: 'unpin' }),
		expect: roomPage('/app/werkstatt/:wsId?/moderate', 200),
		check: pageRefusal
	},
	// No files: refused before anything is read or written; the other organisation's answer is the board's 404, which the failed form renders.
	{ route: '/app/werkstatt/[id]', method: 'POST', path: '/app/werkstatt/:wsId?/import', auth: 'session', form: () => ({}), expect: byRole(toLogin('/app/werkstatt/:wsId?/import'), 404, 422, 422, 403, 403), check: pageRefusal },
	{
		route: '/app/werkstatt/[id]',
		method: 'POST',
		path: '/app/werkstatt/00000000-0000-4000-8000-000000000000?/delete',
		auth: 'session',
		form: () => ({ confirm: 'yes' }),
		expect: byRole(toLogin('/app/werkstatt/00000000-0000-4000-8000-000000000000?/delete'), 404, 404, 404, 403, 403),
		check: pageRefusal
	},
	{ route: '/app/werkstatt/[id]/projektion', method: 'GET', path: '/app/werkstatt/:wsId/projektion', auth: 'session', expect: roomPage('/app/werkstatt/:wsId/projektion', 200), check: pageRefusal },
	{
		route: '/app/werkstatt/[id]/export/[file]',
		method: 'GET',
		path: '/app/werkstatt/:wsId/export/comments.csv',
		auth: 'session',
		// A file, not a page: nobody signed in gets 401 (no layout sends them to the login).
		expect: byRole(401, 404, 200, 200, 200, 403),
		check: (c) => {
			if (c.response.status === 200) expect(c.text).toContain('Eine Aussage für den Berechtigungstest.');
			else expect(c.text).not.toContain('Berechtigungstest');
		}
	},
	{
		route: '/app/werkstatt/[id]/export/dokumentation.[format]',
		method: 'GET',
		path: '/app/werkstatt/:wsId/export/dokumentation.pdf',
		auth: 'session',
		// A file, not a page: nobody signed in gets 401.
		expect: byRole(401, 404, 200, 200, 200, 403),
		check: (c) => {
			if (c.response.status === 200) expect(c.response.headers.get('content-type')).toBe('application/pdf');
			else expect(c.text).not.toContain('Berechtigungstest');
		}
	}
];

function pageRefusal({ response, text }: Context): void {
	if (response.status === 403) expect(text).toContain(FORBIDDEN);
	if (response.status === 404) expect(text).not.toContain('Berechtigungstest');
}
