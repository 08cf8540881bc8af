/**
 * The Rahmenbedingungen self-check in the browser (issue 16): an organiser starts a self-check from
 * the conditions catalogue offered beside the competence framework, with the self-check's groups
 * and the one horizon „heute“, opens it and creates the open link; on a phone without JavaScript a
 * city maker answers „So ist es bei uns heute“ and „So wichtig ist es uns“; the results of last
 * year's demo self-check say where administration and city makers see their city differently and
 * lead to the first steps. Axe on every page.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const organiser = demo.accounts.organiser;
const DEMO_SELF_CHECK = 'Rahmenbedingungen-Selbstcheck Altenburg 2025';
let openLink = '';

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
			await s.submit(s.button('Als Entwurf speichern'), { path: /^\/app\/analysen\/[0-9a-f-]{36}\?hinweis=created$/, heading: 'Selbstcheck im Browsertest' });
			await s.follow(s.link('Analyse öffnen'), { path: /bestaetigen=open/ });
			await s.submit(s.button('Ja, jetzt öffnen'), { path: /hinweis=open/ });
			await s.submit(s.button('Offenen Link erzeugen'), {});
			openLink = (await s.page.locator('.secret').first().textContent())!.trim();
			expect(openLink).toMatch(/\/t\/offen\//);
		});
	});

	test('a city maker answers on a phone without JavaScript', { timeout: JOURNEY_TIMEOUT }, async () => {
		expect(openLink).not.toBe('');
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await s.visit(new URL(openLink).pathname, { heading: 'Selbstcheck im Browsertest' });
			await s.page.getByRole('group', { name: 'Zu welcher Gruppe gehören Sie?' }).getByRole('radio', { name: 'Stadtmacher*innen' }).check();
			await s.submit(s.button('Weiter'), { heading: 'Selbstcheck im Browsertest' });
			await s.page.getByText('Auf jeder Seite steht eine Dimension mit einigen Bedingungen für gute Zusammenarbeit.').waitFor();
			await s.follow(s.link('Los geht’s'), { path: /\/seite\/1$/, heading: /Anlaufstelle und Lotsen/, screenshot: 'selbstcheck-fragebogen' });
			const today = s.page.getByRole('group', { name: 'So ist es bei uns heute:' }).first();
			await today.getByText('1 – trifft gar nicht zu').waitFor();
			await today.getByRole('radio', { name: '2' }).check();
			await s.page.getByRole('group', { name: 'So wichtig ist es uns:' }).first().getByRole('radio', { name: '5' }).check();
			await s.submit(s.button('Weiter'), { path: /\/seite\/2$/, heading: /Geld für Experimente/ });
		});
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
		});
	});
});
