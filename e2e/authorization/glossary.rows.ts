/**
 * Glossar: the public glossary, its downloads and its proposal form for everybody; owners and
 * organisers keep the glossary (pages, imports, exports, API); other organisations see 404.
 *
 * `prepare` finds the demo organisation's entry "Zwischennutzung" (the demo loads the starter set)
 * as `glDemoEntry`, and lets the other organisation create two entries of its own
 * (`glForeignEntry` to delete through the form, `glForeignApiEntry` through the API).
 * Proposals in the rows fill the honeypot: answered like a success, stored nowhere, no rate limit.
 */
import { expect } from 'vitest';
import { api, byRole, DEMO_SLUG, everyone, expectApiError, FORBIDDEN, json, to, toLogin, type Context, type Fixtures, type Row } from './table';

const stamp = Date.now().toString(36);
const FOREIGN_TERM = `Fremdbegriff${stamp}`;
const BOGUS_UUID = '00000000-0000-4000-8000-000000000000';
const ZWISCHENNUTZUNG = {
	term: 'Zwischennutzung',
	plain: 'Ein leeres Gebäude oder eine freie Fläche wird für eine begrenzte Zeit genutzt, bis die endgültige Nutzung kommt. So bleibt der Ort lebendig und neue Ideen können sich ausprobieren.',
	status: 'abgestimmt'
};

export async function prepare(f: Fixtures): Promise<void> {
	const own = await api<{ entries: { id: string; slug: string }[] }>(f.token.owner, 'GET', '/api/v1/glossary');
	const demoEntry = own.entries.find((entry) => entry.slug === 'zwischennutzung');
	if (!demoEntry) throw new Error('the demo organisation has no glossary entry "Zwischennutzung"');
	f.ids.glDemoEntry = demoEntry.id;
	const create = (term: string) => api<{ id: string }>(f.token.otherOrg, 'POST', '/api/v1/glossary', { term, plain: 'Ein Begriff nur der anderen Organisation.' });
	f.ids.glForeignEntry = (await create(FOREIGN_TERM)).id;
	f.ids.glForeignApiEntry = (await create(`${FOREIGN_TERM}api`)).id;
}

function refusal({ response, text }: Context): void {
	if (response.status === 403) expect(text).toContain(FORBIDDEN);
	if (response.status === 404) expect(text).not.toContain(FOREIGN_TERM);
}

const managers = (path: string, ok: number | ReturnType<typeof to>, foreign: number | ReturnType<typeof to> = ok) => byRole(toLogin(path), foreign, ok, ok, 403, 403);
const honeypot = () => ({ term: 'Werbung', plain: 'Billige Uhren, jetzt kaufen, sofort.', website: 'http://spam.example' });
const PUB = `/o/${DEMO_SLUG}/glossar`;

