/**
 * Kompetenzrahmen: every member reads, owners and organisers change; other organisations see 404.
 *
 * `prepare` gives the demo organisation frameworks of its own with names nobody else has
 * (`krRead` to read, `krEdit` to change, `krToPublish`, `krToArchive`), the other organisation
 * one (`krForeign`), and uploads imports. A refused change is checked by reading the target
 * again through the API afterwards.
 *
 * Rows with a run-time id need a function as `path`, and the route scan sees only the route of
 * those, not the `?/action`: so every named action of /app/kompetenzrahmen/[id] also has a row
 * with a string path (an id that cannot exist), which is what the scan counts.
 *
 * Successful creations (copy, empty, import upload and confirm) redirect to an id nobody knows
 * before the request, which an outcome cannot name: `prepare` makes them once (and checks they
 * work); the rows make those requests where the refusal is known (another organisation's
 * framework, another user's import, invalid input behind the role check).
 */
import { expect } from 'vitest';
import { inviteAndAccept, get, postForm } from '../support/http';
import { BASE, DEMO_SLUG, ORIGIN, everyone, expectOwnOrganisationOnly, json, signedIn, to, toLogin, unique, type Actor, type Context, type Fixtures, type Row } from './table';

const SHIPPED_NAME = 'Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta';
const SHIPPED_AREA_TITLE = 'Gemeinwohl und öffentliche Werte';
const stamp = Date.now().toString(36);
/** Texts only the demo organisation's `krRead` framework contains. */
const READ = { name: `Rahmen nur für Altenburg ${stamp}`, area: `Bereich nur für Altenburg ${stamp}`, competence: `Kompetenz nur für Altenburg ${stamp}` };
/** Only the other organisation's framework is called this. */
const FOREIGN_NAME = `Rahmen nur für Nachbarort ${stamp}`;
/** An id no framework or import can have. */
const NO_ID = 'gibt-es-nicht';
const ROLE_REFUSED = 'Ihre Rolle erlaubt das nicht.';

/** A second organiser of the demo organisation: owns an import none of the actors may see. */
let secondOrganiserCookie = '';

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

interface FrameworkJson {
	name: { de: string };
	currentVersion: { number: number; status: string };
	areas: { code: string; title: { de: string }; competences: { code: string; title: { de: string }; archived: boolean }[] }[];
}

/** The framework as its organisation's owner reads it through the API; null when it is gone (404). */
async function readBack(f: Fixtures, id: string, as: Actor = 'owner'): Promise<FrameworkJson | null> {
	const response = await get(BASE, `/api/v1/frameworks/${id}`, { bearer: f.token[as] });
	if (response.status === 404) return null;
	expect(response.status, `read framework ${id} back`).toBe(200);
	return (await response.json()) as FrameworkJson;
}

const area = (doc: FrameworkJson | null, code: string) => doc?.areas.find((a) => a.code === code);
const competence = (doc: FrameworkJson | null, code: string) => doc?.areas.flatMap((a) => a.competences).find((c) => c.code === code);

async function copyShipped(f: Fixtures, cookie: string | undefined): Promise<string> {
	const response = await postForm(BASE, '/app/kompetenzrahmen?/copy', { frameworkId: f.shippedFrameworkId }, { cookie });
	const id = /^\/app\/kompetenzrahmen\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')?.[1];
	if (response.status !== 303 || !id) throw new Error(`copying the shipped framework: ${response.status}`);
	return id;
}

/** A change the owner (or `cookie`'s user) makes; returns the draft version it landed in. */
async function change(cookie: string | undefined, path: string, fields: Record<string, string>): Promise<number> {
	const response = await postForm(BASE, path, fields, { cookie });
	const version = /[?&]gespeichert=(\d+)/.exec(response.headers.get('location') ?? '')?.[1];
	if (response.status !== 303 || !version) throw new Error(`POST ${path}: ${response.status} ${/"error-summary[^]*?<\/div>/.exec(await response.text())?.[0] ?? ''}`);
	return Number(version);
}

