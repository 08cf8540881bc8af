/**
 * Participation: links are the only credential; an unknown one tells nothing, whoever asks. A
 * session or an API token of any actor neither helps nor hurts: every row has one outcome for all.
 * The studies and links come from studies.rows.ts; where a request uses up its link (a
 * submission), the check puts a fresh one in its place for the next actor.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { get } from '../support/http';
import { BASE, DEMO_SLUG, everyone, expectApiError, json, to, type Actor, type Context, type Row } from './table';
import { enhanced, finishedIn, invitedIn, ITEM_KEYS, newLink, prepareStudies, renew, TITLES, type ActionJson } from './studies.rows';

export const prepare = prepareStudies;

/** A value per actor, to see whose answer was saved. */
const VALUE: Record<Actor, string> = { anonymous: '1', otherOrg: '2', owner: '3', organiser: '4', facilitator: '5', viewer: 'x' };

/** The participant's layout: nothing of an account, whoever is signed in. */
function participantPage(c: Context, title: string): void {
	expect(c.text).toContain(title);
	expect(c.text).not.toContain('href="/app/konto"');
	expect(c.text).not.toContain('href="/anmelden"');
}

export const rows: Row[] = [
	{ route: '/t/[token]', method: 'GET', path: `/t/${'Q'.repeat(43)}`, auth: 'session', expect: everyone(404) },
	{
		route: '/api/v1/participate/[token]',
		method: 'GET',
		path: `/api/v1/participate/${'Q'.repeat(43)}`,
		auth: 'token',
		expect: everyone(404),
		check: async (c) => expect(await json(c)).toMatchObject({ error: { code: 'not_found' } })
	},

	// ── Questionnaire pages ──
	{
		route: '/t/[token]/seite/[n]',
		method: 'GET',
		path: (f) => `/t/${f.ids.wbaLinkGeteilt}/seite/1`,
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			participantPage(c, TITLES.open);
			expect(c.text).toContain(`name="a:${ITEM_KEYS[0]}"`);
		}
	},
	{
		// The study has two pages.
		route: '/t/[token]/seite/[n]',
		method: 'GET',
		path: (f) => `/t/${f.ids.wbaLinkGeteilt}/seite/3`,
		auth: 'session',
		expect: everyone(404),
		check: ({ text }) => expect(text).toContain('Diese Seite der Befragung gibt es nicht.')
	},
	{
		// A draft's link does not work yet, not even for the study's owner.
		route: '/t/[token]/seite/[n]',
		method: 'GET',
		path: (f) => `/t/${f.ids.wbaLinkEntwurf}/seite/1`,
		auth: 'session',
		expect: everyone(409),
		check: ({ text }) => {
			expect(text).toContain('Die Befragung hat noch nicht begonnen.');
			expect(text).not.toContain(TITLES.draft);
		}
	},
	{
		// Saving page 1 goes on to page 2; the answer is kept under the link, whoever sent it.
		route: '/t/[token]/seite/[n]',
		method: 'POST',
		path: (f) => `/t/${f.ids.wbaLinkGeteilt}/seite/1`,
		auth: 'session',
		form: (_, actor) => ({ [`a:${ITEM_KEYS[0]}`]: VALUE[actor], go: 'next' }),
		expect: everyone(to('/t/:wbaLinkGeteilt/seite/2')),
		check: async ({ actor, f }) => {
			const page = await (await get(BASE, `/t/${f.ids.wbaLinkGeteilt}/seite/1`)).text();
			expect(page).toMatch(new RegExp(`name="a:${ITEM_KEYS[0].replaceAll('.', '\\.').replaceAll('|', '\\|')}" value="${VALUE[actor]}" checked`));
		}
	},
	{
		route: '/t/[token]/seite/[n]',
		method: 'POST',
		path: (f) => `/t/${f.ids.wbaLinkZu}/seite/1`,
		auth: 'session',
		form: () => ({ [`a:${ITEM_KEYS[0]}`]: '5', go: 'next' }),
		expect: everyone(410),
		check: ({ text }) => expect(text).toContain('Die Befragung ist beendet.')
	},
	{
		route: '/t/[token]/pruefen',
		method: 'GET',
		path: (f) => `/t/${f.ids.wbaLinkGeteilt}/pruefen`,
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			participantPage(c, TITLES.open);
			expect(c.text).toContain('name="idempotencyKey"');
		}
	},
	{
		// Submitting, as the enhanced form does (its redirect names a random receipt): a fresh link per actor.
		route: '/t/[token]/pruefen',
		method: 'POST',
		path: (f) => `/t/${f.ids.wbaLinkAbgabe}/pruefen`,
		auth: 'session',
		headers: enhanced,
		// Nothing answered on this fresh link: sending it empty is confirmed on purpose ("Ja, ohne Antworten absenden").
		form: async (f) => ({ idempotencyKey: randomUUID(), leerAbsenden: 'ja', finishedBefore: String(await finishedIn(f, f.ids.wbaStudieOffen)) }),
		expect: everyone(200),
		check: async (c) => {
			const used = await renew(c.f, 'wbaLinkAbgabe', (f) => newLink(f, f.ids.wbaStudieOffen));
			expect((await json(c)) as unknown as ActionJson).toMatchObject({ type: 'redirect', status: 303, location: expect.stringMatching(new RegExp(`^/t/danke\\?beleg=[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){2}&o=${DEMO_SLUG}$`)) });
			expect(await finishedIn(c.f, c.f.ids.wbaStudieOffen), 'counted once').toBe(Number(c.sent.finishedBefore) + 1);
			const again = await get(BASE, `/t/${used}`);
			expect(again.status).toBe(410);
			expect(await again.text()).toContain('Mit diesem Link wurde diese Runde schon abgeschlossen.');
		}
	},
	{
		route: '/t/[token]/pruefen',
		method: 'POST',
		path: (f) => `/t/${f.ids.wbaLinkEntwurf}/pruefen`,
		auth: 'session',
		form: () => ({ idempotencyKey: randomUUID() }),
		expect: everyone(409),
		check: ({ text }) => expect(text).not.toContain(TITLES.draft)
	},
	{
		// Only letters, digits, - and _ of the receipt are shown.
		route: '/t/danke',
		method: 'GET',
		path: '/t/danke?beleg=Ab_12-cd%3Cb%3E',
		auth: 'session',
		expect: everyone(200),
		check: ({ text }) => {
			// The code stands in its own element that keeps it on one line.
			expect(text).toMatch(/Ihre Bestätigungsnummer: <strong class="receipt-code[^"]*">Ab_12-cdb<\/strong>/);
			expect(text).not.toContain('<b>');
		}
	},
	{
		// With the asking organisation (the address after a submission): its name band and its legal pages in the footer.
		route: '/t/danke',
		method: 'GET',
		path: `/t/danke?beleg=ABCDE-FGHJK-MNPQR&o=${DEMO_SLUG}`,
		auth: 'session',
		expect: everyone(200),
		check: ({ text }) => {
			expect(text).toContain('ABCDE-FGHJK-MNPQR');
			expect(text).toContain(`href="/o/${DEMO_SLUG}/impressum"`);
			expect(text).toContain(`href="/o/${DEMO_SLUG}/datenschutz"`);
			expect(text).not.toContain('href="/app/konto"');
		}
	},
	{
		// An organisation that does not exist changes nothing: the receipt, no organisation's links.
		route: '/t/danke',
		method: 'GET',
		path: '/t/danke?beleg=ABCDE-FGHJK-MNPQR&o=gibt-es-nicht',
		auth: 'session',
		expect: everyone(200),
		check: ({ text }) => {
			expect(text).toContain('ABCDE-FGHJK-MNPQR');
			expect(text).not.toContain('href="/o/');
		}
	},

	// ── Open link: participants pick their group and get a personal link ──
	{
		route: '/t/offen/[token]',
		method: 'GET',
		path: (f) => `/t/offen/${f.ids.wbaOffenerLinkAktiv}`,
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			participantPage(c, TITLES.join);
			expect(c.text).toContain('Kommunalpolitik');
		}
	},
	{
		route: '/t/offen/[token]',
		method: 'GET',
		path: (f) => `/t/offen/${f.ids.wbaOffenerLinkZu}`,
		auth: 'session',
		expect: everyone(410),
		check: ({ text }) => expect(text).toContain('Die Befragung ist beendet.')
	},
	{
		// As the enhanced form sends it (the redirect names the new personal link).
		route: '/t/offen/[token]',
		method: 'POST',
		path: (f) => `/t/offen/${f.ids.wbaOffenerLinkAktiv}`,
		auth: 'session',
		headers: enhanced,
		form: async (f) => ({ group: 'politik', invitedBefore: String(await invitedIn(f, f.ids.wbaStudieBeitritt)) }),
		expect: everyone(200),
		check: async (c) => {
			const body = (await json(c)) as unknown as ActionJson;
			expect(body).toMatchObject({ type: 'redirect', status: 303, location: expect.stringMatching(/^\/t\/[A-Za-z0-9_-]{43}\?neu$/) });
			const personal = await get(BASE, body.location!);
			expect(personal.status).toBe(200);
			const text = await personal.text();
			expect(text).toContain(TITLES.join);
			expect(text).toContain('Kommunalpolitik');
			expect(await invitedIn(c.f, c.f.ids.wbaStudieBeitritt)).toBe(Number(c.sent.invitedBefore) + 1);
		}
	},
	{
		route: '/t/offen/[token]',
		method: 'POST',
		path: (f) => `/t/offen/${f.ids.wbaOffenerLinkAktiv}`,
		auth: 'session',
		form: async (f) => ({ group: 'gibt-es-nicht', invitedBefore: String(await invitedIn(f, f.ids.wbaStudieBeitritt)) }),
		expect: everyone(422),
		check: async (c) => {
			expect(c.text).toContain('Bitte wählen Sie eine Gruppe aus der Liste.');
			expect(await invitedIn(c.f, c.f.ids.wbaStudieBeitritt)).toBe(Number(c.sent.invitedBefore));
		}
	},

	// ── API ──
	{
		// Submitting through the API: a fresh link per actor, counted once.
		route: '/api/v1/participate/[token]',
		method: 'POST',
		path: (f) => `/api/v1/participate/${f.ids.wbaLinkApi}`,
		auth: 'token',
		headers: () => ({ 'idempotency-key': randomUUID() }),
		json: async (f) => ({ answers: [{ competence: ITEM_KEYS[0].split('|')[0], measure: 'importance', horizon: 'heute', value: 4 }], finishedBefore: await finishedIn(f, f.ids.wbaStudieOffen) }),
		expect: everyone(201),
		check: async (c) => {
			const used = await renew(c.f, 'wbaLinkApi', (f) => newLink(f, f.ids.wbaStudieOffen));
			expect(await json(c)).toEqual({ receipt: expect.stringMatching(/^[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){2}$/) });
			expect(await finishedIn(c.f, c.f.ids.wbaStudieOffen), 'counted once').toBe(Number(c.sent.finishedBefore) + 1);
			const again = await get(BASE, `/api/v1/participate/${used}`);
			expect(again.status).toBe(410);
		}
	},
	{
		// Without Idempotency-Key nothing is read, let alone stored.
		route: '/api/v1/participate/[token]',
		method: 'POST',
		path: (f) => `/api/v1/participate/${f.ids.wbaLinkGeteilt}`,
		auth: 'token',
		json: () => ({ answers: [] }),
		expect: everyone(400),
		check: async (c) => {
			await expectApiError(c, 'bad_request');
			expect((await get(BASE, `/t/${c.f.ids.wbaLinkGeteilt}/pruefen`)).status, 'the link still works').toBe(200);
		}
	}
];