export const rows: Row[] = [
	{
		route: '/app/glossar',
		method: 'GET',
		path: '/app/glossar',
		auth: 'session',
		expect: managers('/app/glossar', 200),
		check: (c) => {
			refusal(c);
			if (c.response.status === 200 && c.actor !== 'otherOrg') expect(c.text).toContain('Zwischennutzung');
			if (c.actor === 'otherOrg') expect(c.text).toContain(FOREIGN_TERM);
		}
	},
	{ route: '/app/glossar', method: 'POST', path: '/app/glossar?/adopt', auth: 'session', expect: managers('/app/glossar?/adopt', 200), check: refusal },
	{ route: '/app/glossar/neu', method: 'GET', path: '/app/glossar/neu', auth: 'session', expect: managers('/app/glossar/neu', 200), check: refusal },
	{
		route: '/app/glossar/neu',
		method: 'POST',
		path: '/app/glossar/neu',
		auth: 'session',
		form: () => ({ term: '', plain: '' }),
		expect: managers('/app/glossar/neu', 422),
		check: (c) => {
			refusal(c);
			if (c.response.status === 422) expect(c.text).toContain('Bitte geben Sie den Begriff an');
		}
	},
	{ route: '/app/glossar/[id]', method: 'GET', path: '/app/glossar/:glDemoEntry', auth: 'session', expect: managers('/app/glossar/:glDemoEntry', 200, 404), check: refusal },
	{
		route: '/app/glossar/[id]',
		method: 'POST',
		path: '/app/glossar/:glDemoEntry?/save',
		auth: 'session',
		form: () => ({ ...ZWISCHENNUTZUNG, agreedBy: 'verwaltung' }),
		expect: managers('/app/glossar/:glDemoEntry?/save', to('/app/glossar?gespeichert=zwischennutzung#zwischennutzung'), 404),
		check: refusal
	},
	{
		route: '/app/glossar/[id]',
		method: 'POST',
		path: '/app/glossar/:glForeignEntry?/delete',
		auth: 'session',
		expect: byRole(toLogin('/app/glossar/:glForeignEntry?/delete'), to(`/app/glossar?geloescht=${FOREIGN_TERM}`), 404, 404, 403, 403),
		check: refusal
	},
	{ route: '/app/glossar/vorschlaege', method: 'GET', path: '/app/glossar/vorschlaege', auth: 'session', expect: managers('/app/glossar/vorschlaege', 200), check: refusal },
	{
		route: '/app/glossar/vorschlaege',
		method: 'POST',
		path: '/app/glossar/vorschlaege?/accept',
		auth: 'session',
		form: () => ({ id: BOGUS_UUID, status: 'vorschlag' }),
		expect: managers('/app/glossar/vorschlaege?/accept', 404),
		check: refusal
	},
	{
		route: '/app/glossar/vorschlaege',
		method: 'POST',
		path: '/app/glossar/vorschlaege?/reject',
		auth: 'session',
		form: () => ({ id: BOGUS_UUID, reason: 'Gibt es nicht.' }),
		expect: managers('/app/glossar/vorschlaege?/reject', 404),
		check: refusal
	},
	{
		route: '/app/glossar/export/[format]',
		method: 'GET',
		path: '/app/glossar/export/csv',
		auth: 'session',
		// Downloads answer nobody signed in with 401, like the other downloads.
		expect: byRole(401, 200, 200, 200, 403, 403),
		check: (c) => {
			refusal(c);
			if (c.response.status === 200 && c.actor !== 'otherOrg') expect(c.text).toContain('Zwischennutzung');
			if (c.response.status === 200 && c.actor !== 'otherOrg') expect(c.text).not.toContain(FOREIGN_TERM);
		}
	},
	{ route: '/app/glossar/import', method: 'GET', path: '/app/glossar/import', auth: 'session', expect: managers('/app/glossar/import', 200), check: refusal },
	{ route: '/app/glossar/import', method: 'POST', path: '/app/glossar/import', auth: 'session', form: () => ({ format: 'csv' }), expect: managers('/app/glossar/import', 422), check: refusal },
	{ route: '/o/[slug]/glossar', method: 'GET', path: PUB, auth: 'session', expect: everyone(200), check: (c) => expect(c.text).toContain('Zwischennutzung') },
	{ route: '/o/[slug]/glossar', method: 'POST', path: `${PUB}?/propose`, auth: 'session', form: honeypot, expect: everyone(200) },
	{ route: '/o/[slug]/glossar/[entry]', method: 'GET', path: `${PUB}/zwischennutzung`, auth: 'session', expect: everyone(200), check: (c) => expect(c.text).toContain('begrenzte Zeit') },
	{ route: '/o/[slug]/glossar/[entry]', method: 'POST', path: `${PUB}/zwischennutzung?/propose`, auth: 'session', form: () => ({ ...honeypot(), entry: 'zwischennutzung' }), expect: everyone(200) },
	{ route: '/o/[slug]/glossar/heft.pdf', method: 'GET', path: `${PUB}/heft.pdf`, auth: 'session', expect: everyone(200), check: (c) => expect(c.response.headers.get('content-type')).toBe('application/pdf') },
	{ route: '/o/[slug]/glossar/skos.jsonld', method: 'GET', path: `${PUB}/skos.jsonld`, auth: 'session', expect: everyone(200), check: (c) => expect(c.text).toContain('"skos:prefLabel"') },
	{
		route: '/api/v1/orgs/[slug]/glossary',
		method: 'GET',
		path: `/api/v1/orgs/${DEMO_SLUG}/glossary`,
		auth: 'token',
		expect: everyone(200),
		check: async (c) => expect(((await json(c)).entries as { term: string }[]).map((e) => e.term)).toContain('Zwischennutzung')
	},
	{
		route: '/api/v1/glossary',
		method: 'GET',
		path: '/api/v1/glossary',
		auth: 'token',
		expect: byRole(401, 200, 200, 200, 403, 403),
		check: async (c) => {
			if (c.response.status !== 200) return expectApiError(c, c.response.status === 401 ? 'unauthorized' : 'forbidden');
			const terms = ((await json(c)).entries as { term: string }[]).map((e) => e.term);
			expect(terms.includes(FOREIGN_TERM) || terms.includes(`${FOREIGN_TERM}api`)).toBe(c.actor === 'otherOrg');
		}
	},
	{
		route: '/api/v1/glossary',
		method: 'POST',
		path: '/api/v1/glossary',
		auth: 'token',
		json: () => ({ term: '', plain: '' }),
		expect: byRole(401, 422, 422, 422, 403, 403),
		check: async (c) => expectApiError(c, { 401: 'unauthorized', 403: 'forbidden', 422: 'validation_failed' }[c.response.status as 401 | 403 | 422])
	},
	{ route: '/api/v1/glossary/[id]', method: 'GET', path: '/api/v1/glossary/:glDemoEntry', auth: 'token', expect: byRole(401, 404, 200, 200, 403, 403) },
	{
		route: '/api/v1/glossary/[id]',
		method: 'PUT',
		path: '/api/v1/glossary/:glDemoEntry',
		auth: 'token',
		json: () => ({ ...ZWISCHENNUTZUNG, agreedBy: ['verwaltung', 'zivilgesellschaft', 'stadtmacher'] }),
		expect: byRole(401, 404, 200, 200, 403, 403)
	},
	{
		route: '/api/v1/glossary/[id]',
		method: 'DELETE',
		path: '/api/v1/glossary/:glForeignApiEntry',
		auth: 'token',
		expect: byRole(401, 204, 404, 404, 403, 403)
	}
];
