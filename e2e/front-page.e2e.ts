/** Front page, public organisation page and the German/English switch, as an anonymous visitor. */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();

describe.each(WIDTHS)('at %i px', (width) => {
	test('the front page is German and leads to the public page of each organisation', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await s.visit('/', { heading: 'Stadtwissen', screenshot: 'startseite' });
			expect(await s.lang()).toBe('de');
			expect(await s.page.title()).toContain('Welches Wissen braucht Verwaltung');
			await s.page.getByRole('heading', { level: 2, name: 'So funktioniert es' }).waitFor();
			const organisations = s.page.getByRole('heading', { name: 'Organisationen auf dieser Plattform' }).locator('xpath=following-sibling::ul[1]').getByRole('link');
			expect(await organisations.allTextContents()).toEqual(['Gemeinde Nachbarort', demo.orgName]);
			// Anonymous visitors are offered the login, in the header and for organisers.
			expect(await s.link('Anmelden').count()).toBe(2);
			expect(await s.link('Zum Fortbildungskatalog').getAttribute('href')).toBe('/katalog');

			await s.follow(s.link(demo.orgName), { path: /^\/o\/[a-z0-9-]+$/, heading: demo.orgName, screenshot: 'organisation-oeffentlich' });
			await s.page.getByText(`Öffentliche Seite von ${demo.orgName} auf Stadtwissen.`).waitFor();
			expect(await s.lang()).toBe('de');
			// What the organisation has published: only published studies (other journeys publish some;
			// the demo's open study never shows), and the seed's module in the catalogue.
			await s.page.getByRole('heading', { level: 2, name: 'Ergebnisse von Wissensbedarfsanalysen' }).waitFor();
			expect(await s.link('Schnelltest: Zwischennutzung und Reallabore').count()).toBe(0);
			for (const href of await s.page.locator('main a[href*="/analysen/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
				expect(href).toMatch(/^\/o\/stadt-altenburg-demo\/analysen\/[0-9a-f-]{36}$/);
			expect(await s.link('Macht Stadt gemeinsam!').getAttribute('href')).toMatch(/^\/katalog\/[0-9a-f-]{36}$/);
			await s.follow(s.link(`Alle Fortbildungen von ${demo.orgName} im Katalog`), { path: '/katalog?org=stadt-altenburg-demo', heading: 'Fortbildungskatalog' });
			await s.page.getByRole('link', { name: 'Macht Stadt gemeinsam!' }).first().waitFor();

			await s.visit('/o/gibt-es-nicht', { status: 404, heading: 'Seite nicht gefunden', screenshot: 'fehler-404' });
			await s.page.getByText('Diese Seite gibt es nicht (mehr).').waitFor();
			await s.follow(s.link('Zur Startseite'), { path: '/', heading: 'Stadtwissen' });
		});
	});

	test('switching to English is remembered across pages until switching back', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await s.visit('/', { heading: 'Stadtwissen' });
			const toEnglish = s.button('Switch to English');
			expect(await toEnglish.textContent()).toBe('English');
			expect(await toEnglish.getAttribute('lang')).toBe('en');
			await s.submit(toEnglish, { path: '/', heading: 'Stadtwissen', screenshot: 'startseite-englisch' });
			expect(await s.lang()).toBe('en');
			await s.page.getByRole('heading', { level: 2, name: 'Organisations on this platform' }).waitFor();

			// Remembered: a link followed and an address typed both stay English.
			await s.follow(s.link('Sign in').first(), { path: '/anmelden', heading: 'Sign in' });
			expect(await s.lang()).toBe('en');
			await s.visit('/passwort-vergessen', { heading: 'Forgot password' });
			expect(await s.lang()).toBe('en');
			expect(await s.field('E-mail address').count()).toBe(1);

			// Back to German on the page where the visitor is.
			const toGerman = s.button('Auf Deutsch umschalten');
			expect(await toGerman.getAttribute('lang')).toBe('de');
			await s.submit(toGerman, { path: '/passwort-vergessen', heading: 'Passwort vergessen' });
			expect(await s.lang()).toBe('de');
			await s.visit('/', { heading: 'Stadtwissen' });
			expect(await s.lang()).toBe('de');
			await s.page.getByRole('heading', { level: 2, name: 'Organisationen auf dieser Plattform' }).waitFor();
		});
	});
});
