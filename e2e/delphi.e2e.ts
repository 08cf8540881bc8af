/**
 * Delphi round 2 in the browser: an organiser's study with two rounds and k = 3. In round 1
 * Verwaltung (5) is visible, Kommunalpolitik (1) is below k and Zivilgesellschaft (3) is hidden as
 * its complement. Round 1 is answered over the API, closed and round 2 started; then participants
 * open their links: each item shows the previous round's distribution of their own group and of
 * all groups only where the group is visible, their own answer from then, and lets them keep or
 * change it. No reason is asked for in the last round: nobody would read it (issue 12). In a study
 * with a round after this one, an answer far from the group's median gets an optional reason field
 * (eDelphi, issue 17).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { DEMO_SLUG, e2eContext } from './support/context';
import { apiV1, createApiToken, login } from './support/http';
import { logIn } from './support/pages';
import { REPO_ROOT } from './support/servers';

const browser = useBrowser();
const { demo } = e2eContext();
const TITLE = 'Delphi im Browsertest';
const SCRATCH = path.join(REPO_ROOT, '.scratch');

/** Items of A3.1 in questionnaire order. */
const ITEMS = [
	{ competence: 'A3.1', measure: 'importance', horizon: 'heute' },
	{ competence: 'A3.1', measure: 'importance', horizon: 'morgen' },
	{ competence: 'A3.1', measure: 'importance', horizon: 'uebermorgen' },
	{ competence: 'A3.1', measure: 'proficiency', horizon: null }
] as const;
const itemKey = (index: number) => `${ITEMS[index].competence}|${ITEMS[index].measure}|${ITEMS[index].horizon ?? ''}`;

/** Round 1, per person, the answers to the four items. */
const ROUND_1: Record<string, number[][]> = {
	verwaltung: [
		[1, 1, 4, 4],
		[1, 1, 4, 4],
		[4, 4, 4, 4],
		[4, 4, 4, 4],
		[5, 5, 5, 5]
	],
	zivilgesellschaft: [
		[3, 3, 3, 3],
		[3, 3, 3, 3],
		[3, 3, 3, 3]
	],
	politik: [[2, 2, 2, 2]]
};

const links: Record<string, string[]> = {};
let studyId = '';
let apiToken = '';
let frameworkId = '';

const api = apiV1(demo.url);

beforeAll(async () => {
	const cookie = await login(demo.url, demo.accounts.organiser.email, demo.accounts.organiser.password);
	const token = await createApiToken(demo.url, cookie, 'E2E Delphi');
	apiToken = token;
	const { frameworks } = (await api('/frameworks', token)) as { frameworks: { id: string; shipped: boolean }[] };
	const shipped = frameworks.find((f) => f.shipped)!;
	frameworkId = shipped.id;
	const { id } = (await api('/studies', token, { title: TITLE, frameworkId: shipped.id, competences: ['A3.1'], rounds: 2, minGroupSize: 3 })) as { id: string };
	await api(`/studies/${id}/status`, token, { status: 'open' });
	for (const [group, people] of Object.entries(ROUND_1)) {
		const created = (await api(`/studies/${id}/invitations`, token, { group, count: people.length })) as { links: string[] };
		links[group] = created.links.map((link) => new URL(link).pathname);
		for (const [person, values] of people.entries()) {
			const participantToken = links[group][person].split('/').at(-1)!;
			const answers = ITEMS.map((item, index) => ({ ...item, value: values[index] }));
			await api(`/participate/${participantToken}`, null, { answers }, { 'idempotency-key': randomUUID() });
		}
	}
	await api(`/studies/${id}/status`, token, { status: 'closed' });
	await api(`/studies/${id}/rounds`, token, {});
	studyId = id;
}, 180_000);

/** The feedback table under an item: its rows as text. */
async function feedbackRows(s: BrowserSession, index: number): Promise<string[][]> {
	const fieldset = s.page.locator('fieldset.rating').nth(index);
	const table = fieldset.locator('xpath=following-sibling::div[contains(@class, "feedback")][1]').locator('table');
	return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
}

async function choose(s: BrowserSession, index: number, value: string) {
	await s.page.locator(`input[name="a:${itemKey(index)}"][value="${value}"]`).check({ force: true });
}

async function scratchShot(s: BrowserSession, name: string) {
	fs.mkdirSync(SCRATCH, { recursive: true });
	await s.page.screenshot({ path: path.join(SCRATCH, `${name}-${s.width}.png`), fullPage: true });
}

