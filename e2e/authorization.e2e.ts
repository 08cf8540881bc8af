/**
 * AUTHORIZATION TABLE: every route and API endpoint × every kind of actor → the expected outcome.
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────────────┐
 * │ Adding a route (+page.svelte, +page.server.ts, +server.ts under src/routes), a form      │
 * │ action or an API method? Add its rows to authorization/*.rows.ts, an outcome per actor.  │
 * │ The test "every route under src/routes is in the table" fails until you do.              │
 * └──────────────────────────────────────────────────────────────────────────────────────────┘
 *
 * The rows live in ./authorization/*.rows.ts, one file per capability; the types in
 * ./authorization/table.ts.
 *
 * Requests are plain fetch calls without following redirects. Browser-style requests carry the
 * session cookie from a real POST /anmelden and the server's own Origin; API requests carry the
 * actor's bearer token (the API never reads cookies). Actors: nobody signed in; the owner of
 * another organisation on the same instance; and one member per role in the demo organisation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { get, login, postForm, request } from './support/http';
import { REPO_ROOT } from './support/servers';
import * as catalogue from './authorization/catalogue.rows';
import * as foundation from './authorization/foundation.rows';
import * as frameworks from './authorization/frameworks.rows';
import * as freeText from './authorization/free-text.rows';
import * as gdpr from './authorization/gdpr.rows';
import * as glossary from './authorization/glossary.rows';
import * as identity from './authorization/identity.rows';
import * as language from './authorization/language.rows';
import * as participation from './authorization/participation.rows';
import * as planning from './authorization/planning.rows';
import * as readiness from './authorization/readiness.rows';
import * as results from './authorization/results.rows';
import * as signIn from './authorization/sign-in.rows';
import * as studies from './authorization/studies.rows';
import * as werkstatt from './authorization/werkstatt.rows';
import { ACCOUNTS, ACTORS, BASE, BOGUS_TOKEN, DEMO_SLUG, demo, ORIGIN, type Actor, type Fixtures, type Outcome, type Row, type RowGroup } from './authorization/table';

const GROUPS: RowGroup[] = [foundation, frameworks, participation, studies, results, catalogue, freeText, glossary, language, werkstatt, planning, signIn, identity, gdpr, readiness];
export const TABLE: Row[] = GROUPS.flatMap((group) => group.rows);
// ────────────────────────────────────────────────────────────────────────────────────────────

const fixtures = {} as Fixtures;

beforeAll(async () => {
	fixtures.session = {};
	fixtures.token = {};
	fixtures.ids = {};
	for (const actor of ACTORS) {
		if (actor === 'anonymous') continue;
		fixtures.session[actor] = await login(BASE, ACCOUNTS[actor].email, ACCOUNTS[actor].password);
		const created = await postForm(BASE, '/app/konto?/createToken', { name: `Berechtigungstest ${actor}` }, { cookie: fixtures.session[actor] });
		const token = /class="secret">(swt_[A-Za-z0-9_-]+)</.exec(await created.text())?.[1];
		if (!token) throw new Error(`no API token for ${actor}`);
		fixtures.token[actor] = token;
	}
	fixtures.freshSession = async (actor) => (actor === 'anonymous' ? undefined : login(BASE, ACCOUNTS[actor].email, ACCOUNTS[actor].password));
	const me = async (actor: Actor) =>
		(await (await get(BASE, '/api/v1/me', { bearer: fixtures.token[actor] })).json()) as { user: { id: string }; organisation: { id: string; slug: string } };
	const [organiser, other, owner] = [await me('organiser'), await me('otherOrg'), await me('owner')];
	expect(owner.organisation.slug).toBe(DEMO_SLUG);
	fixtures.otherSlug = other.organisation.slug;
	fixtures.otherOrgId = other.organisation.id;
	fixtures.organiserUserId = organiser.user.id;
	let n = 0;
	const { frameworks } = (await (await get(BASE, '/api/v1/frameworks', { bearer: fixtures.token.owner })).json()) as { frameworks: { id: string; shipped: boolean }[] };
	fixtures.shippedFrameworkId = frameworks.find((f) => f.shipped)!.id;
	const copied = await postForm(BASE, '/app/kompetenzrahmen?/copy', { frameworkId: fixtures.shippedFrameworkId }, { cookie: fixtures.session.owner });
	fixtures.frameworkId = (copied.headers.get('location') ?? '').split('/').at(-1)!;
	expect(fixtures.frameworkId).toMatch(/^[0-9a-f-]{36}$/);
	fixtures.newOwnerToken = async () => {
		const name = `Ziel ${++n}`;
		const html = await (await postForm(BASE, '/app/konto?/createToken', { name }, { cookie: fixtures.session.owner })).text();
		const token = /class="secret">(swt_[A-Za-z0-9_-]+)</.exec(html)?.[1];
		const row = html.split('<tr').find((tr) => tr.includes(`>${name}<`));
		const id = row && /name="tokenId" value="([0-9a-f-]{36})"/.exec(row)?.[1];
		if (!token || !id) throw new Error('could not create a token of the owner');
		return { token, id };
	};
	for (const group of GROUPS) await group.prepare?.(fixtures);
});

/** Paths and redirect targets may name fixtures created at run time (":frameworkId", ":studyId" …), also URL-encoded. */
function withFixtures(text: string, f: Fixtures): string {
	let filled = text;
	// Longest names first, so ":study" never eats the start of ":studyDraft".
	const fixtures = Object.entries({ ...f.ids, frameworkId: f.frameworkId }).sort(([a], [b]) => b.length - a.length);
	for (const [name, value] of fixtures) filled = filled.replaceAll(encodeURIComponent(`:${name}`), value).replaceAll(`:${name}`, value);
	return filled;
}

