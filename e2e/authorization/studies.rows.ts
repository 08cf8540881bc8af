/**
 * Wissensbedarfsanalysen: every member but facilitators reads them (results.read), owners and
 * organisers set them up and run them (org.manage); another organisation's ids are 404, never 403.
 * The studies are created in `prepare` through the API as the demo owner; where a request uses up
 * its target (opening a draft, starting a round), the row's check puts a fresh one in its place
 * for the next actor.
 */
import { expect } from 'vitest';
import { e2eContext } from '../support/context';
import { get, postForm } from '../support/http';
import { mailsTo } from '../support/mailbox';
import { api, BASE, byRole, FORBIDDEN, expectApiError, expectOwnOrganisationOnly, json, toLogin, to, unique, type Actor, type Context, type Fixtures, type Row } from './table';

// ─── Fixtures (also used by participation.rows.ts) ───────────────────────────────────────────

const STAMP = Date.now().toString(36);
/** Two areas of the shipped framework: two questionnaire pages, one item each (importance today). */
export const CODES = ['A1.1', 'A3.4'] as const;
export const ITEM_KEYS = CODES.map((code) => `${code}|importance|heute`);
export const TITLES = {
	open: `Berechtigungstest offen ${STAMP}`,
	draft: `Berechtigungstest Entwurf ${STAMP}`,
	closed: `Berechtigungstest geschlossen ${STAMP}`,
	join: `Berechtigungstest offener Link ${STAMP}`,
	toggle: `Berechtigungstest Schalter ${STAMP}`
};
/** The demo's own studies: another organisation never sees them. */
const DEMO_TITLES = ['Wissensbedarf Altenburg 2027', 'Schnelltest: Zwischennutzung und Reallabore'];

export interface StudyJson {
	id: string;
	title: string;
	status: string;
	round: number;
	openLinkActive: boolean;
	progress: { group: string; invited: number; started: number; finished: number }[];
}

/** The study as the demo owner sees it through the API. */
export const studyOf = (f: Fixtures, id: string) => api<StudyJson>(f.token.owner, 'GET', `/api/v1/studies/${id}`);

/** A draft of the demo organisation: two competences, today only, Verwaltung and Kommunalpolitik. */
export async function createStudy(f: Fixtures, title: string, extra: Record<string, unknown> = {}): Promise<string> {
	const { id } = await api<{ id: string }>(f.token.owner, 'POST', '/api/v1/studies', {
		title,
		frameworkId: f.shippedFrameworkId,
		competences: [...CODES],
		groups: [
			{ key: 'verwaltung', label: 'Verwaltung' },
			{ key: 'politik', label: 'Kommunalpolitik' }
		],
		horizons: [{ key: 'heute', label: 'heute', years: 0 }],
		measures: ['importance'],
		...extra
	});
	return id;
}

export const setStatus = (f: Fixtures, id: string, status: 'open' | 'closed' | 'published') => api(f.token.owner, 'POST', `/api/v1/studies/${id}/status`, { status });

/** A new personal participation link (its token) for the study. */
export async function newLink(f: Fixtures, studyId: string, group = 'verwaltung'): Promise<string> {
	const { tokens } = await api<{ tokens: string[] }>(f.token.owner, 'POST', `/api/v1/studies/${studyId}/invitations`, { group, count: 1 });
	return tokens[0];
}

/** Switches on (or replaces) the study's open link through the page, as the demo owner; returns its token. */
export async function newOpenLink(f: Fixtures, studyId: string): Promise<string> {
	const response = await postForm(BASE, `/app/analysen/${studyId}?/openLinkOn`, {}, { cookie: f.session.owner });
	const token = /\/t\/offen\/([A-Za-z0-9_-]{43})/.exec(await response.text())?.[1];
	if (response.status !== 200 || !token) throw new Error(`open link for ${studyId}: ${response.status}`);
	return token;
}

let prepared: Promise<void> | null = null;

