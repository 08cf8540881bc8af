/**
 * The Rahmenbedingungen self-check in the browser (issue 16): an organiser starts a self-check from
 * the conditions catalogue offered beside the competence framework, with the self-check's groups
 * and the one horizon „heute“, opens it and creates the open link; on a phone without JavaScript a
 * city maker answers „So ist es bei uns heute“ and „So wichtig ist es uns“; the results of last
 * year's demo self-check say where administration and city makers see their city differently and
 * lead to the first steps; its weak conditions show first steps and catalogue modules, the XLSX
 * (read back) and PDF downloads speak of conditions, and a weak condition leads into a new
 * Qualifizierungsplan of weak conditions, also on a phone. The organiser closes the new self-check
 * and compares it with last year's — a competence study is never offered. Axe on every page.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { DEMO_SLUG, e2eContext } from './support/context';
import { xlsxTexts } from '../tests/helpers/xlsx';
import { download } from './support/downloads';
import { apiJson, createApiToken, login } from './support/http';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const organiser = demo.accounts.organiser;
const DEMO_SELF_CHECK = 'Rahmenbedingungen-Selbstcheck Altenburg 2025';
let openLink = '';
let selfCheckPath = '';

/** `count` people of `group` answer every condition of the new self-check through the API: „heute“ at `today`, importance 4. */
async function answerThroughApi(group: string, count: number, today: number): Promise<void> {
	const token = await createApiToken(demo.url, await login(demo.url, organiser.email, organiser.password), `Selbstcheck ${group}`);
	const studyId = selfCheckPath.split('/').pop()!;
	const { tokens } = await apiJson<{ tokens: string[] }>(demo.url, token, 'POST', `/api/v1/studies/${studyId}/invitations`, { group, count });
	for (const link of tokens) {
		const questionnaire = await apiJson<{ pages: { competences: { code: string; items: { measure: string; horizon: string | null }[] }[] }[] }>(demo.url, undefined, 'GET', `/api/v1/participate/${link}`);
		const answers = questionnaire.pages.flatMap((page) =>
			page.competences.flatMap((competence) => competence.items.map((item) => ({ competence: competence.code, measure: item.measure, horizon: item.horizon, value: item.measure === 'proficiency' ? today : 4 })))
		);
		await apiJson(demo.url, undefined, 'POST', `/api/v1/participate/${link}`, { answers }, { 'idempotency-key': randomUUID() });
	}
}