function describeOutcome(outcome: Outcome): string {
	return typeof outcome === 'number' ? String(outcome) : `303 → ${outcome.redirect}`;
}

function label(row: Row): string {
	const shown = typeof row.path === 'string' ? row.path : row.route;
	return `${row.method} ${shown}${row.auth === 'token' ? ' (bearer token)' : ''}${row.form ? ' (form)' : ''}`;
}

describe.each(TABLE.map((row) => [label(row), row] as const))('%s', (_, row) => {
	test.each(ACTORS.map((actor) => [actor, describeOutcome(row.expect[actor])] as const))('as %s → %s', async (actor) => {
		const f = fixtures;
		const cookie = row.auth === 'session' ? (row.freshSession ? await f.freshSession(actor) : f.session[actor]) : undefined;
		const bearer = row.auth === 'token' ? f.token[actor] : undefined;
		const path = withFixtures(typeof row.path === 'string' ? row.path : row.path(f), f);
		const sent: Record<string, unknown> = row.form ? await row.form(f, actor) : row.json ? await row.json(f, actor) : {};
		const headers = row.headers?.(f, actor) ?? {};
		const response = row.json
			? await request(BASE, row.method, path, null, { cookie, bearer, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(sent) })
			: await request(BASE, row.method, path, row.method === 'POST' ? (sent as Record<string, string>) : null, { cookie, bearer, headers });
		const text = await response.text();
		const expected = row.expect[actor];
		const got = response.status === 303 ? `303 → ${response.headers.get('location')}` : String(response.status);
		const wanted = withFixtures(describeOutcome(expected), f);
		expect(got, `${row.method} ${path} as ${actor}`).toBe(wanted);
		await row.check?.({ actor, f, response, text, sent, cookie });
	});
});