describe('Delphi round 2', () => {
	test.each([
		{ width: 375 as const, javaScriptEnabled: false, person: 0 },
		{ width: 1280 as const, javaScriptEnabled: true, person: 1 }
	])('a Verwaltung participant sees round 1 and keeps or changes answers at $width px (JavaScript: $javaScriptEnabled)', { timeout: JOURNEY_TIMEOUT }, async ({ width, javaScriptEnabled, person }) => {
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			const link = links.verwaltung[person];
			await s.visit(link, { heading: TITLE });
			await s.page.getByText('Runde 2 von 2').waitFor();
			await s.page.getByText(/Runde 2: Zu jeder Frage sehen Sie/).waitFor();
			await s.follow(s.link('Los geht’s'), { path: `${link}/seite/1` });

			// heute: Verwaltung 1,1,4,4,5 → median 4; all 9 answers 1,1,4,4,5,3,3,3,2 → median 3.
			expect(await feedbackRows(s, 0)).toEqual([
				['Ihre Gruppe (n = 5)', '2', '0', '0', '2', '1', '4'],
				['Alle Gruppen (n = 9)', '2', '1', '3', '2', '1', '3']
			]);
			// übermorgen: Verwaltung 4,4,4,4,5; all 4,4,4,4,5,3,3,3,2.
			expect(await feedbackRows(s, 2)).toEqual([
				['Ihre Gruppe (n = 5)', '0', '0', '0', '4', '1', '4'],
				['Alle Gruppen (n = 9)', '0', '1', '3', '4', '1', '4']
			]);
			expect(await s.page.getByText('Ihre Antwort damals: 1').count()).toBe(2);
			expect(await s.page.getByText('Ihre Antwort damals: 4').count()).toBe(2);
			// The previous answers are pre-selected: keeping them needs no click.
			expect(await s.page.locator(`input[name="a:${itemKey(0)}"][value="1"]`).isChecked()).toBe(true);
			// 1 is far from the group's median 4, but no reason is asked for: nobody would read it.
			expect(await s.page.locator('textarea').count()).toBe(0);
			// The small group's figures are not on the page, nor in its source (Kommunalpolitik answered 2 everywhere, alone).
			const html = await s.page.content();
			expect(html).not.toMatch(/Kommunalpolitik|Zivilgesellschaft/);
			await scratchShot(s, 'delphi-runde-2');
			await s.screenshot('delphi-runde-2');

			await choose(s, 1, '4'); // changed towards the group
			await choose(s, 2, '1'); // changed away from the group: far from the median, and still straight on
			expect(await s.page.locator('textarea').count()).toBe(0);
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten' });
			await s.page.getByText('4 von 4 Fragen beantwortet.').waitFor();
			const shown = await s.page.locator('.review-list li strong').allTextContents();
			expect(shown).toEqual(['1', '4', '1', '4']);
			await s.submit(s.button('Antworten abschicken'), { path: new RegExp(`^/t/danke\\?beleg=[A-Za-z0-9_-]+&o=${DEMO_SLUG}$`), heading: 'Vielen Dank!' });
		});
	});

	test('a participant of the small group sees only all groups, never their own group’s figures', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			const link = links.politik[0];
			await s.visit(link, { heading: TITLE });
			await s.follow(s.link('Los geht’s'), { path: `${link}/seite/1` });
			expect(await feedbackRows(s, 0)).toEqual([
				['Ihre Gruppe', 'zu wenige Antworten, um sie zu zeigen'],
				['Alle Gruppen (n = 9)', '2', '1', '3', '2', '1', '3']
			]);
			expect(await s.page.getByText('Ihre Antwort damals: 2').count()).toBe(4);
			expect(await s.page.locator('textarea').count()).toBe(0);
			// The page source holds no figure of the group (questionnaire pages carry no data for a client app).
			const source = await (await fetch(new URL(`${link}/seite/1`, demo.url))).text();
			expect(source).toContain('Alle Gruppen (n = 9)');
			expect(source).not.toContain('Ihre Gruppe (');
			expect(source).not.toMatch(/<script/);
			await scratchShot(s, 'delphi-runde-2-kleine-gruppe');
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten' });
			await s.submit(s.button('Antworten abschicken'), { path: new RegExp(`^/t/danke\\?beleg=[A-Za-z0-9_-]+&o=${DEMO_SLUG}$`), heading: 'Vielen Dank!' });
		});
	});

	test('the organiser sees the change between the rounds once round 2 is closed', { timeout: JOURNEY_TIMEOUT }, async () => {
		// The rest of round 2 over the API: Verwaltung 2–4 keep their answers, Zivilgesellschaft too.
		for (const [group, people] of [['verwaltung', [2, 3, 4]], ['zivilgesellschaft', [0, 1, 2]]] as const) {
			for (const person of people) {
				const participantToken = links[group][person].split('/').at(-1)!;
				const answers = ITEMS.map((item, index) => ({ ...item, value: ROUND_1[group][person][index] }));
				await api(`/participate/${participantToken}`, null, { answers }, { 'idempotency-key': randomUUID() });
			}
		}
		await api(`/studies/${studyId}/status`, apiToken, { status: 'closed' });
		const results = (await api(`/studies/${studyId}/results?round=2`, apiToken)) as { change: { horizon: string | null; cells: { group: string; suppressed: boolean }[] }[] };
		// Kommunalpolitik is below k and Zivilgesellschaft its complement: no change figures for either.
		for (const item of results.change) {
			expect(item.cells.filter((c) => !c.suppressed).map((c) => c.group)).toEqual(['verwaltung', 'all']);
		}
		for (const width of [375, 1280] as const) {
			await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
				await logIn(s, demo.accounts.organiser.email, demo.accounts.organiser.password);
				const dashboard = `/app/analysen/${studyId}/ergebnisse?runde=2`;
				await s.visit(dashboard, { heading: `Ergebnisse: ${TITLE}` });
				await s.page.getByRole('heading', { name: 'Veränderung zwischen den Runden' }).waitFor();
				await s.page.getByText('Runde 2 im Vergleich zu Runde 1').waitFor();
				const changed = s.page.getByRole('table', { name: /Anteil geänderter Antworten – Wichtigkeit morgen/ });
				// morgen: 2 of 9 people changed their answer → 22 %.
				const first = await changed.locator('tbody tr').first().locator('th, td').allTextContents();
				expect(first.slice(1, 3).map((text) => text.replace(/\s/g, ' '))).toEqual(['22 %', '9']);
				await s.page.locator('section[aria-labelledby="veraenderung"]').screenshot({ path: path.join(SCRATCH, `delphi-dashboard-veraenderung-${width}.png`) });
				await s.visit(`/app/analysen/${studyId}/ergebnisse/kompetenz/A3.1?runde=2`, { heading: /^A3\.1 / });
				const table = s.page.getByRole('table', { name: 'Veränderung der Antworten von Runde 1 zu Runde 2: Wichtigkeit morgen (ca. 5 Jahre)' });
				const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
				// Verwaltung: 5 pairs, 2 changed (1 → 4) = 40 %; the hidden groups show no figure.
				expect(rows.find((r) => r[0] === 'Verwaltung')?.slice(1, 3).map((text) => text.replace(/\s/g, ' '))).toEqual(['5', '40 %']);
				expect(rows.find((r) => r[0] === 'Kommunalpolitik')?.slice(1)).toEqual(['aus Datenschutzgründen ausgeblendet']);
				expect(rows.find((r) => r[0] === 'Zivilgesellschaft / Stadtmacher*innen')?.slice(1)).toEqual(['aus Datenschutzgründen ausgeblendet']);
				await s.page.locator('section[aria-labelledby="runden"]').screenshot({ path: path.join(SCRATCH, `delphi-kompetenz-runden-${width}.png`) });
			});
		}
	});

	test('with a round after this one, an answer far from the group gets an optional reason that is sent along (375 px, no JavaScript)', { timeout: JOURNEY_TIMEOUT }, async () => {
		const { id } = (await api('/studies', apiToken, { title: `${TITLE} mit Begründung`, frameworkId, competences: ['A3.1'], rounds: 3, minGroupSize: 3 })) as { id: string };
		await api(`/studies/${id}/status`, apiToken, { status: 'open' });
		const people = ROUND_1.verwaltung;
		const created = (await api(`/studies/${id}/invitations`, apiToken, { group: 'verwaltung', count: people.length })) as { links: string[] };
		const threeRoundLinks = created.links.map((link) => new URL(link).pathname);
		for (const [person, values] of people.entries()) {
			const answers = ITEMS.map((item, index) => ({ ...item, value: values[index] }));
			await api(`/participate/${threeRoundLinks[person].split('/').at(-1)}`, null, { answers }, { 'idempotency-key': randomUUID() });
		}
		await api(`/studies/${id}/status`, apiToken, { status: 'closed' });
		await api(`/studies/${id}/rounds`, apiToken, {});
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			// Person 0 said 1 for heute and morgen; the group's median is 4: two reason fields, none for the others.
			const link = threeRoundLinks[0];
			await s.visit(`${link}/seite/1`, {});
			const reasons = s.page.getByRole('textbox', { name: /Ihre Antwort liegt weit vom Median Ihrer Gruppe/ });
			expect(await reasons.count()).toBe(2);
			await reasons.first().fill('Bei uns gibt es dafür noch keine Stelle.');
			await s.screenshot('delphi-begruendung');
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten' });
			await s.follow(s.page.getByRole('link', { name: /^Ändern/ }).first(), { path: `${link}/seite/1` });
			expect(await reasons.first().inputValue()).toBe('Bei uns gibt es dafür noch keine Stelle.');
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten' });
			await s.submit(s.button('Antworten abschicken'), { path: new RegExp(`^/t/danke\\?beleg=[A-Za-z0-9_-]+&o=${DEMO_SLUG}$`), heading: 'Vielen Dank!' });
		});
	});
});
