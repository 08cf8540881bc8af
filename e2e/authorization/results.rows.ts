/**
 * Auswertung: results of closed rounds for owners, organisers and viewers (not facilitators), raw
 * answers for owners and organisers only and only when every group has n ≥ k, public pages and
 * files of published studies for everybody. Another organisation's ids are 404, never 403, and no
 * figure of a group below the minimum group size appears anywhere.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { api, byRole, FORBIDDEN, DEMO_SLUG, demo, everyone, expectApiError, expectOwnOrganisationOnly, json, toLogin, type Context, type Fixtures, type Row } from './table';

/** The demo's closed study: "Wissenschaft" has 3 participants, below k = 5. */
const DEMO_TITLE = 'Wissensbedarf Altenburg 2027';
/** The demo's open study: no closed round yet. */
const OPEN_TITLE = 'Schnelltest: Zwischennutzung und Reallabore';
/** k = 3; Verwaltung 3, Politik 3, Wissenschaft 1: Wissenschaft below k, a second group hidden as complement. Published. */
const PUBLISHED_TITLE = 'Veröffentlichte Analyse (Berechtigungstest)';
/** k = 3; one group of 3: raw answers may be downloaded. Closed, not published. */
const RAW_TITLE = 'Rohdaten erlaubt (Berechtigungstest)';
/** A draft of the other organisation. */
const FOREIGN_TITLE = 'Fremde Analyse (Berechtigungstest)';
const CODE = 'A1.1';
const RAW_COLUMNS = 'antwort;gruppe;gruppe_name;kompetenz;messgroesse;horizont;wert;weiss_nicht';

interface Questionnaire {
	pages: { competences: { code: string; items: { measure: string; horizon: string | null }[] }[] }[];
}

/** Creates a study as the owner behind `token`, lets `participants` answer it, closes it (and publishes it). */
async function runStudy(f: Fixtures, token: string, title: string, participants: Record<string, number>, options: { publish?: boolean } = {}): Promise<string> {
	const labels: Record<string, string> = { verwaltung: 'Verwaltung', politik: 'Politik', wissenschaft: 'Wissenschaft' };
	const { id } = await api<{ id: string }>(token, 'POST', '/api/v1/studies', {
		title,
		frameworkId: f.shippedFrameworkId,
		competences: [CODE, 'A3.4'],
		groups: Object.keys(participants).map((key) => ({ key, label: labels[key] })),
		horizons: [{ key: 'heute', label: 'heute', years: 0 }],
		minGroupSize: 3
	});
	await api(token, 'POST', `/api/v1/studies/${id}/status`, { status: 'open' });
	for (const [group, count] of Object.entries(participants)) {
		const { tokens } = await api<{ tokens: string[] }>(token, 'POST', `/api/v1/studies/${id}/invitations`, { group, count });
		for (const [person, link] of tokens.entries()) {
			const questionnaire = await api<Questionnaire>(undefined, 'GET', `/api/v1/participate/${link}`);
			const answers = questionnaire.pages.flatMap((page) =>
				page.competences.flatMap((competence) => competence.items.map((item) => ({ competence: competence.code, measure: item.measure, horizon: item.horizon, value: ((person + (group === 'wissenschaft' ? 0 : 2)) % 5) + 1 })))
			);
			await api(undefined, 'POST', `/api/v1/participate/${link}`, { answers }, { 'idempotency-key': randomUUID() });
		}
	}
	await api(token, 'POST', `/api/v1/studies/${id}/status`, { status: 'closed' });
	if (options.publish) await api(token, 'POST', `/api/v1/studies/${id}/status`, { status: 'published' });
	return id;
}