/** Both names: the shipped framework (and so its copies) is bilingual. */
const meta = (name_de: string) => ({ name_de, name_en: `${name_de} (en)`, description_de: '', description_en: '' });

/** Uploads a frameworks export like the import form does (multipart); returns the preview's id. */
async function upload(cookie: string | undefined, file: string): Promise<string> {
	const form = new FormData();
	form.append('format', 'json');
	form.append('language', 'de');
	form.append('file', new Blob([file], { type: 'application/json' }), 'rahmen.json');
	const response = await fetch(new URL('/app/kompetenzrahmen/import', BASE), { method: 'POST', body: form, redirect: 'manual', headers: { accept: 'text/html', cookie: cookie ?? '', origin: ORIGIN } });
	const id = /^\/app\/kompetenzrahmen\/import\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')?.[1];
	if (response.status !== 303 || !id) throw new Error(`import upload: ${response.status} ${/"error-summary[^]*?<\/div>/.exec(await response.text())?.[0] ?? ''}`);
	return id;
}

/** A refusal shows nothing of the target: the role message on 403, none of `secrets` on 403/404. */
function refusedWithout(...secrets: string[]) {
	return ({ response, text }: Context) => {
		if (response.status === 403) expect(text).toContain(ROLE_REFUSED);
		if (response.status === 403 || response.status === 404) for (const secret of secrets) expect(text).not.toContain(secret);
	};
}

/** Pages: those let in see the secrets; the refused get no part of them (and the role message on 403). */
function shows(...secrets: string[]) {
	return (c: Context) => {
		if (c.response.status === 200) for (const secret of secrets) expect(c.text).toContain(secret);
		refusedWithout(...secrets)(c);
	};
}

const mayChange = (actor: Actor) => actor === 'owner' || actor === 'organiser';
/** The demo organisation's framework: read by members, 404 elsewhere. */
const readable = (from: string) => ({ anonymous: toLogin(from), otherOrg: 404, owner: 200, organiser: 200, facilitator: 200, viewer: 200 });
/** Changing the demo organisation's framework: owners and organisers. */
const changeable = (from: string, success: ReturnType<typeof to> | number) => ({ anonymous: toLogin(from), otherOrg: 404, owner: success, organiser: success, facilitator: 403, viewer: 403 });
/** Something nobody of these may change or see (another organisation's, another user's, the shipped framework, an unknown id). */
const refusedToAll = (from: string) => changeable(from, 404);

// ── rows ────────────────────────────────────────────────────────────────────────────────────

const ID_ACTIONS: { action: string; form: () => Record<string, string> }[] = [
	{ action: 'move', form: () => ({ code: 'A2', direction: 'down' }) },
	{ action: 'archive', form: () => ({ code: 'A2.1', archived: 'true' }) },
	{ action: 'meta', form: () => meta('Unbekannt') },
	{ action: 'publish', form: () => ({}) },
	{ action: 'archiveFramework', form: () => ({}) }
];