describe('special cases', () => {
	test('an invalid bearer token gets 401 with the JSON error document', async () => {
		for (const header of [`Bearer ${BOGUS_TOKEN}`, 'Bearer swt_nicht-echt', 'Basic ZGVtbzpkZW1v', 'Bearer']) {
			const response = await get(BASE, '/api/v1/me', { headers: { authorization: header } });
			expect(response.status, header).toBe(401);
			expect(await response.json(), header).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('API-Schlüssel'), details: [] } });
		}
	});

	test('a valid session cookie does not make an invalid bearer token acceptable', async () => {
		const response = await get(BASE, '/api/v1/me', { bearer: BOGUS_TOKEN, cookie: fixtures.session.owner });
		expect(response.status).toBe(401);
	});

	// CSRF: a cookie-authenticated form POST whose Origin is not the server's own is refused before
	// anything happens — even with a valid session cookie.
	const CSRF_CASES: { path: string; form: Record<string, string> }[] = [
		{ path: '/anmelden', form: { email: demo.accounts.owner.email, password: demo.accounts.owner.password } },
		{ path: '/abmelden', form: {} },
		{ path: '/sprache', form: { locale: 'en', back: '/' } },
		{ path: '/einrichten', form: { orgName: 'Fremd', name: 'Eve', email: 'eve@evil.example', password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' } },
		{ path: '/passwort-vergessen', form: { email: demo.accounts.owner.email } },
		{ path: `/passwort-zuruecksetzen/${BOGUS_TOKEN}`, form: { password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' } },
		{ path: `/einladung/${BOGUS_TOKEN}`, form: { name: 'Eve', password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' } },
		{ path: '/app/einstellungen?/invite', form: { email: 'eve@evil.example', role: 'owner' } },
		{ path: '/app/einstellungen?/role', form: { userId: '00000000-0000-4000-8000-000000000000', role: 'owner' } },
		{ path: '/app/konto?/password', form: { currentPassword: 'x', password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' } },
		{ path: '/app/konto?/createToken', form: { name: 'Fremd' } },
		{ path: '/app/konto?/revokeToken', form: { tokenId: '00000000-0000-4000-8000-000000000000' } },
		{ path: '/app/organisation', form: { orgId: '00000000-0000-4000-8000-000000000000' } }
	];
	test.each(CSRF_CASES.flatMap((c) => [
		[c.path, 'https://evil.example', c] as const,
		[c.path, 'null', c] as const,
		[c.path, '(none)', c] as const
	]))('POST %s with Origin %s → 403', async (path, origin, c) => {
		const response = await postForm(BASE, path, c.form, { cookie: fixtures.session.owner, origin: origin === '(none)' ? null : origin });
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('Cross-Site-Request-Forgery');
		expect(response.headers.getSetCookie(), 'no cookie is set').toEqual([]);
	});

	test('the refused requests changed nothing: no invitation for the foreign address, the session still works', async () => {
		const settings = await get(BASE, '/app/einstellungen', { cookie: fixtures.session.owner });
		expect(settings.status).toBe(200);
		expect(await settings.text()).not.toContain('eve@evil.example');
	});

	test('the same form POST with the server’s own Origin is accepted (the guard is not just closed)', async () => {
		const response = await postForm(BASE, '/sprache', { locale: 'en', back: '/' }, { origin: ORIGIN });
		expect(response.status).toBe(303);
	});
});

// ────────────────────────────────────────────────────────────────────────────────────────────
// Nobody can forget the table: every route directory under src/routes, every method a +server.ts
// exports and every form action must have rows.

const ROUTES_DIR = path.join(REPO_ROOT, 'src/routes');
const ENDPOINT_FILES = ['+page.svelte', '+page.server.ts', '+page.server.js', '+page.ts', '+page.js', '+server.ts', '+server.js'];

interface ScannedRoute {
	route: string;
	/** Methods a +server file exports ("fallback" answers every method). */
	serverMethods: string[];
	/** Whether the route renders a page (GET). */
	page: boolean;
	/** Form actions: "default" or the names of named actions. */
	actions: string[];
}

function scanRoutes(dir = ROUTES_DIR, segments: string[] = []): ScannedRoute[] {
	const entries = fs.readdirSync(dir, { withFileTypes: true });
	const files = entries.filter((e) => e.isFile()).map((e) => e.name);
	const found: ScannedRoute[] = [];
	if (files.some((f) => ENDPOINT_FILES.includes(f))) {
		const read = (name: string) => (files.includes(name) ? fs.readFileSync(path.join(dir, name), 'utf8') : '');
		const server = read('+server.ts') + read('+server.js');
		const pageServer = read('+page.server.ts') + read('+page.server.js');
		const actionsAt = pageServer.search(/export\s+const\s+actions\b/);
		// The keys one tab deep in `export const actions = { … };` (the files are formatted by Prettier).
		const actionsBlock = actionsAt < 0 ? '' : pageServer.slice(actionsAt, pageServer.indexOf('\n};', actionsAt) + 1 || undefined);
		const actions = [...actionsBlock.matchAll(/^\t(\w+)\s*:/gm)].map((m) => m[1]);
		found.push({
			route: '/' + segments.filter((s) => !/^\(.*\)$/.test(s)).join('/'),
			serverMethods: [...server.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|fallback)\b/g)].map((m) => m[1]),
			page: files.some((f) => f.startsWith('+page.')),
			actions: actionsAt >= 0 && actions.length === 0 ? ['(unparsed)'] : actions
		});
	}
	for (const entry of entries) if (entry.isDirectory()) found.push(...scanRoutes(path.join(dir, entry.name), [...segments, entry.name]));
	return found;
}

function patternToRegExp(route: string): RegExp {
	const source = route
		.split('/')
		.map((segment) => (segment === '[...rest]' || /^\[\.\.\.\w+\]$/.test(segment) ? '.*' : segment.replace(/\[\w+\]/g, '[^/]+').replace(/[.]/g, '\\.')))
		.join('/');
	return new RegExp(`^${source}(\\?.*)?$`);
}

/**
 * Routes whose rows are still to be written (`pending`) or incomplete (`incomplete`: some rows, but
 * form actions or methods without), named by each row group. Their own integration tests check the
 * organisation scope of every use case, but they are not yet in this table: each entry is a debt.
 * The test below fails when an entry is covered or gone, so the lists can only shrink.
 */
const INCOMPLETE_ROWS = new Set<string>(GROUPS.flatMap((group) => group.incomplete ?? []));
const PENDING_ROWS = new Set<string>([...INCOMPLETE_ROWS, ...GROUPS.flatMap((group) => group.pending ?? [])]);

describe('the table covers every route', () => {
	test('pending routes are still missing and still exist (remove them when their rows are written)', () => {
		const scanned = new Set(scanRoutes().map((r) => r.route));
		const tableRoutes = new Set(TABLE.map((row) => row.route));
		for (const route of PENDING_ROWS) {
			expect(scanned.has(route), `PENDING_ROWS names ${route}, which no longer exists`).toBe(true);
			if (!INCOMPLETE_ROWS.has(route)) expect(tableRoutes.has(route), `${route} has rows now: remove it from PENDING_ROWS`).toBe(false);
		}
	});

	test('every route under src/routes is in the table (add rows for new routes!)', () => {
		const tableRoutes = new Set(TABLE.map((row) => row.route));
		const missing = scanRoutes()
			.map((r) => r.route)
			.filter((route) => !tableRoutes.has(route) && !PENDING_ROWS.has(route));
		expect(missing, `routes without rows in e2e/authorization/*.rows.ts:\n${missing.join('\n')}`).toEqual([]);
	});

	test('every page, form action and exported API method has a row', () => {
		const missing: string[] = [];
		for (const scanned of scanRoutes()) {
			const rows = TABLE.filter((row) => row.route === scanned.route);
			if (!rows.length || PENDING_ROWS.has(scanned.route)) continue; // reported by the test above, or a known debt
			const paths = rows.map((row) => ({ method: row.method, path: typeof row.path === 'string' ? row.path : row.route }));
			if (scanned.page && !paths.some((p) => p.method === 'GET')) missing.push(`${scanned.route}: GET (page)`);
			for (const method of scanned.serverMethods) {
				if (method === 'fallback') continue;
				if (!paths.some((p) => p.method === method)) missing.push(`${scanned.route}: ${method}`);
			}
			for (const action of scanned.actions) {
				const covered = action === 'default' ? paths.some((p) => p.method === 'POST' && !p.path.includes('?/')) : paths.some((p) => p.method === 'POST' && p.path.includes(`?/${action}`));
				if (!covered) missing.push(`${scanned.route}: POST action "${action}"`);
			}
		}
		expect(missing, 'add rows to e2e/authorization/*.rows.ts').toEqual([]);
	});

	test('every row names a route that exists and requests a path of that route', () => {
		const existing = new Set(scanRoutes().map((r) => r.route));
		for (const row of TABLE) {
			expect(existing.has(row.route), `TABLE row for ${row.route}: no such route under src/routes`).toBe(true);
			if (typeof row.path === 'string') expect(row.path, `TABLE row ${row.route}`).toMatch(patternToRegExp(row.route));
		}
	});
});