/** The studies both row groups use; runs once, whichever group asks first. */
export function prepareStudies(f: Fixtures): Promise<void> {
	prepared ??= (async () => {
		// Open: read by every row; links, batches and e-mails are added to it.
		f.ids.wbaStudieOffen = await createStudy(f, TITLES.open, { introduction: 'Einleitung für den Berechtigungstest.' });
		await setStatus(f, f.ids.wbaStudieOffen, 'open');
		f.ids.wbaStapel = (await api<{ batchId: string }>(f.token.owner, 'POST', `/api/v1/studies/${f.ids.wbaStudieOffen}/invitations`, { group: 'verwaltung', count: 2 })).batchId;
		f.ids.wbaLinkGeteilt = await newLink(f, f.ids.wbaStudieOffen);
		// A draft: its settings can still change; its links do not work yet.
		f.ids.wbaStudieEntwurf = await createStudy(f, TITLES.draft);
		f.ids.wbaLinkEntwurf = await newLink(f, f.ids.wbaStudieEntwurf);
		// Closed (its only round): links and the open link are over.
		f.ids.wbaStudieZu = await createStudy(f, TITLES.closed);
		await setStatus(f, f.ids.wbaStudieZu, 'open');
		f.ids.wbaLinkZu = await newLink(f, f.ids.wbaStudieZu);
		f.ids.wbaOffenerLinkZu = await newOpenLink(f, f.ids.wbaStudieZu);
		await setStatus(f, f.ids.wbaStudieZu, 'closed');
		// Open with an open link where participants choose their group.
		f.ids.wbaStudieBeitritt = await createStudy(f, TITLES.join);
		await setStatus(f, f.ids.wbaStudieBeitritt, 'open');
		f.ids.wbaOffenerLinkAktiv = await newOpenLink(f, f.ids.wbaStudieBeitritt);
		// Open, for switching its open link on and off.
		f.ids.wbaStudieSchalter = await createStudy(f, TITLES.toggle);
		await setStatus(f, f.ids.wbaStudieSchalter, 'open');
		f.ids.wbaOffenerLinkSchalter = await newOpenLink(f, f.ids.wbaStudieSchalter);
		// Used up by the rows, one per actor.
		f.ids.wbaStudieStatus = await freshDraft(f);
		f.ids.wbaStudieRunde = await freshClosedRound(f);
		f.ids.wbaStudieApiStatus = await freshDraft(f);
		f.ids.wbaStudieApiRunde = await freshClosedRound(f);
		f.ids.wbaLinkAbgabe = await newLink(f, f.ids.wbaStudieOffen);
		f.ids.wbaLinkApi = await newLink(f, f.ids.wbaStudieOffen);
		// The runner replaces ":name" by name, so no name of ours may begin another.
		const names = Object.keys(f.ids).filter((name) => name.startsWith('wba'));
		for (const a of names) for (const b of names) if (a !== b) expect(b.startsWith(a), `${a} begins ${b}`).toBe(false);
	})();
	return prepared;
}

let drafts = 0;
const freshDraft = (f: Fixtures) => createStudy(f, `Berechtigungstest Status ${STAMP}-${++drafts}`);

/** A Delphi study of two rounds whose first round is closed. */
async function freshClosedRound(f: Fixtures): Promise<string> {
	const id = await createStudy(f, `Berechtigungstest Runden ${STAMP}-${++drafts}`, { rounds: 2 });
	await setStatus(f, id, 'open');
	await setStatus(f, id, 'closed');
	return id;
}

/** The check's first step where a request may use up its target: the next actor gets a new one. */
export async function renew(f: Fixtures, name: string, make: (f: Fixtures) => Promise<string>): Promise<string> {
	const used = f.ids[name];
	f.ids[name] = await make(f);
	return used;
}

export const prepare = prepareStudies;

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────

/** Pages of /app (not redirects): the own organisation only; 403 says why; 403 and 404 show nothing of the study. */
function pageChecks(title: string, c: Context): void {
	if (c.actor === 'anonymous' || c.response.status === 303) return;
	expectOwnOrganisationOnly(c);
	if (c.response.status === 403) expect(c.text).toContain(FORBIDDEN);
	if (c.response.status === 403 || c.response.status === 404) expect(c.text).not.toContain(title);
}

/** The API's error document for a refusal; a 404 says nothing of the study. */
async function apiRefusal(c: Context, title = TITLES.open): Promise<void> {
	const codes: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' };
	if (c.response.status in codes) await expectApiError(c, codes[c.response.status]);
	if (c.response.status === 404) expect(c.text).not.toContain(title);
}