export const rows: Row[] = [
	// The list: own frameworks and the shipped one, nothing of the other organisation.
	{
		route: '/app/kompetenzrahmen',
		method: 'GET',
		path: '/app/kompetenzrahmen',
		auth: 'session',
		expect: signedIn(toLogin('/app/kompetenzrahmen'), 200),
		check: (c) => {
			expectOwnOrganisationOnly(c);
			if (c.actor === 'anonymous') return;
			expect(c.text).toContain(SHIPPED_NAME);
			(c.actor === 'otherOrg' ? expect(c.text).not : expect(c.text)).toContain(READ.name);
			(c.actor === 'otherOrg' ? expect(c.text) : expect(c.text).not).toContain(FOREIGN_NAME);
		}
	},
	{
		route: '/app/kompetenzrahmen',
		method: 'POST',
		path: '/app/kompetenzrahmen?/copy',
		auth: 'session',
		// Copying the other organisation's framework: not found for those who may copy, and no copy appears.
		form: (f, actor) => ({ frameworkId: actor === 'otherOrg' || actor === 'anonymous' ? f.ids.krRead : f.ids.krForeign }),
		expect: refusedToAll('/app/kompetenzrahmen?/copy'),
		check: async (c) => {
			const foreign = c.actor === 'otherOrg' ? READ.name : FOREIGN_NAME;
			refusedWithout(foreign)(c);
			if (c.actor === 'anonymous') return;
			const list = await (await get(BASE, '/app/kompetenzrahmen', { cookie: c.f.session[c.actor] })).text();
			expect(list).not.toContain(foreign);
		}
	},
	{
		route: '/app/kompetenzrahmen',
		method: 'POST',
		path: '/app/kompetenzrahmen?/empty',
		auth: 'session',
		// Behind the role check the empty name is refused (a valid one would redirect to a new id).
		form: () => ({ name_de: '', name_en: '' }),
		expect: { anonymous: toLogin('/app/kompetenzrahmen?/empty'), otherOrg: 422, owner: 422, organiser: 422, facilitator: 403, viewer: 403 },
		check: (c) => {
			refusedWithout()(c);
			if (c.response.status === 422) expect(c.text).toContain('Bitte geben Sie einen Namen ein.');
		}
	},

	// One framework: readable by members, edit controls only for those who may change it.
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.frameworkId}`,
		auth: 'session',
		expect: readable('/app/kompetenzrahmen/:frameworkId')
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krRead}`,
		auth: 'session',
		expect: readable('/app/kompetenzrahmen/:krRead'),
		check: (c) => {
			shows(READ.name, READ.area, READ.competence)(c);
			if (c.response.status === 200) (mayChange(c.actor) ? expect(c.text) : expect(c.text).not).toContain('action="?/meta"');
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krForeign}`,
		auth: 'session',
		expect: byOther(toLogin('/app/kompetenzrahmen/:krForeign'), 200, 404),
		check: shows(FOREIGN_NAME)
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.shippedFrameworkId}`,
		auth: 'session',
		// Every organisation reads the shipped framework; nobody edits it, those who may copy it can.
		expect: signedIn(toLogin('/app/kompetenzrahmen/:krShipped'), 200),
		check: ({ actor, text }) => {
			if (actor === 'anonymous') return;
			expect(text).toContain(SHIPPED_NAME);
			expect(text).not.toContain('action="?/meta"');
			(actor === 'facilitator' || actor === 'viewer' ? expect(text).not : expect(text)).toContain('action="/app/kompetenzrahmen?/copy"');
		}
	},

	// The named actions, each once with an id that cannot exist (string paths, for the route scan) …
	...ID_ACTIONS.map(
		({ action, form }): Row => ({
			route: '/app/kompetenzrahmen/[id]',
			method: 'POST',
			path: `/app/kompetenzrahmen/${NO_ID}?/${action}`,
			auth: 'session',
			form,
			expect: refusedToAll(`/app/kompetenzrahmen/${NO_ID}?/${action}`),
			check: refusedWithout()
		})
	),
	// … and on real frameworks.
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krEdit}?/meta`,
		auth: 'session',
		form: (_, actor) => meta(`Neuer Name von ${actor} ${stamp}`),
		expect: changeable('/app/kompetenzrahmen/:krEdit?/meta', to('/app/kompetenzrahmen/:krEdit?gespeichert=1')),
		check: async (c) => {
			refusedWithout(String(c.sent.name_de))(c);
			const name = (await readBack(c.f, c.f.ids.krEdit))?.name.de;
			(mayChange(c.actor) ? expect(name) : expect(name).not).toBe(c.sent.name_de);
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krForeign}?/meta`,
		auth: 'session',
		// The other direction: the demo organisation cannot rename the other organisation's framework.
		form: (_, actor) => meta(`Neuer Name von ${actor} ${stamp}`),
		expect: { anonymous: toLogin('/app/kompetenzrahmen/:krForeign?/meta'), otherOrg: to('/app/kompetenzrahmen/:krForeign?gespeichert=1'), owner: 404, organiser: 404, facilitator: 403, viewer: 403 },
		check: async (c) => {
			refusedWithout(String(c.sent.name_de))(c);
			const name = (await readBack(c.f, c.f.ids.krForeign, 'otherOrg'))?.name.de;
			(c.actor === 'otherOrg' ? expect(name) : expect(name).not).toBe(c.sent.name_de);
			if (c.actor === 'otherOrg') await change(c.f.session.otherOrg, `/app/kompetenzrahmen/${c.f.ids.krForeign}?/meta`, meta(FOREIGN_NAME));
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.shippedFrameworkId}?/meta`,
		auth: 'session',
		// Nobody changes the shipped framework (the page itself stays readable, so no 404 page for the organisations).
		form: (_, actor) => meta(`Neuer Name von ${actor} ${stamp}`),
		expect: refusedToAll('/app/kompetenzrahmen/:krShipped?/meta'),
		check: async (c) => {
			if (c.response.status === 403) expect(c.text).toContain(ROLE_REFUSED);
			expect((await readBack(c.f, c.f.shippedFrameworkId))?.name.de).toBe(SHIPPED_NAME);
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krEdit}?/move`,
		auth: 'session',
		// A2 starts second (the owner moves it back first); whoever may change it moves it to third place.
		form: async (f) => {
			const at = async () => (await readBack(f, f.ids.krEdit))!.areas.findIndex((a) => a.code === 'A2');
			while ((await at()) > 1) await change(f.session.owner, `/app/kompetenzrahmen/${f.ids.krEdit}?/move`, { code: 'A2', direction: 'up' });
			expect(await at()).toBe(1);
			return { code: 'A2', direction: 'down' };
		},
		expect: changeable('/app/kompetenzrahmen/:krEdit?/move', to('/app/kompetenzrahmen/:krEdit?gespeichert=1#item-A2')),
		check: async (c) => {
			refusedWithout()(c);
			expect((await readBack(c.f, c.f.ids.krEdit))!.areas.findIndex((a) => a.code === 'A2')).toBe(mayChange(c.actor) ? 2 : 1);
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krEdit}?/archive`,
		auth: 'session',
		// The owner restores A2.1 first, so every actor tries to archive an active competence.
		form: async (f) => {
			await change(f.session.owner, `/app/kompetenzrahmen/${f.ids.krEdit}?/archive`, { code: 'A2.1', archived: 'false' });
			return { code: 'A2.1', archived: 'true' };
		},
		expect: changeable('/app/kompetenzrahmen/:krEdit?/archive', to('/app/kompetenzrahmen/:krEdit?gespeichert=1#item-A2.1')),
		check: async (c) => {
			refusedWithout()(c);
			expect(competence(await readBack(c.f, c.f.ids.krEdit), 'A2.1')?.archived).toBe(mayChange(c.actor));
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krToPublish}?/publish`,
		auth: 'session',
		// A fresh draft for every actor: the owner changes the name (after a publication that starts the next version).
		form: async (f, actor) => {
			f.ids.krVersion = String(await change(f.session.owner, `/app/kompetenzrahmen/${f.ids.krToPublish}?/meta`, meta(`Zu veröffentlichen für ${actor} ${stamp}`)));
			return {};
		},
		expect: changeable('/app/kompetenzrahmen/:krToPublish?/publish', to('/app/kompetenzrahmen/:krToPublish?veroeffentlicht=:krVersion')),
		check: async (c) => {
			refusedWithout()(c);
			const current = (await readBack(c.f, c.f.ids.krToPublish))!.currentVersion;
			expect(current).toMatchObject({ number: Number(c.f.ids.krVersion), status: mayChange(c.actor) ? 'published' : 'draft' });
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krToArchive}?/archiveFramework`,
		auth: 'session',
		form: () => ({}),
		expect: changeable('/app/kompetenzrahmen/:krToArchive?/archiveFramework', to('/app/kompetenzrahmen')),
		check: async (c) => {
			const target = c.f.ids.krToArchive;
			// Archiving is for good: the next actor gets a framework of its own.
			if (c.response.status === 303) c.f.ids.krToArchive = await copyShipped(c.f, c.f.session.owner);
			refusedWithout()(c);
			const after = await readBack(c.f, target);
			(mayChange(c.actor) ? expect(after) : expect(after).not).toBeNull();
		}
	},

	// Areas: the edit page and its form are for those who may change; the shipped framework for nobody.
	{
		route: '/app/kompetenzrahmen/[id]/bereich/[code]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krRead}/bereich/A1`,
		auth: 'session',
		expect: changeable('/app/kompetenzrahmen/:krRead/bereich/A1', 200),
		check: shows(READ.area)
	},
	{
		route: '/app/kompetenzrahmen/[id]/bereich/[code]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.shippedFrameworkId}/bereich/A1`,
		auth: 'session',
		expect: refusedToAll('/app/kompetenzrahmen/:krShipped/bereich/A1'),
		check: refusedWithout(SHIPPED_AREA_TITLE)
	},
	{
		route: '/app/kompetenzrahmen/[id]/bereich/[code]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krEdit}/bereich/A1`,
		auth: 'session',
		form: (_, actor) => ({ code: 'A1', title_de: `Bereich von ${actor} ${stamp}`, title_en: 'In English', description_de: '', description_en: '' }),
		expect: changeable('/app/kompetenzrahmen/:krEdit/bereich/A1', to('/app/kompetenzrahmen/:krEdit?gespeichert=1#item-A1')),
		check: async (c) => {
			refusedWithout(String(c.sent.title_de))(c);
			const title = area(await readBack(c.f, c.f.ids.krEdit), 'A1')?.title.de;
			(mayChange(c.actor) ? expect(title) : expect(title).not).toBe(c.sent.title_de);
		}
	},
	{
		route: '/app/kompetenzrahmen/[id]/bereich/[code]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.shippedFrameworkId}/bereich/A1`,
		auth: 'session',
		form: (_, actor) => ({ code: 'A1', title_de: `Bereich von ${actor} ${stamp}`, title_en: 'In English', description_de: '', description_en: '' }),
		expect: refusedToAll('/app/kompetenzrahmen/:krShipped/bereich/A1'),
		check: async (c) => {
			refusedWithout(SHIPPED_AREA_TITLE)(c);
			expect(area(await readBack(c.f, c.f.shippedFrameworkId), 'A1')?.title.de).toBe(SHIPPED_AREA_TITLE);
		}
	},

	// Competences: the same.
	{
		route: '/app/kompetenzrahmen/[id]/kompetenz/[code]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krRead}/kompetenz/A1.1`,
		auth: 'session',
		expect: changeable('/app/kompetenzrahmen/:krRead/kompetenz/A1.1', 200),
		check: shows(READ.competence)
	},
	{
		route: '/app/kompetenzrahmen/[id]/kompetenz/[code]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krEdit}/kompetenz/A1.1`,
		auth: 'session',
		form: (_, actor) => ({ area: 'A1', code: 'A1.1', title_de: `Kompetenz von ${actor} ${stamp}`, title_en: 'In English', description_de: '', description_en: '', type: 'knowledge' }),
		expect: changeable('/app/kompetenzrahmen/:krEdit/kompetenz/A1.1', to('/app/kompetenzrahmen/:krEdit?gespeichert=1#item-A1.1')),
		check: async (c) => {
			refusedWithout(String(c.sent.title_de))(c);
			const title = competence(await readBack(c.f, c.f.ids.krEdit), 'A1.1')?.title.de;
			(mayChange(c.actor) ? expect(title) : expect(title).not).toBe(c.sent.title_de);
		}
	},

	// Versions and the download: every member.
	{
		route: '/app/kompetenzrahmen/[id]/versionen',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krRead}/versionen`,
		auth: 'session',
		expect: readable('/app/kompetenzrahmen/:krRead/versionen'),
		check: shows(READ.name)
	},
	{
		route: '/app/kompetenzrahmen/[id]/export',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.ids.krRead}/export?format=json`,
		auth: 'session',
		// An endpoint, not a page: no login redirect (that is the /app layout's), but 401.
		expect: { ...readable(''), anonymous: 401 },
		check: async (c) => {
			refusedWithout(READ.name)(c);
			if (c.response.status !== 200) return;
			expect(c.response.headers.get('content-disposition')).toMatch(/^attachment; /);
			expect(((await json(c)).meta as { name_de: string }).name_de).toBe(READ.name);
		}
	},

	// Import: upload and preview for those who may change; a preview only for the user who uploaded it.
	{
		route: '/app/kompetenzrahmen/import',
		method: 'GET',
		path: '/app/kompetenzrahmen/import',
		auth: 'session',
		expect: { anonymous: toLogin('/app/kompetenzrahmen/import'), otherOrg: 200, owner: 200, organiser: 200, facilitator: 403, viewer: 403 },
		check: refusedWithout()
	},
	{
		route: '/app/kompetenzrahmen/import',
		method: 'POST',
		path: '/app/kompetenzrahmen/import',
		auth: 'session',
		// Behind the role check a form without a file is refused (an upload redirects to a new preview id).
		form: () => ({ format: 'json', language: 'de' }),
		expect: { anonymous: toLogin('/app/kompetenzrahmen/import'), otherOrg: 422, owner: 422, organiser: 422, facilitator: 403, viewer: 403 },
		check: (c) => {
			refusedWithout()(c);
			if (c.response.status === 422) expect(c.text).toContain('Bitte wählen Sie eine Datei aus.');
		}
	},
	{
		route: '/app/kompetenzrahmen/import/[importId]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/import/${f.ids.krOwnerImport}`,
		auth: 'session',
		expect: { anonymous: toLogin('/app/kompetenzrahmen/import/:krOwnerImport'), otherOrg: 404, owner: 200, organiser: 404, facilitator: 403, viewer: 403 },
		check: shows(READ.name)
	},
	{
		route: '/app/kompetenzrahmen/import/[importId]',
		method: 'POST',
		path: (f) => `/app/kompetenzrahmen/import/${f.ids.krSecondImport}`,
		auth: 'session',
		// Another organiser's upload: nobody else confirms it, and it is still there afterwards.
		form: () => ({}),
		expect: refusedToAll('/app/kompetenzrahmen/import/:krSecondImport'),
		check: async (c) => {
			refusedWithout(READ.name)(c);
			expect((await get(BASE, `/app/kompetenzrahmen/import/${c.f.ids.krSecondImport}`, { cookie: secondOrganiserCookie })).status).toBe(200);
		}
	},
	{
		route: '/app/kompetenzrahmen/import/[importId]',
		method: 'GET',
		path: `/app/kompetenzrahmen/import/${NO_ID}`,
		auth: 'session',
		expect: refusedToAll(`/app/kompetenzrahmen/import/${NO_ID}`)
	},

	// Public page and API
	{
		route: '/o/[slug]/kompetenzrahmen/[id]',
		method: 'GET',
		// Unpublished frameworks are not public, for nobody.
		path: (f) => `/o/${DEMO_SLUG}/kompetenzrahmen/${f.frameworkId}`,
		auth: 'session',
		expect: everyone(404)
	},
	{
		route: '/api/v1/frameworks',
		method: 'GET',
		path: '/api/v1/frameworks',
		auth: 'token',
		expect: signedIn(401, 200),
		check: async (c) => {
			if (c.actor === 'anonymous') return;
			const ids = ((await json(c)).frameworks as { id: string }[]).map((f) => f.id);
			expect(ids).toContain(c.f.shippedFrameworkId);
			(c.actor === 'otherOrg' ? expect(ids).not : expect(ids)).toContain(c.f.frameworkId);
		}
	},
	{
		route: '/api/v1/frameworks/[id]',
		method: 'GET',
		path: (f) => `/api/v1/frameworks/${f.frameworkId}`,
		auth: 'token',
		expect: { anonymous: 401, otherOrg: 404, owner: 200, organiser: 200, facilitator: 200, viewer: 200 }
	},
	{
		route: '/api/v1/frameworks/[id]/export',
		method: 'GET',
		path: (f) => `/api/v1/frameworks/${f.frameworkId}/export?format=csv`,
		auth: 'token',
		expect: { anonymous: 401, otherOrg: 404, owner: 200, organiser: 200, facilitator: 200, viewer: 200 }
	},
	{
		route: '/api/v1/frameworks/import',
		method: 'POST',
		path: '/api/v1/frameworks/import',
		auth: 'token',
		// A form post is no multipart upload: refused before anything is read, for those allowed to import.
		form: () => ({ format: 'csv' }),
		expect: { anonymous: 401, otherOrg: 400, owner: 400, organiser: 400, facilitator: 403, viewer: 403 }
	}
];