describe('Rahmenbedingungen self-check', () => {
	test('an organiser starts a self-check from the conditions catalogue and opens it', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 1280, javaScriptEnabled: true }, async (s) => {
			await logIn(s, organiser.email, organiser.password);
			await s.visit('/app/kompetenzrahmen', { heading: 'Kompetenzrahmen', screenshot: 'selbstcheck-vorlage' });
			await s.page.getByText('27 Bedingungen').waitFor();
			await s.follow(s.link('Selbstcheck anlegen'), { path: /^\/app\/analysen\/neu\?rahmen=[0-9a-f-]{36}$/, heading: 'Neue Analyse' });
			expect(await s.page.locator('textarea[name="groups"]').inputValue()).toBe('verwaltung: Verwaltung\nzivilgesellschaft: Stadtmacher*innen\npolitik: Politik\nwirtschaft: Wirtschaft\nkultur: Kultur');
			expect(await s.page.locator('input[name="horizon0_label"]').inputValue()).toBe('heute');
			expect(await s.page.locator('input[name="horizon1_label"]').inputValue()).toBe('');
			await s.page.getByRole('heading', { name: 'Bedingungen', exact: true }).waitFor();

			await s.field('Titel').fill('Selbstcheck im Browsertest');
			await s.field('Mindestgröße einer Gruppe').fill('3');
			await s.submit(s.button('Als Entwurf speichern'), { path: /^\/app\/analysen\/[0-9a-f-]{36}\?hinweis=created$/, heading: 'Selbstcheck im Browsertest' });
			await s.follow(s.link('Analyse öffnen'), { path: /bestaetigen=open/ });
			await s.submit(s.button('Ja, jetzt öffnen'), { path: /hinweis=open/ });
			await s.submit(s.button('Offenen Link erzeugen'), {});
			selfCheckPath = s.path.replace(/\?.*$/, '');
			openLink = (await s.page.locator('.secret').first().textContent())!.trim();
			expect(openLink).toMatch(/\/t\/offen\//);
		});
	});

	test('a city maker answers every condition on a phone without JavaScript, to the thank-you page', { timeout: JOURNEY_TIMEOUT }, async () => {
		expect(openLink).not.toBe('');
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await s.visit(new URL(openLink).pathname, { heading: 'Selbstcheck im Browsertest' });
			// The open link's page is the organisation's: its legal pages in the footer, not the operator's.
			await s.page.getByRole('navigation', { name: /^Rechtliches von / }).getByRole('link', { name: 'Impressum' }).waitFor();
			await s.page.getByRole('group', { name: 'Zu welcher Gruppe gehören Sie?' }).getByRole('radio', { name: 'Stadtmacher*innen' }).check();
			await s.submit(s.button('Weiter'), { heading: 'Selbstcheck im Browsertest' });
			await s.page.getByText('Auf jeder Seite steht eine Dimension mit einigen Bedingungen für gute Zusammenarbeit.').waitFor();
			await s.follow(s.link('Los geht’s'), { path: /\/seite\/1$/, heading: /Anlaufstelle und Lotsen/, screenshot: 'selbstcheck-fragebogen' });
			await s.page.getByRole('group', { name: 'So ist es bei uns heute:' }).first().getByText('1 – trifft gar nicht zu').waitFor();
			// Six dimensions, one page each: the city maker sees every condition at 2 today and rates it 5 for importance.
			for (let page = 1; page <= 6; page += 1) {
				for (const group of await s.page.getByRole('group', { name: 'So ist es bei uns heute:' }).all()) await group.getByRole('radio', { name: '2' }).check();
				for (const group of await s.page.getByRole('group', { name: 'So wichtig ist es uns:' }).all()) await group.getByRole('radio', { name: '5' }).check();
				await s.submit(s.button('Weiter'), { path: new RegExp(`/seite/${page + 1}$`) });
			}
			await s.page.getByRole('heading', { name: 'Zum Schluss: Ihre Anmerkungen' }).waitFor();
			await s.submit(s.button('Weiter zur Übersicht'), { path: /\/pruefen$/, heading: 'Übersicht: Ihre Antworten' });
			await s.submit(s.button('Antworten abschicken'), { path: new RegExp(`^/t/danke\\?beleg=[A-Za-z0-9_-]+&o=${DEMO_SLUG}$`), heading: 'Vielen Dank!', screenshot: 'selbstcheck-danke' });
		});
		// Two more city makers and three people of the administration answer through the API (k = 3 in this self-check).
		await answerThroughApi('zivilgesellschaft', 2, 2);
		await answerThroughApi('verwaltung', 3, 4);
	});

	test('last year’s self-check shows where the sides see their city differently, with first steps', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 1280, javaScriptEnabled: true }, async (s) => {
			await logIn(s, organiser.email, organiser.password);
			await s.visit('/app/analysen', { heading: 'Wissensbedarfsanalysen' });
			const study = await s.link(DEMO_SELF_CHECK).first().getAttribute('href');
			await s.visit(`${study}/ergebnisse`, { heading: `Ergebnisse: ${DEMO_SELF_CHECK}`, screenshot: 'selbstcheck-ergebnisse' });
			const section = s.page.locator('section[aria-labelledby="selbstcheck"]');
			await section.getByRole('heading', { name: 'So sehen die Gruppen ihre Stadt heute' }).waitFor();
			const sentences = (await section.locator('ol li').allTextContents()).map((text) => text.replace(/\s+/g, ' '));
			expect(sentences.some((text) => /Ansprechperson in der Verwaltung für Stadtmacher\*innen\.\s*Verwaltung sieht es bei 4,\d, Stadtmacher\*innen bei 2,\d\./.test(text))).toBe(true);
			expect(await section.getByText('Kultur', { exact: true }).count()).toBe(0);
			const contactPoint = section.locator('li', { hasText: 'Ansprechperson in der Verwaltung für Stadtmacher*innen.' });
			await s.follow(contactPoint.getByRole('link', { name: /^Erste Schritte/ }), { path: /\/kompetenz\/R1\.1/, heading: /R1\.1/ });
			await s.page.getByRole('heading', { name: 'Erste Schritte' }).waitFor();
			await s.page.getByText('Dimension: R1 Anlaufstelle und Lotsen').waitFor();

			// Weak conditions (all groups together below 3 today) with their first steps and the way into the plan.
			await s.visit(`${study}/ergebnisse`, { heading: `Ergebnisse: ${DEMO_SELF_CHECK}` });
			await s.page.getByRole('heading', { name: 'Schwache Bedingungen: erste Schritte' }).waitFor();
			const weak = s.page.locator('ol.results-weak > li');
			expect(await weak.count()).toBeGreaterThan(0);
			await weak.first().getByText('Erste Schritte', { exact: true }).waitFor();
			await weak.first().getByText('Module im Katalog', { exact: true }).waitFor();

			// The downloads speak of conditions: every XLSX sheet read back, and a PDF.
			const written = await xlsxTexts(await download(s, 'Arbeitsmappe als XLSX (ein Blatt je Ansicht)'));
			expect(written).toContain('Bedingung');
			expect(written.filter((text) => /Kompetenz|beherrsch/i.test(text))).toEqual([]);
			expect((await download(s, 'Bericht als PDF')).subarray(0, 5).toString('latin1')).toBe('%PDF-');

			await s.follow(weak.first().getByRole('link', { name: /^In den Qualifizierungsplan übernehmen/ }), { path: /^\/app\/plaene\?analyse=/, heading: 'Qualifizierungspläne' });
			await s.submit(s.button('Plan erstellen'), { path: /^\/app\/plaene\/[0-9a-f-]{36}\?angelegt$/, heading: new RegExp(`Qualifizierungsplan: ${DEMO_SELF_CHECK}`), screenshot: 'selbstcheck-plan' });
			await s.page.getByText(`Aus dem Selbstcheck „${DEMO_SELF_CHECK}“, Runde 1. Regel: Jede schwache Bedingung kommt in den Plan`, { exact: false }).waitFor();
		});
	});

	test('on a phone, the results and the plan of a self-check fit and keep their weak conditions', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: true }, async (s) => {
			await logIn(s, organiser.email, organiser.password);
			await s.visit('/app/analysen', { heading: 'Wissensbedarfsanalysen' });
			const study = await s.link(DEMO_SELF_CHECK).first().getAttribute('href');
			await s.visit(`${study}/ergebnisse`, { heading: `Ergebnisse: ${DEMO_SELF_CHECK}`, screenshot: 'selbstcheck-ergebnisse' });
			await s.follow(s.page.locator('ol.results-weak > li').first().getByRole('link', { name: /^Im Qualifizierungsplan ansehen/ }), { path: /^\/app\/plaene\/[0-9a-f-]{36}$/, heading: new RegExp(`Qualifizierungsplan: ${DEMO_SELF_CHECK}`), screenshot: 'selbstcheck-plan' });
		});
	});

	test('the organiser closes the new self-check and compares it with last year’s, never with a competence study', { timeout: JOURNEY_TIMEOUT }, async () => {
		expect(selfCheckPath).not.toBe('');
		await journey(browser(), { baseUrl: demo.url, width: 1280, javaScriptEnabled: true }, async (s) => {
			await logIn(s, organiser.email, organiser.password);
			await s.visit(selfCheckPath, { heading: 'Selbstcheck im Browsertest' });
			await s.follow(s.link('Analyse schließen'), { path: /bestaetigen=closed/ });
			await s.submit(s.button('Ja, schließen'), { path: /hinweis=closed/ });
			await s.visit(`${selfCheckPath}/ergebnisse`, { heading: 'Ergebnisse: Selbstcheck im Browsertest', screenshot: 'selbstcheck-neu-ergebnisse' });
			// Both groups reached k = 3: the administration sees every condition at 4, the city makers at 2.
			const section = s.page.locator('section[aria-labelledby="selbstcheck"]');
			await section.getByText('Verwaltung sieht es bei 4,0, Stadtmacher*innen bei 2,0.').first().waitFor();
			await s.page.getByRole('heading', { name: 'Schwache Bedingungen: erste Schritte' }).waitFor();
			const choice = s.page.getByLabel('Frühere Analyse');
			const offered = await choice.locator('option').allTextContents();
			expect(offered.some((text) => text.includes(DEMO_SELF_CHECK))).toBe(true);
			expect(offered.some((text) => text.includes('Wissensbedarf Altenburg'))).toBe(false);
			await choice.selectOption({ label: DEMO_SELF_CHECK });
			// A GET form: SvelteKit navigates on the client, so there is no page load to wait for.
			await s.button('Vergleichen').click();
			await s.arrived({ path: /vergleich=/ });
			await s.page.getByText(`„${DEMO_SELF_CHECK}“ (Runde 1) → „Selbstcheck im Browsertest“ (Runde 1)`).waitFor();
			await s.page.getByText('Verglichen wird jede Bedingung, die in beiden vorkommt', { exact: false }).waitFor();
		});
	});
});