const allowed = (actor: Actor) => actor === 'owner' || actor === 'organiser';
const sumOf = (study: StudyJson, field: 'invited' | 'finished') => study.progress.reduce((n, p) => n + p[field], 0);
/** How many links the study has, and how many finished its current round (all groups). */
export const invitedIn = async (f: Fixtures, id: string) => sumOf(await studyOf(f, id), 'invited');
export const finishedIn = async (f: Fixtures, id: string) => sumOf(await studyOf(f, id), 'finished');

/** An enhanced (JavaScript) form post: SvelteKit answers with the action's result as JSON. */
export const enhanced = () => ({ accept: 'application/json', 'x-sveltekit-action': 'true' });
export interface ActionJson {
	type: 'redirect' | 'failure' | 'success' | 'error';
	status?: number;
	location?: string;
	data?: string;
}

// ─── Rows ────────────────────────────────────────────────────────────────────────────────────

/** A form action on /app/analysen/[id]: owners and organisers, not facilitators and viewers, not another organisation. */
const manage = (anonymous: string, success: number | ReturnType<typeof to>) => byRole(toLogin(anonymous), 404, success, success, 403, 403);

/** A study id nobody has. */
const NO_STUDY = '00000000-0000-4000-8000-000000000000';
const settingsForm = (f: Fixtures, title: string) => ({
	title,
	frameworkId: f.shippedFrameworkId,
	areas: 'A1',
	competences: CODES[1],
	groups: 'verwaltung: Verwaltung\npolitik: Kommunalpolitik',
	horizon0_key: 'heute',
	horizon0_label: 'heute',
	horizon0_years: '0',
	measureProficiency: 'nein',
	minGroupSize: '5',
	consensusMaxIqr: '1',
	consensusMinAgreement: '70'
});
/** Every action with valid input, for a study nobody has: 404 as for another organisation's (string paths, which the route scan counts). */
const NO_STUDY_ACTIONS: { page: '' | '/bearbeiten'; action: string; form: (f: Fixtures) => Record<string, string> }[] = [
	{ page: '', action: 'status', form: () => ({ status: 'open' }) },
	{ page: '', action: 'nextRound', form: () => ({}) },
	{ page: '', action: 'batch', form: () => ({ batchGroup: 'verwaltung', batchCount: '1' }) },
	{ page: '', action: 'handedOut', form: () => ({ batchId: NO_STUDY }) },
	{ page: '', action: 'email', form: () => ({ emailGroup: 'verwaltung', emails: unique('niemand') }) },
	{ page: '', action: 'remind', form: () => ({}) },
	{ page: '', action: 'openLinkOn', form: () => ({}) },
	{ page: '', action: 'openLinkOff', form: () => ({}) },
	{ page: '/bearbeiten', action: 'settings', form: (f) => settingsForm(f, 'Gibt es nicht') },
	{ page: '/bearbeiten', action: 'texts', form: () => ({ title: 'Gibt es nicht', introduction: '', closesOn: '' }) }
];