/** The other organisation's object: its owner has it, the demo organisation's members get 404. */
function byOther(anonymous: ReturnType<typeof to>, otherOrg: number, demoMembers: number) {
	return { anonymous, otherOrg, owner: demoMembers, organiser: demoMembers, facilitator: demoMembers, viewer: demoMembers };
}

export async function prepare(f: Fixtures): Promise<void> {
	const owner = f.session.owner;
	f.ids.krShipped = f.shippedFrameworkId;
	f.ids.krRead = await copyShipped(f, owner);
	await change(owner, `/app/kompetenzrahmen/${f.ids.krRead}?/meta`, meta(READ.name));
	await change(owner, `/app/kompetenzrahmen/${f.ids.krRead}/bereich/A1`, { code: 'A1', title_de: READ.area, title_en: 'In English', description_de: '', description_en: '' });
	await change(owner, `/app/kompetenzrahmen/${f.ids.krRead}/kompetenz/A1.1`, { area: 'A1', code: 'A1.1', title_de: READ.competence, title_en: 'In English', description_de: '', description_en: '', type: 'knowledge' });
	f.ids.krEdit = await copyShipped(f, owner);
	f.ids.krToPublish = await copyShipped(f, owner);
	f.ids.krToArchive = await copyShipped(f, owner);
	f.ids.krForeign = await copyShipped(f, f.session.otherOrg);
	await change(f.session.otherOrg, `/app/kompetenzrahmen/${f.ids.krForeign}?/meta`, meta(FOREIGN_NAME));

	// Imports: the export of krRead, uploaded by the owner and by a second organiser.
	const exported = await get(BASE, `/app/kompetenzrahmen/${f.ids.krRead}/export?format=json`, { cookie: owner });
	expect(exported.status, 'export for the import').toBe(200);
	const file = await exported.text();
	f.ids.krOwnerImport = await upload(owner, file);
	secondOrganiserCookie = await inviteAndAccept(BASE, owner!, { email: unique('zweite-organisatorin'), name: 'Zora Zweitorganisatorin', password: 'ein-langes-Passwort', role: 'organiser' });
	f.ids.krSecondImport = await upload(secondOrganiserCookie, file);
	// What the rows cannot name, because it redirects to a new id: creating an empty framework and confirming one's own import work.
	const empty = await postForm(BASE, '/app/kompetenzrahmen?/empty', { name_de: `Leerer Rahmen ${stamp}`, name_en: '' }, { cookie: owner });
	expect(`${empty.status} ${empty.headers.get('location')}`, 'creating an empty framework').toMatch(/^303 \/app\/kompetenzrahmen\/[0-9a-f-]{36}$/);
	const ownImport = await upload(secondOrganiserCookie, file);
	const confirmed = await postForm(BASE, `/app/kompetenzrahmen/import/${ownImport}`, {}, { cookie: secondOrganiserCookie });
	expect(`${confirmed.status} ${confirmed.headers.get('location')}`, 'confirming an own import').toMatch(/^303 \/app\/kompetenzrahmen\/[0-9a-f-]{36}$/);
}