export async function prepare(f: Fixtures): Promise<void> {
	const { studies } = await api<{ studies: { id: string; title: string; status: string }[] }>(f.token.owner, 'GET', '/api/v1/studies');
	const demoStudy = studies.find((s) => s.title === DEMO_TITLE && s.status === 'closed');
	const openStudy = studies.find((s) => s.title === OPEN_TITLE && s.status === 'open');
	if (!demoStudy || !openStudy) throw new Error('the demo studies are missing');
	f.ids.resultsDemo = demoStudy.id;
	f.ids.resultsOpen = openStudy.id;
	f.ids.resultsPublished = await runStudy(f, f.token.owner!, PUBLISHED_TITLE, { verwaltung: 3, politik: 3, wissenschaft: 1 }, { publish: true });
	f.ids.resultsRaw = await runStudy(f, f.token.owner!, RAW_TITLE, { verwaltung: 3 });
	const foreign = await api<{ id: string }>(f.token.otherOrg, 'POST', '/api/v1/studies', { title: FOREIGN_TITLE, frameworkId: f.shippedFrameworkId, competences: [CODE] });
	f.ids.resultsForeign = foreign.id;
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────

const demoPath = (rest = '') => (f: Fixtures) => `/app/analysen/${f.ids.resultsDemo}/ergebnisse${rest}`;
const appPath = (id: string, rest = '') => (f: Fixtures) => `/app/analysen/${f.ids[id]}/ergebnisse${rest}`;
const publicPath = (id: string, rest = '') => (f: Fixtures) => `/o/${DEMO_SLUG}/analysen/${f.ids[id]}${rest}`;

/** Tags removed, whitespace collapsed. */
const plain = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

/** The participation table's cell for a group, as text. */
function participationCell(html: string, label: string): string {
	const table = html.slice(html.indexOf('id="table-teilnahme"'));
	const row = new RegExp(`<th scope="row">${label}</th>([\\s\\S]*?)</tr>`).exec(table);
	expect(row, `a participation row for ${label}`).not.toBeNull();
	return plain(row![1]).trim();
}

/** A group below k: hidden in the participation table and chart, no histogram anywhere. */
function expectGroupHidden(html: string, key: string, label: string): void {
	expect(participationCell(html, label)).toBe('ausgeblendet*');
	expect(html).toContain(`${label}: ausgeblendet`);
	expect(html).not.toMatch(new RegExp(`id="hist-[^"]*-${key}-`));
}

/** The other organisation's view, or a refusal: nothing of the study it asked for. */
function expectNothingOf(title: string, c: Context): void {
	expect(c.text).not.toContain(title);
}

/** Pages of /app: the status's own message, the own organisation only, the study's title only when allowed. */
function appPageChecks(title: string, c: Context): void {
	if (c.actor === 'anonymous') return;
	expectOwnOrganisationOnly(c);
	if (c.response.status === 403) expect(c.text).toContain(FORBIDDEN);
	if (c.response.status === 404) expect(c.text).toMatch(/Diese Analyse gibt es nicht\.|Nicht gefunden|gehört nicht zu dieser Analyse/);
	if (c.response.status !== 200) expectNothingOf(title, c);
}

/** Downloads refused: a short German text (or SvelteKit's error page for 401/403), never the study. */
function downloadRefusal(title: string, c: Context): void {
	if (c.response.status === 200) return;
	expectNothingOf(title, c);
	expect(c.response.headers.get('content-disposition')).toBeNull();
	if (c.response.status === 403) expect(c.text).toContain(FORBIDDEN);
	if (c.response.status === 404) expect(c.text).toMatch(/Diese Analyse gibt es nicht\.|Nicht gefunden/);
}

/** The single-values CSV: its study, visible figures for Verwaltung, none at all for Wissenschaft. */
function expectResultsCsv(c: Context, title: string): void {
	expect(c.response.headers.get('content-type')).toContain('text/csv');
	expect(c.response.headers.get('content-disposition')).toMatch(/^attachment;/);
	const records: string[][] = parse(c.text, { delimiter: ';', bom: true, relax_column_count: true });
	const header = new Map(records.slice(0, 8).map((r) => [r[0], r[1]]));
	expect(header.get('Analyse')).toBe(title);
	const columns = records.find((r) => r[0] === 'Code')!;
	const rows = records.slice(records.indexOf(columns) + 1).filter((r) => r.length > 1);
	const mean = columns.indexOf('Mittelwert');
	expect(rows.find((r) => r[5] === 'Verwaltung')![mean]).toMatch(/^\d(,\d+)?$/);
	const hidden = rows.filter((r) => r[5] === 'Wissenschaft');
	expect(hidden.length).toBeGreaterThan(0);
	for (const row of hidden) expect(row.slice(7).every((v) => v === ''), `no figures for Wissenschaft: ${row.join(';')}`).toBe(true);
}

interface ResultsJson {
	study: string;
	round: number;
	minGroupSize: number;
	groups: { key: string; n: number | null; suppressed: boolean }[];
	participants: number | null;
	items: { cells: ({ group: string; suppressed: true } | { group: string; suppressed: false; n: number })[] }[];
	disagreement: { higherGroup: string; lowerGroup: string }[];
	concordance: { groups: string[] }[];
}

interface ComparisonJson {
	base: { id: string; title: string };
	followUp: { id: string; title: string };
	onlyInBase: { groups: { key: string }[] };
	items: { cells: { group: string }[] }[];
}

/** The results API: Wissenschaft carries no figure, and no row hides a single group beside a visible total. */
function expectProtectedResults(body: ResultsJson): void {
	expect(body.groups.find((g) => g.key === 'wissenschaft')).toEqual({ key: 'wissenschaft', label: 'Wissenschaft', n: null, suppressed: true });
	expect(body.groups.find((g) => g.key === 'verwaltung')?.n).toBe(18);
	const hiddenGroups = body.groups.filter((g) => g.suppressed).length;
	if (body.participants !== null) expect(hiddenGroups, 'a single hidden group would be total − the others').not.toBe(1);
	for (const item of body.items) {
		expect(item.cells.find((cell) => cell.group === 'wissenschaft')).toEqual({ group: 'wissenschaft', suppressed: true });
		const total = item.cells.find((cell) => cell.group === 'all');
		if (total && !total.suppressed) expect(item.cells.filter((cell) => cell.suppressed).length).not.toBe(1);
	}
	for (const d of body.disagreement) expect([d.higherGroup, d.lowerGroup]).not.toContain('wissenschaft');
	for (const w of body.concordance) expect(w.groups).not.toContain('wissenschaft');
}

// ─── Rows ────────────────────────────────────────────────────────────────────────────────────

export const rows: Row[] = [
	// API: bearer tokens only; results.read is owner, organiser and viewer.
	{
		route: '/api/v1/studies/[id]/results',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.resultsDemo}/results?round=1`,
		auth: 'token',
		expect: byRole(401, 404, 200, 200, 403, 200),
		check: async (c) => {
			const status = c.response.status;
			if (status === 401) return expectApiError(c, 'unauthorized');
			if (status === 403) return expectApiError(c, 'forbidden');
			if (status === 404) {
				expectNothingOf(DEMO_TITLE, c);
				return expectApiError(c, 'not_found');
			}
			const body = (await json(c)) as unknown as ResultsJson;
			expect(body).toMatchObject({ study: c.f.ids.resultsDemo, round: 1, minGroupSize: 5 });
			expectProtectedResults(body);
		}
	},
	{
		// The other organisation's study (a draft): only its own owner learns it has no results yet.
		route: '/api/v1/studies/[id]/results',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.resultsForeign}/results?round=1`,
		auth: 'token',
		expect: byRole(401, 409, 404, 404, 403, 404),
		check: async (c) => {
			expectNothingOf(FOREIGN_TITLE, c);
			const codes: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict' };
			await expectApiError(c, codes[c.response.status]);
		}
	},
	{
		// An open round has no results: they would change between two looks.
		route: '/api/v1/studies/[id]/results',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.resultsOpen}/results`,
		auth: 'token',
		expect: byRole(401, 404, 409, 409, 403, 409),
		check: async (c) => {
			if (c.response.status === 409) await expectApiError(c, 'conflict');
			if (c.response.status === 404) await expectApiError(c, 'not_found');
		}
	},
	{
		// The API never reads the session cookie.
		route: '/api/v1/studies/[id]/results',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.resultsDemo}/results?round=1`,
		auth: 'session',
		expect: everyone(401),
		check: async (c) => expectApiError(c, 'unauthorized')
	},

	// Comparison with an earlier study (issue 15): the raw-data study against the published one, both closed, results.read as above.
	{
		route: '/api/v1/studies/[id]/comparison',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.resultsRaw}/comparison?with=${f.ids.resultsPublished}`,
		auth: 'token',
		expect: byRole(401, 404, 200, 200, 403, 200),
		check: async (c) => {
			const status = c.response.status;
			if (status !== 200) {
				expectNothingOf(RAW_TITLE, c);
				expectNothingOf(PUBLISHED_TITLE, c);
				const codes: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };
				return expectApiError(c, codes[status]);
			}
			const body = (await json(c)) as unknown as ComparisonJson;
			expect(body).toMatchObject({ base: { id: c.f.ids.resultsPublished, title: PUBLISHED_TITLE }, followUp: { id: c.f.ids.resultsRaw, title: RAW_TITLE } });
			// Wissenschaft (1 < k) and Politik (its complement) exist only in the published study: named, never with figures.
			expect(body.onlyInBase.groups.map((g) => g.key).sort()).toEqual(['politik', 'wissenschaft']);
			expect(body.items.length).toBeGreaterThan(0);
			for (const item of body.items) expect(item.cells.map((cell) => cell.group)).toEqual(['verwaltung', 'all']);
		}
	},
	{
		// Another organisation's study as the one to compare with: 404, never its title.
		route: '/api/v1/studies/[id]/comparison',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.resultsRaw}/comparison?with=${f.ids.resultsForeign}`,
		auth: 'token',
		expect: byRole(401, 404, 404, 404, 403, 404),
		check: async (c) => {
			expectNothingOf(FOREIGN_TITLE, c);
			const codes: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };
			await expectApiError(c, codes[c.response.status]);
		}
	},
	{
		route: '/api/v1/studies/[id]/comparison',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.resultsRaw}/comparison?with=${f.ids.resultsPublished}`,
		auth: 'session',
		expect: everyone(401),
		check: async (c) => expectApiError(c, 'unauthorized')
	},

	// The dashboard
	{
		route: '/app/analysen/[id]/ergebnisse',
		method: 'GET',
		path: demoPath(),
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:resultsDemo/ergebnisse'), 404, 200, 200, 403, 200),
		check: (c) => {
			appPageChecks(DEMO_TITLE, c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(`Ergebnisse: ${DEMO_TITLE}`);
			expectGroupHidden(c.text, 'wissenschaft', 'Wissenschaft');
			expect(participationCell(c.text, 'Verwaltung')).toBe('18');
			expect(c.text).not.toContain('/rohdaten');
			// Owners and organisers are told why there are no raw answers; viewers are not offered them at all.
			(c.actor === 'viewer' ? expect(c.text).not : expect(c.text)).toContain('Rohdaten gibt es nur, wenn jede Gruppe in dieser Runde mindestens 5 Antworten hat.');
		}
	},
	{
		// Raw answers allowed: the link is there for owners and organisers only.
		route: '/app/analysen/[id]/ergebnisse',
		method: 'GET',
		path: appPath('resultsRaw'),
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:resultsRaw/ergebnisse'), 404, 200, 200, 403, 200),
		check: (c) => {
			appPageChecks(RAW_TITLE, c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(`Ergebnisse: ${RAW_TITLE}`);
			(c.actor === 'viewer' ? expect(c.text).not : expect(c.text)).toContain(`/app/analysen/${c.f.ids.resultsRaw}/ergebnisse/rohdaten?runde=1`);
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse',
		method: 'GET',
		path: appPath('resultsForeign'),
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:resultsForeign/ergebnisse'), 200, 404, 404, 403, 404),
		check: (c) => {
			appPageChecks(FOREIGN_TITLE, c);
			if (c.response.status === 200) expect(c.text).toContain(`Ergebnisse: ${FOREIGN_TITLE}`);
		}
	},

	// Files: CSV, XLSX, PDF of the protected figures.
	{
		route: '/app/analysen/[id]/ergebnisse/export',
		method: 'GET',
		path: demoPath('/export?format=csv&runde=1'),
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 403, 200),
		check: (c) => {
			downloadRefusal(DEMO_TITLE, c);
			if (c.response.status === 200) expectResultsCsv(c, DEMO_TITLE);
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/export',
		method: 'GET',
		path: demoPath('/export?format=xlsx'),
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 403, 200),
		check: (c) => {
			downloadRefusal(DEMO_TITLE, c);
			if (c.response.status === 200) expect(c.text.slice(0, 2)).toBe('PK');
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/export',
		method: 'GET',
		path: demoPath('/export?format=pdf'),
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 403, 200),
		check: (c) => {
			downloadRefusal(DEMO_TITLE, c);
			if (c.response.status === 200) expect(c.text.slice(0, 5)).toBe('%PDF-');
		}
	},
	{
		// An unknown format is the reader's mistake (400), and only after the study was found.
		route: '/app/analysen/[id]/ergebnisse/export',
		method: 'GET',
		path: demoPath('/export?format=exe'),
		auth: 'session',
		expect: byRole(401, 404, 400, 400, 403, 400),
		check: (c) => {
			downloadRefusal(DEMO_TITLE, c);
			if (c.response.status === 400) expect(c.text).toContain('Unbekanntes Format');
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/export',
		method: 'GET',
		path: appPath('resultsForeign', '/export?format=csv'),
		auth: 'session',
		expect: byRole(401, 409, 404, 404, 403, 404),
		check: (c) => downloadRefusal(FOREIGN_TITLE, c)
	},

	// One competence
	{
		route: '/app/analysen/[id]/ergebnisse/kompetenz/[code]',
		method: 'GET',
		path: demoPath(`/kompetenz/${CODE}`),
		auth: 'session',
		expect: byRole(toLogin(`/app/analysen/:resultsDemo/ergebnisse/kompetenz/${CODE}`), 404, 200, 200, 403, 200),
		check: (c) => {
			appPageChecks(DEMO_TITLE, c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(`<h1><span class="code">${CODE}</span> `);
			expect(c.text).toMatch(/id="hist-[^"]*-verwaltung-title"/);
			expect(c.text).not.toMatch(/id="hist-[^"]*-wissenschaft-/);
			const cards = c.text.split('<li').filter((li) => li.includes('<h4>Wissenschaft</h4>'));
			expect(cards.length).toBeGreaterThan(0);
			for (const card of cards) {
				expect(card).toContain('aus Datenschutzgründen ausgeblendet');
				expect(card).not.toContain('n = ');
			}
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/kompetenz/[code]',
		method: 'GET',
		path: demoPath('/kompetenz/ZZ9.9'),
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:resultsDemo/ergebnisse/kompetenz/ZZ9.9'), 404, 404, 404, 403, 404),
		check: (c) => appPageChecks(DEMO_TITLE, c)
	},
	{
		route: '/app/analysen/[id]/ergebnisse/kompetenz/[code]',
		method: 'GET',
		path: appPath('resultsForeign', `/kompetenz/${CODE}`),
		auth: 'session',
		// The other organisation's own draft has no closed round yet: 409.
		expect: byRole(toLogin(`/app/analysen/:resultsForeign/ergebnisse/kompetenz/${CODE}`), 409, 404, 404, 403, 404),
		check: (c) => {
			if (c.actor === 'otherOrg') expectOwnOrganisationOnly(c);
			else appPageChecks(FOREIGN_TITLE, c);
		}
	},

	// Raw answers: owners and organisers, only when every group has n ≥ k.
	{
		route: '/app/analysen/[id]/ergebnisse/rohdaten',
		method: 'GET',
		path: demoPath('/rohdaten?runde=1'),
		auth: 'session',
		expect: byRole(401, 404, 409, 409, 403, 403),
		check: (c) => {
			downloadRefusal(DEMO_TITLE, c);
			expect(c.text).not.toContain(RAW_COLUMNS);
			if (c.response.status === 409) expect(c.text).toContain('Rohdaten gibt es nur, wenn jede Gruppe in Runde 1 mindestens 5 Antworten hat.');
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/rohdaten',
		method: 'GET',
		path: appPath('resultsRaw', '/rohdaten?runde=1'),
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 403, 403),
		check: (c) => {
			downloadRefusal(RAW_TITLE, c);
			if (c.response.status !== 200) return expect(c.text).not.toContain(RAW_COLUMNS);
			expect(c.response.headers.get('content-type')).toContain('text/csv');
			const records: string[][] = parse(c.text, { delimiter: ';', bom: true });
			expect(records[0].join(';')).toBe(RAW_COLUMNS);
			// Three people, two competences, importance today and proficiency: numbered 1…3, nothing else about them.
			expect(records.length - 1).toBe(3 * 2 * 2);
			expect(new Set(records.slice(1).map((r) => r[0]))).toEqual(new Set(['1', '2', '3']));
			expect(records.slice(1).every((r) => r[1] === 'verwaltung')).toBe(true);
		}
	},
	{
		// Published, but a group below k: still no raw answers.
		route: '/app/analysen/[id]/ergebnisse/rohdaten',
		method: 'GET',
		path: appPath('resultsPublished', '/rohdaten'),
		auth: 'session',
		expect: byRole(401, 404, 409, 409, 403, 403),
		check: (c) => {
			downloadRefusal(PUBLISHED_TITLE, c);
			expect(c.text).not.toContain(RAW_COLUMNS);
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/rohdaten',
		method: 'GET',
		path: appPath('resultsForeign', '/rohdaten'),
		auth: 'session',
		expect: byRole(401, 409, 404, 404, 403, 403),
		check: (c) => downloadRefusal(FOREIGN_TITLE, c)
	},

	// Public pages: published studies only, under their own organisation's address.
	{
		route: '/o/[slug]/analysen/[id]',
		method: 'GET',
		path: publicPath('resultsPublished'),
		auth: 'session',
		expect: everyone(200),
		check: ({ text, f }) => {
			expect(text).toContain(`Ergebnisse: ${PUBLISHED_TITLE}`);
			expect(text).toContain(`Veröffentlichte Ergebnisse von ${demo.orgName}.`);
			expectGroupHidden(text, 'wissenschaft', 'Wissenschaft');
			// Beside the visible total, a second group is hidden too, so total − the others tells nothing.
			expect(participationCell(text, 'Zusammen')).toBe('7');
			expect(['Verwaltung', 'Politik'].map((label) => participationCell(text, label))).toContain('ausgeblendet*');
			expect(text).not.toContain('/rohdaten');
			expect(text).not.toContain(`/app/analysen/${f.ids.resultsPublished}`);
		}
	},
	{ route: '/o/[slug]/analysen/[id]', method: 'GET', path: publicPath('resultsDemo'), auth: 'session', expect: everyone(404), check: (c) => expectNothingOf(DEMO_TITLE, c) },
	{ route: '/o/[slug]/analysen/[id]', method: 'GET', path: publicPath('resultsOpen'), auth: 'session', expect: everyone(404), check: (c) => expectNothingOf(OPEN_TITLE, c) },
	{
		// A published study is not public under another organisation's address.
		route: '/o/[slug]/analysen/[id]',
		method: 'GET',
		path: (f) => `/o/${f.otherSlug}/analysen/${f.ids.resultsPublished}`,
		auth: 'session',
		expect: everyone(404),
		check: (c) => expectNothingOf(PUBLISHED_TITLE, c)
	},
	{
		route: '/o/[slug]/analysen/[id]/export',
		method: 'GET',
		path: publicPath('resultsPublished', '/export?format=csv'),
		auth: 'session',
		expect: everyone(200),
		check: (c) => expectResultsCsv(c, PUBLISHED_TITLE)
	},
	{
		route: '/o/[slug]/analysen/[id]/export',
		method: 'GET',
		path: publicPath('resultsDemo', '/export?format=csv'),
		auth: 'session',
		expect: everyone(404),
		check: (c) => {
			expectNothingOf(DEMO_TITLE, c);
			expect(c.response.headers.get('content-disposition')).toBeNull();
		}
	},
	{
		route: '/o/[slug]/analysen/[id]/export',
		method: 'GET',
		path: (f) => `/o/${f.otherSlug}/analysen/${f.ids.resultsPublished}/export?format=pdf`,
		auth: 'session',
		expect: everyone(404),
		check: (c) => expectNothingOf(PUBLISHED_TITLE, c)
	},
	{
		route: '/o/[slug]/analysen/[id]/kompetenz/[code]',
		method: 'GET',
		path: publicPath('resultsPublished', `/kompetenz/${CODE}`),
		auth: 'session',
		expect: everyone(200),
		check: ({ text }) => {
			expect(text).toContain(`<h1><span class="code">${CODE}</span> `);
			expect(text).toMatch(/id="hist-[^"]*-verwaltung-title"/);
			expect(text).not.toMatch(/id="hist-[^"]*-wissenschaft-/);
			const cards = text.split('<li').filter((li) => li.includes('<h4>Wissenschaft</h4>'));
			expect(cards.length).toBeGreaterThan(0);
			for (const card of cards) expect(card).not.toContain('n = ');
		}
	},
	{
		route: '/o/[slug]/analysen/[id]/kompetenz/[code]',
		method: 'GET',
		path: publicPath('resultsDemo', `/kompetenz/${CODE}`),
		auth: 'session',
		expect: everyone(404),
		check: (c) => expectNothingOf(DEMO_TITLE, c)
	}
];
