/**
 * Legal pages and the organisation's identity (issue 17), end to end. At 1280 px with JavaScript
 * the demo owner edits the Impressum and the accent colour; an unreadable colour, an SVG and a
 * too-large logo are refused in German and change nothing. At 375 px without JavaScript a visitor
 * sees the logo, the colour and the footer links on the organisation's public page, reads its
 * legal pages, and finds the same footer links and logo in its catalogue, around a questionnaire
 * and on a Werkstatt's phone page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { apiJson, createApiToken, login } from './support/http';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const SLUG = 'stadt-altenburg-demo';
const SETTINGS = '/app/einstellungen/auftritt';
const IMPRESSUM = `## Angaben gemäß § 5 DDG

${demo.orgName}
Markt 1, 04600 Altenburg

## Kontakt

Telefon: 03447 594-0
E-Mail: impressum-e2e@altenburg-demo.example`;

let link = '';
let werkstatt = '';
const WERKSTATT = 'Werkstatt mit Impressum';

beforeAll(async () => {
	const cookie = await login(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
	const token = await createApiToken(demo.url, cookie, 'E2E Rechtstexte');
	const api = <T>(path: string, body?: unknown) => apiJson<T>(demo.url, token, body === undefined ? 'GET' : 'POST', `/api/v1${path}`, body);
	const { frameworks } = await api<{ frameworks: { id: string; shipped: boolean }[] }>('/frameworks');
	const { id } = await api<{ id: string }>('/studies', { title: 'Befragung mit Impressum', frameworkId: frameworks.find((f) => f.shipped)!.id, competences: ['A1.1'] });
	await api(`/studies/${id}/status`, { status: 'open' });
	const created = await api<{ links: string[] }>(`/studies/${id}/invitations`, { group: 'verwaltung', count: 1 });
	link = new URL(created.links[0]).pathname;
	werkstatt = (await api<{ code: string }>('/werkstaetten', { title: WERKSTATT })).code;
}, 120_000);

describe('legal pages and identity', () => {
	test('the owner edits the Impressum and the colour at 1280 px; bad input is refused in German and changes nothing', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 1280, javaScriptEnabled: true }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.visit('/app/einstellungen', { heading: 'Einstellungen' });
			await s.follow(s.link('Auftritt und Rechtstexte'), { path: SETTINGS, heading: 'Auftritt und Rechtstexte', screenshot: 'auftritt' });

			// An unreadable colour: refused with the contrast reached and a readable shade; the old colour stays.
			await s.field('Akzentfarbe').fill('#ffff00');
			await s.submit(s.button('Name und Farbe speichern'), { status: 422, screenshot: 'auftritt-farbe-abgelehnt' });
			await s.page.getByText(/Diese Farbe ist zu hell: .* nötig sind mindestens 4,5:1 \(WCAG\)/).first().waitFor();
			await s.visit(SETTINGS);
			expect(await s.field('Akzentfarbe').inputValue()).toBe('#1a4d8f');
			await s.field('Akzentfarbe').fill('#7a1f5c');
			await s.submit(s.button('Name und Farbe speichern'));
			await s.page.getByText('Gespeichert.').waitFor();

			// An SVG (even named .png) and a logo over 500 KB are refused; the demo logo stays.
			const before = await s.page.locator('.logo-preview img').getAttribute('src');
			await s.field('Bilddatei').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
			await s.submit(s.button('Logo hochladen'), { status: 422, screenshot: 'auftritt-svg-abgelehnt' });
			await s.page.getByText('Bitte laden Sie das Logo als PNG, JPEG oder WebP hoch.', { exact: false }).first().waitFor();
			const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
			await s.field('Bilddatei').setInputFiles({ name: 'gross.png', mimeType: 'image/png', buffer: Buffer.concat([png, Buffer.alloc(600 * 1024)]) });
			await s.submit(s.button('Logo hochladen'), { status: 413 });
			await s.page.getByText('erlaubt sind höchstens 500 KB', { exact: false }).first().waitFor();
			await s.visit(SETTINGS);
			expect(await s.page.locator('.logo-preview img').getAttribute('src')).toBe(before);

			// A complete Impressum is shown publicly, in the new colour.
			await s.field('Text: Impressum').fill(IMPRESSUM);
			await s.submit(s.button('Impressum speichern'));
			await s.page.getByText('Impressum ist gespeichert.').waitFor();
			await s.page.getByText('Vollständig ausgefüllt – öffentlich sichtbar.').first().waitFor();
			await s.visit(`/o/${SLUG}/impressum`, { heading: 'Impressum', screenshot: 'impressum' });
			await s.page.getByText('impressum-e2e@altenburg-demo.example', { exact: false }).waitFor();
			const linkColour = await s.page.locator('.legal-links a').first().evaluate((a) => getComputedStyle(a).color);
			expect(linkColour).toBe('rgb(122, 31, 92)');

			// Back to the demo's colour for the other journeys.
			await s.visit(SETTINGS);
			await s.field('Akzentfarbe').fill('#1a4d8f');
			await s.submit(s.button('Name und Farbe speichern'));
		});
	});

	test('at 375 px without JavaScript the public pages and a questionnaire show the logo and the footer links', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await s.visit(`/o/${SLUG}`, { screenshot: 'organisation-mit-logo' });
			await s.page.locator(`.org-band img[src^="/o/${SLUG}/logo"]`).waitFor();
			const footer = s.page.getByRole('navigation', { name: /^Rechtliches von / });
			await footer.getByRole('link', { name: 'Datenschutz' }).waitFor();
			await s.follow(footer.getByRole('link', { name: 'Barrierefreiheit' }), { path: `/o/${SLUG}/barrierefreiheit`, heading: 'Erklärung zur Barrierefreiheit', screenshot: 'barrierefreiheit' });
			await s.page.getByText('teilweise vereinbar', { exact: false }).first().waitFor();
			await s.page.getByText('Schlichtungsverfahren', { exact: false }).first().waitFor();
			await s.follow(s.page.getByRole('navigation', { name: /^Rechtliches von / }).getByRole('link', { name: 'Datenschutz' }), { path: `/o/${SLUG}/datenschutz`, heading: 'Datenschutzerklärung' });

			// Its catalogue and a module's page: the same logo and footer links.
			await s.visit(`/katalog?org=${SLUG}`, { heading: 'Fortbildungskatalog' });
			await s.page.locator(`.org-band img[src^="/o/${SLUG}/logo"]`).waitFor();
			await s.follow(s.link('Macht Stadt gemeinsam!').first(), { path: /^\/katalog\/[0-9a-f-]{36}$/, heading: 'Macht Stadt gemeinsam!', screenshot: 'katalog-modul-mit-impressum' });
			await s.page.getByRole('navigation', { name: /^Rechtliches von / }).getByRole('link', { name: 'Impressum' }).waitFor();

			// The questionnaire: the organisation's logo and name above, its legal pages below.
			await s.visit(link, { screenshot: 'fragebogen-mit-impressum' });
			await s.page.locator(`.org-band img[src^="/o/${SLUG}/logo"]`).waitFor();
			await s.follow(s.page.getByRole('navigation', { name: /^Rechtliches von / }).getByRole('link', { name: 'Impressum' }), { path: `/o/${SLUG}/impressum`, heading: 'Impressum' });

			// A Werkstatt on the phone: the organisation's logo above, its legal pages below, not the operator's.
			await s.visit(`/w/${werkstatt}`, { heading: WERKSTATT, screenshot: 'werkstatt-mit-impressum' });
			await s.page.locator(`.org-band img[src^="/o/${SLUG}/logo"]`).waitFor();
			await s.follow(s.page.getByRole('navigation', { name: /^Rechtliches von / }).getByRole('link', { name: 'Impressum' }), { path: `/o/${SLUG}/impressum`, heading: 'Impressum' });
		});
	});
});