export const rows: Row[] = [
	...NO_STUDY_ACTIONS.map(
		({ page, action, form }): Row => ({
			route: `/app/analysen/[id]${page}`,
			method: 'POST',
			path: `/app/analysen/${NO_STUDY}${page}?/${action}`,
			auth: 'session',
			form,
			expect: manage(`/app/analysen/${NO_STUDY}${page}?/${action}`, 404),
			check: (c) => {
				pageChecks(TITLES.open, c);
				if (c.response.status === 404) expect(c.text).toContain('Diese Seite gibt es nicht (mehr).');
			}
		})
	),

	// ── Pages ──
	{
		route: '/app/analysen',
		method: 'GET',
		path: '/app/analysen',
		auth: 'session',
		expect: byRole(toLogin('/app/analysen'), 200, 200, 200, 403, 200),
		check: (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status !== 200) return;
			for (const title of [TITLES.open, ...DEMO_TITLES]) (c.actor === 'otherOrg' ? expect(c.text).not : expect(c.text)).toContain(title);
			// Only those who may set up a study are offered to.
			(allowed(c.actor) || c.actor === 'otherOrg' ? expect(c.text) : expect(c.text).not).toContain('href="/app/analysen/neu"');
		}
	},
	{
		route: '/app/analysen/[id]',
		method: 'GET',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}`,
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:wbaStudieOffen'), 404, 200, 200, 403, 200),
		check: (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(TITLES.open);
			// Viewers see the progress, but no batches, links or buttons.
			for (const control of ['?bestaetigen=closed', 'action="?/batch', 'action="?/email', 'action="?/openLinkOn']) (c.actor === 'viewer' ? expect(c.text).not : expect(c.text)).toContain(control);
			(c.actor === 'viewer' ? expect(c.text).not : expect(c.text)).toContain(`/einladungen/${c.f.ids.wbaStapel}`);
		}
	},
	{
		// Not a study id at all: 404, not an error of the server.
		route: '/app/analysen/[id]',
		method: 'GET',
		path: '/app/analysen/keine-analyse',
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/keine-analyse'), 404, 404, 404, 403, 404)
	},
	{
		// The demo organisation's framework is offered to its own members only, even when named (the choice step lists the options).
		route: '/app/analysen/neu',
		method: 'GET',
		path: (f) => `/app/analysen/neu?rahmen-waehlen&rahmen=${f.frameworkId}`,
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/neu?rahmen-waehlen&rahmen=:frameworkId'), 200, 200, 200, 403, 403),
		check: (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(`value="${c.f.shippedFrameworkId}"`);
			(c.actor === 'otherOrg' ? expect(c.text).not : expect(c.text)).toContain(`value="${c.f.frameworkId}"`);
		}
	},
	{
		// Too short a title: those allowed get the form back (422); the other organisation is told
		// that the demo organisation's framework is none of its own. Nothing is created.
		route: '/app/analysen/neu',
		method: 'POST',
		path: '/app/analysen/neu',
		auth: 'session',
		form: (f) => ({ title: 'X', frameworkId: f.frameworkId, competences: CODES[0], groups: 'verwaltung: Verwaltung', horizon0_key: 'heute', horizon0_label: 'heute', horizon0_years: '0', minGroupSize: '5', consensusMaxIqr: '1', consensusMinAgreement: '70' }),
		expect: byRole(toLogin('/app/analysen/neu'), 422, 422, 422, 403, 403),
		check: (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status !== 422) return;
			// The framework is checked before the settings.
			(c.actor === 'otherOrg' ? expect(c.text).not : expect(c.text)).toContain('Der Titel muss mindestens 3 Zeichen lang sein.');
			(c.actor === 'otherOrg' ? expect(c.text) : expect(c.text).not).toContain('Bitte wählen Sie einen Kompetenzrahmen Ihrer Organisation.');
		}
	},
	{
		// The same form, complete, sent as the enhanced form does: each creates a study in its own organisation.
		route: '/app/analysen/neu',
		method: 'POST',
		path: '/app/analysen/neu',
		auth: 'session',
		headers: enhanced,
		form: (f, actor) => ({ title: `Neu über das Formular (${actor}) ${STAMP}`, frameworkId: f.shippedFrameworkId, competences: CODES[0], groups: 'verwaltung: Verwaltung', horizon0_key: 'heute', horizon0_label: 'heute', horizon0_years: '0', minGroupSize: '5', consensusMaxIqr: '1', consensusMinAgreement: '70' }),
		expect: byRole(401, 200, 200, 200, 403, 403),
		check: async (c) => {
			const body = (await json(c)) as unknown as ActionJson;
			const { studies } = await api<{ studies: { id: string; title: string }[] }>(c.f.token.owner, 'GET', '/api/v1/studies');
			const inDemo = studies.find((s) => s.title === c.sent.title);
			if (c.response.status !== 200) {
				expect(body.type).toBe('error');
				return expect(inDemo).toBeUndefined();
			}
			expect(body).toMatchObject({ type: 'redirect', status: 303, location: expect.stringMatching(/^\/app\/analysen\/[0-9a-f-]{36}\?hinweis=created$/) });
			const id = body.location!.split('/')[3].split('?')[0];
			const own = await api<StudyJson>(c.f.token[c.actor], 'GET', `/api/v1/studies/${id}`);
			expect(own).toMatchObject({ title: c.sent.title, status: 'draft' });
			// In the creator's organisation only.
			const foreignToken = c.actor === 'otherOrg' ? c.f.token.owner : c.f.token.otherOrg;
			expect((await get(BASE, `/api/v1/studies/${id}`, { bearer: foreignToken })).status).toBe(404);
			if (c.actor === 'otherOrg') expect(inDemo).toBeUndefined();
			else expect(inDemo?.id).toBe(id);
		}
	},
	{
		// Opened already: only texts can be corrected.
		route: '/app/analysen/[id]/bearbeiten',
		method: 'GET',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}/bearbeiten`,
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:wbaStudieOffen/bearbeiten'), 404, 200, 200, 403, 403),
		check: (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(TITLES.open);
			expect(c.text).toContain('action="?/texts"');
			expect(c.text).not.toContain('action="?/settings"');
		}
	},
	{
		route: '/app/analysen/[id]/bearbeiten',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieEntwurf}/bearbeiten?/settings`,
		auth: 'session',
		form: (f, actor) => settingsForm(f, `${TITLES.draft} (${actor})`),
		expect: manage('/app/analysen/:wbaStudieEntwurf/bearbeiten?/settings', to('/app/analysen/:wbaStudieEntwurf?hinweis=saved')),
		check: async (c) => {
			pageChecks(TITLES.draft, c);
			const study = await studyOf(c.f, c.f.ids.wbaStudieEntwurf);
			(allowed(c.actor) ? expect(study.title) : expect(study.title).not).toBe(c.sent.title);
			expect(study.status).toBe('draft');
		}
	},
	{
		// Texts of a closed study may still be corrected.
		route: '/app/analysen/[id]/bearbeiten',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieZu}/bearbeiten?/texts`,
		auth: 'session',
		form: (_, actor) => ({ title: `${TITLES.closed} (${actor})`, introduction: '', closesOn: '', groupLabel_verwaltung: 'Verwaltung', groupLabel_politik: 'Kommunalpolitik', horizonLabel_heute: 'heute' }),
		expect: manage('/app/analysen/:wbaStudieZu/bearbeiten?/texts', to('/app/analysen/:wbaStudieZu?hinweis=saved')),
		check: async (c) => {
			pageChecks(TITLES.closed, c);
			const study = await studyOf(c.f, c.f.ids.wbaStudieZu);
			(allowed(c.actor) ? expect(study.title) : expect(study.title).not).toBe(c.sent.title);
			expect(study.status).toBe('closed');
		}
	},
	{
		route: '/app/analysen/[id]/fragebogen',
		method: 'GET',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}/fragebogen`,
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:wbaStudieOffen/fragebogen'), 404, 200, 200, 403, 200),
		check: (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status === 200) expect(c.text).toContain('Einleitung für den Berechtigungstest.');
		}
	},
	{
		// The links of a batch not yet handed out: a download, so nobody is sent to the login (401).
		route: '/app/analysen/[id]/einladungen/[batchId]',
		method: 'GET',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}/einladungen/${f.ids.wbaStapel}?format=csv`,
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 403, 403),
		check: (c) => {
			const links = c.text.match(/\/t\/[A-Za-z0-9_-]{43}/g) ?? [];
			if (c.response.status !== 200) {
				expect(links).toEqual([]);
				expect(c.response.headers.get('content-disposition')).toBeNull();
				if (c.response.status === 403) expect(c.text).toContain(FORBIDDEN);
				return;
			}
			expect(c.response.headers.get('content-disposition')).toMatch(/^attachment;/);
			expect(new Set(links).size).toBe(2);
		}
	},
	{
		// A batch of the demo organisation under another study (the other organisation's own draft id is unknown here): 404.
		route: '/app/analysen/[id]/einladungen/[batchId]',
		method: 'GET',
		path: (f) => `/app/analysen/${f.ids.wbaStudieEntwurf}/einladungen/${f.ids.wbaStapel}?format=pdf`,
		auth: 'session',
		expect: byRole(401, 404, 404, 404, 403, 403),
		check: (c) => expect(c.response.headers.get('content-disposition')).toBeNull()
	},

	// ── Form actions of /app/analysen/[id] ──
	{
		// Opening a draft: each actor gets a new draft.
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieStatus}?/status`,
		auth: 'session',
		form: () => ({ status: 'open' }),
		expect: manage('/app/analysen/:wbaStudieStatus?/status', to('/app/analysen/:wbaStudieStatus?hinweis=open#status')),
		check: async (c) => {
			const id = await renew(c.f, 'wbaStudieStatus', freshDraft);
			pageChecks('Berechtigungstest Status', c);
			expect((await studyOf(c.f, id)).status).toBe(allowed(c.actor) ? 'open' : 'draft');
		}
	},
	{
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieRunde}?/nextRound`,
		auth: 'session',
		form: () => ({}),
		expect: manage('/app/analysen/:wbaStudieRunde?/nextRound', to('/app/analysen/:wbaStudieRunde?hinweis=round#status')),
		check: async (c) => {
			const id = await renew(c.f, 'wbaStudieRunde', freshClosedRound);
			pageChecks('Berechtigungstest Runden', c);
			expect(await studyOf(c.f, id)).toMatchObject(allowed(c.actor) ? { status: 'open', round: 2 } : { status: 'closed', round: 1 });
		}
	},
	{
		// A count of 0: those allowed get as far as the count (422); no batch is made for anybody.
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}?/batch`,
		auth: 'session',
		form: async (f) => ({ batchGroup: 'verwaltung', batchCount: '0', invitedBefore: String(await invitedIn(f, f.ids.wbaStudieOffen)) }),
		expect: manage('/app/analysen/:wbaStudieOffen?/batch', 422),
		check: async (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status === 422) expect(c.text).toContain('Bitte wählen Sie eine Anzahl von 1 bis 5.000.');
			expect(await invitedIn(c.f, c.f.ids.wbaStudieOffen)).toBe(Number(c.sent.invitedBefore));
		}
	},
	{
		// The same, complete, as the enhanced form sends it: the batch exists for those allowed only.
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}?/batch`,
		auth: 'session',
		headers: enhanced,
		form: () => ({ batchGroup: 'politik', batchCount: '1' }),
		// The other organisation's failure is SvelteKit's { type: "failure", status: 404 } (HTTP 200).
		expect: byRole(401, 200, 200, 200, 403, 403),
		check: async (c) => {
			const body = (await json(c)) as unknown as ActionJson;
			if (c.actor === 'otherOrg') expect(body).toMatchObject({ type: 'failure', status: 404 });
			else if (c.response.status !== 200) expect(body.type).toBe('error');
			if (!allowed(c.actor)) return expect(c.text).not.toContain(TITLES.open);
			expect(body).toMatchObject({ type: 'redirect', status: 303 });
			const batchId = /stapel=([0-9a-f-]{36})/.exec(body.location ?? '')?.[1];
			expect(body.location).toBe(`/app/analysen/${c.f.ids.wbaStudieOffen}?hinweis=batch&stapel=${batchId}#stapel-${batchId}`);
			const download = await get(BASE, `/app/analysen/${c.f.ids.wbaStudieOffen}/einladungen/${batchId}?format=csv`, { cookie: c.f.session.owner });
			expect(download.status).toBe(200);
			expect((await download.text()).match(/\/t\/[A-Za-z0-9_-]{43}/g)).toHaveLength(1);
		}
	},
	{
		// Confirming the hand-out deletes the batch's links: each actor aims at a new batch.
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}?/handedOut`,
		auth: 'session',
		form: async (f) => {
			const { batchId } = await api<{ batchId: string }>(f.token.owner, 'POST', `/api/v1/studies/${f.ids.wbaStudieOffen}/invitations`, { group: 'verwaltung', count: 1 });
			f.ids.wbaAusgabe = batchId;
			return { batchId };
		},
		expect: manage('/app/analysen/:wbaStudieOffen?/handedOut', to('/app/analysen/:wbaStudieOffen?hinweis=handedOut&stapel=:wbaAusgabe#stapel-:wbaAusgabe')),
		check: async (c) => {
			pageChecks(TITLES.open, c);
			const download = await get(BASE, `/app/analysen/${c.f.ids.wbaStudieOffen}/einladungen/${c.sent.batchId}?format=csv`, { cookie: c.f.session.owner });
			expect(download.status, 'the links afterwards').toBe(allowed(c.actor) ? 410 : 200);
		}
	},
	{
		// Each address gets its link by e-mail (the test SMTP server); the Ausgang lists the mail without the link; refused requests send nothing.
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}?/email`,
		auth: 'session',
		form: (_, actor) => ({ emailGroup: 'verwaltung', emails: unique(`teilnahme-${actor}`) }),
		expect: manage('/app/analysen/:wbaStudieOffen?/email', 200),
		check: async (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status === 200) expect(c.text).toContain('Verschickte Einladungen: 1.');
			const mailed = mailsTo(e2eContext().mailbox, String(c.sent.emails));
			expect(mailed.map((m) => /\/t\/[A-Za-z0-9_-]{43}/.test(m.text))).toEqual(allowed(c.actor) ? [true] : []);
			for (const cookie of [c.f.session.owner, c.f.session.otherOrg]) {
				const outbox = await (await get(BASE, '/app/einstellungen', { cookie })).text();
				(allowed(c.actor) && cookie === c.f.session.owner ? expect(outbox) : expect(outbox).not).toContain(String(c.sent.emails));
				expect(outbox).not.toMatch(/\/t\/[A-Za-z0-9_-]{43}/);
			}
		}
	},
	{
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieOffen}?/remind`,
		auth: 'session',
		form: () => ({}),
		expect: manage('/app/analysen/:wbaStudieOffen?/remind', 200),
		check: (c) => {
			pageChecks(TITLES.open, c);
			if (c.response.status === 200) expect(c.text).toMatch(/Verschickte Erinnerungen: \d+\.|Niemand zu erinnern/);
		}
	},
	{
		// A new open link replaces the old one; refused requests leave the old one working.
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieSchalter}?/openLinkOn`,
		auth: 'session',
		form: () => ({}),
		expect: manage('/app/analysen/:wbaStudieSchalter?/openLinkOn', 200),
		check: async (c) => {
			pageChecks(TITLES.toggle, c);
			const created = /\/t\/offen\/([A-Za-z0-9_-]{43})/.exec(c.text)?.[1];
			if (!allowed(c.actor)) {
				expect(created).toBeUndefined();
				return expect((await get(BASE, `/t/offen/${c.f.ids.wbaOffenerLinkSchalter}`)).status, 'the old open link').toBe(200);
			}
			expect(created).toBeDefined();
			expect(await (await get(BASE, `/t/offen/${created}`)).text()).toContain(TITLES.toggle);
			c.f.ids.wbaOffenerLinkSchalter = created!;
		}
	},
	{
		route: '/app/analysen/[id]',
		method: 'POST',
		path: (f) => `/app/analysen/${f.ids.wbaStudieSchalter}?/openLinkOff`,
		auth: 'session',
		// The link is switched on again before each request.
		form: async (f) => {
			if (!(await studyOf(f, f.ids.wbaStudieSchalter)).openLinkActive) f.ids.wbaOffenerLinkSchalter = await newOpenLink(f, f.ids.wbaStudieSchalter);
			return {};
		},
		expect: manage('/app/analysen/:wbaStudieSchalter?/openLinkOff', to('/app/analysen/:wbaStudieSchalter?hinweis=openLinkOff#offener-link')),
		check: async (c) => {
			pageChecks(TITLES.toggle, c);
			expect((await studyOf(c.f, c.f.ids.wbaStudieSchalter)).openLinkActive).toBe(!allowed(c.actor));
			if (!allowed(c.actor)) expect((await get(BASE, `/t/offen/${c.f.ids.wbaOffenerLinkSchalter}`)).status, 'the open link').toBe(200);
		}
	},

	// ── API (bearer tokens only) ──
	{
		route: '/api/v1/studies',
		method: 'GET',
		path: '/api/v1/studies',
		auth: 'token',
		expect: byRole(401, 200, 200, 200, 403, 200),
		check: async (c) => {
			if (c.response.status !== 200) return apiRefusal(c);
			const { studies } = (await json(c)) as { studies: { id: string; title: string }[] };
			const ids = studies.map((s) => s.id);
			(c.actor === 'otherOrg' ? expect(ids).not : expect(ids)).toContain(c.f.ids.wbaStudieOffen);
			for (const title of [TITLES.open, ...DEMO_TITLES]) (c.actor === 'otherOrg' ? expect(c.text).not : expect(c.text)).toContain(title);
		}
	},
	{
		route: '/api/v1/studies',
		method: 'POST',
		path: '/api/v1/studies',
		auth: 'token',
		json: (f, actor) => ({ title: `Über die API (${actor}) ${STAMP}`, frameworkId: f.shippedFrameworkId, competences: [CODES[0]] }),
		expect: byRole(401, 201, 201, 201, 403, 403),
		check: async (c) => {
			if (c.response.status !== 201) {
				await apiRefusal(c);
				const { studies } = await api<{ studies: { title: string }[] }>(c.f.token.owner, 'GET', '/api/v1/studies');
				return expect(studies.map((s) => s.title)).not.toContain(c.sent.title);
			}
			const { id } = (await json(c)) as { id: string };
			expect(c.response.headers.get('location')).toBe(`/api/v1/studies/${id}`);
			expect(await api<StudyJson>(c.f.token[c.actor], 'GET', `/api/v1/studies/${id}`)).toMatchObject({ title: c.sent.title, status: 'draft' });
			// Created in the token's organisation, invisible to the other.
			const other = c.actor === 'otherOrg' ? c.f.token.owner : c.f.token.otherOrg;
			expect((await get(BASE, `/api/v1/studies/${id}`, { bearer: other })).status).toBe(404);
		}
	},
	{
		route: '/api/v1/studies/[id]',
		method: 'GET',
		path: (f) => `/api/v1/studies/${f.ids.wbaStudieOffen}`,
		auth: 'token',
		expect: byRole(401, 404, 200, 200, 403, 200),
		check: async (c) => {
			if (c.response.status !== 200) return apiRefusal(c);
			expect(await json(c)).toMatchObject({ id: c.f.ids.wbaStudieOffen, title: TITLES.open, status: 'open' });
		}
	},
	{
		route: '/api/v1/studies/[id]/invitations',
		method: 'POST',
		path: (f) => `/api/v1/studies/${f.ids.wbaStudieOffen}/invitations`,
		auth: 'token',
		json: () => ({ group: 'politik', count: 1 }),
		expect: byRole(401, 404, 201, 201, 403, 403),
		check: async (c) => {
			if (c.response.status !== 201) {
				await apiRefusal(c);
				return expect(c.text).not.toMatch(/[A-Za-z0-9_-]{43}/);
			}
			const body = (await json(c)) as { tokens: string[]; links: string[] };
			expect(body.tokens).toHaveLength(1);
			expect(body.links[0]).toMatch(new RegExp(`/t/${body.tokens[0]}$`));
			expect(await api(undefined, 'GET', `/api/v1/participate/${body.tokens[0]}`)).toMatchObject({ study: { id: c.f.ids.wbaStudieOffen }, group: { key: 'politik' } });
		}
	},
	{
		route: '/api/v1/studies/[id]/status',
		method: 'POST',
		path: (f) => `/api/v1/studies/${f.ids.wbaStudieApiStatus}/status`,
		auth: 'token',
		json: () => ({ status: 'open' }),
		expect: byRole(401, 404, 200, 200, 403, 403),
		check: async (c) => {
			const id = await renew(c.f, 'wbaStudieApiStatus', freshDraft);
			if (c.response.status === 200) expect(await json(c)).toMatchObject({ id, status: 'open' });
			else await apiRefusal(c, 'Berechtigungstest Status');
			expect((await studyOf(c.f, id)).status).toBe(allowed(c.actor) ? 'open' : 'draft');
		}
	},
	{
		route: '/api/v1/studies/[id]/rounds',
		method: 'POST',
		path: (f) => `/api/v1/studies/${f.ids.wbaStudieApiRunde}/rounds`,
		auth: 'token',
		json: () => ({}),
		expect: byRole(401, 404, 200, 200, 403, 403),
		check: async (c) => {
			const id = await renew(c.f, 'wbaStudieApiRunde', freshClosedRound);
			if (c.response.status === 200) expect(await json(c)).toMatchObject({ id, status: 'open', round: 2 });
			else await apiRefusal(c, 'Berechtigungstest Runden');
			expect(await studyOf(c.f, id)).toMatchObject(allowed(c.actor) ? { status: 'open', round: 2 } : { status: 'closed', round: 1 });
		}
	}
];

