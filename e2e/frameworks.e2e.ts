/** An organiser adapts the Charter framework in the browser, publishes it, and imports a file. */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const owner = demo.accounts.owner;
/** The template's name; a second copy in the same organisation is called "… (Kopie 2)". */
const COPY = /^Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta( \(Kopie \d+\))?$/;

describe.each(WIDTHS)('at %i px', (width) => {
	test('adopt the template, edit a competence in both languages, reorder, publish, and filter the public page', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await s.visit('/anmelden', { heading: 'Anmelden' });
			await logIn(s, owner.email, owner.password);
			await s.follow(s.page.getByRole('navigation').getByRole('link', { name: 'Kompetenzrahmen' }), { path: '/app/kompetenzrahmen', heading: 'Kompetenzrahmen', screenshot: 'rahmen-liste' });
			await s.submit(s.button('Als eigenen Rahmen übernehmen').first(), { path: /^\/app\/kompetenzrahmen\/[0-9a-f-]{36}$/, heading: COPY, screenshot: 'rahmen-detail' });
			const frameworkPath = s.path;
			await s.page.getByText('Version 1, Entwurf').first().waitFor();

			await s.visit(`${frameworkPath}/kompetenz/A1.1`, { heading: 'Kompetenz A1.1 bearbeiten', screenshot: 'rahmen-kompetenz' });
			await s.field('Titel (Deutsch)').fill('');
			await s.submit(s.button('Speichern'), { status: 422, heading: 'Kompetenz A1.1 bearbeiten' });
			await s.page.getByRole('alert').getByText('Titel (Deutsch): Bitte geben Sie den deutschen Titel ein.').waitFor();
			await s.field('Titel (Deutsch)').fill('Gemeinwohl zuerst denken');
			await s.field('Titel (Englisch)').fill('Putting the common good first');
			await s.page.getByLabel('Beteiligung und Koproduktion (P3)').check();
			await s.submit(s.button('Speichern'), { path: `${frameworkPath}?gespeichert=1`, heading: COPY });
			const a1 = s.page.locator('#item-A1\\.1');
			await a1.getByText('Gemeinwohl zuerst denken').waitFor();
			await a1.getByText('Putting the common good first').waitFor();
			await a1.getByText('P3 Beteiligung und Koproduktion').waitFor();

			await s.submit(s.button('A1.2 nach oben'), { path: `${frameworkPath}?gespeichert=1` });
			const order = await s.page.locator('#item-A1 .competence').evaluateAll((items) => items.map((item) => item.id));
			expect(order.slice(0, 2)).toEqual(['item-A1.2', 'item-A1.1']);

			await s.submit(s.button('Version veröffentlichen'), { path: `${frameworkPath}?veroeffentlicht=1` });
			await s.page.getByText('Version 1 ist veröffentlicht.').waitFor();

			const id = frameworkPath.split('/').at(-1)!;
			await s.visit('/o/stadt-altenburg-demo', { heading: 'Stadt Altenburg (Demo)' });
			await s.visit(`/o/stadt-altenburg-demo/kompetenzrahmen/${id}?grundsatz=P3`, { heading: COPY, screenshot: 'rahmen-oeffentlich' });
			await s.page.getByText(/\d+ Kompetenzen passen zum Filter\./).waitFor();
			await s.page.getByText('Gemeinwohl zuerst denken').waitFor();
		});
	});
});

describe('import', () => {
	test('a broken file names each bad line and saves nothing; a good file shows a preview first', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375 }, async (s) => {
			await s.visit('/anmelden', { heading: 'Anmelden' });
			await logIn(s, owner.email, owner.password);
			await s.visit('/app/kompetenzrahmen/import', { heading: 'Kompetenzrahmen importieren' });
			const broken = '\uFEFFcode;area;title_de;title_en;description_de;description_en;tags\nX1.1;X1;;Title;;;P1\nX1.2;X1;Zweiter Titel;;;;P9\n';
			await s.page.getByLabel('Tabelle (CSV aus Excel oder LibreOffice)').check();
			await s.page.getByLabel('Datei (höchstens 5 MB)').setInputFiles({ name: 'kaputt.csv', mimeType: 'text/csv', buffer: Buffer.from(broken, 'utf8') });
			await s.submit(s.button('Datei prüfen'), { status: 422, heading: 'Kompetenzrahmen importieren', screenshot: 'rahmen-import-fehler' });
			const alert = s.page.getByRole('alert');
			await alert.getByRole('heading', { name: 'Die Datei enthält Fehler' }).waitFor();
			// Said once, not in the heading and again in the message.
			expect(((await alert.textContent()) ?? '').split('Es wurde nichts gespeichert').length - 1).toBe(1);
			expect(await alert.getByText(/^Zeile 2/).count()).toBeGreaterThan(0);
			expect(await alert.getByText(/^Zeile 3/).count()).toBeGreaterThan(0);

			// The Moodle language field shows for the Moodle format only (with JavaScript).
			expect(await s.page.getByLabel('Sprache der Moodle-Datei').count()).toBe(0);
			await s.page.getByLabel('Moodle-Kompetenzrahmen (CSV)').check();
			await s.page.getByLabel('Sprache der Moodle-Datei').waitFor();
			const good = '\uFEFFcode;area;title_de;title_en;description_de;description_en;tags\nX1;;Zusammenarbeit;Cooperation;;;\nX1.1;X1;Mit Stadtmacher*innen arbeiten;Working with city makers;Sie planen gemeinsam.;You plan together.;P3 city skill\n';
			await s.page.getByLabel('Tabelle (CSV aus Excel oder LibreOffice)').check();
			await s.page.getByLabel('Datei (höchstens 5 MB)').setInputFiles({ name: 'gut.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
			await s.submit(s.button('Datei prüfen'), { path: /^\/app\/kompetenzrahmen\/import\/[0-9a-f-]{36}$/, heading: /^Vorschau: /, screenshot: 'rahmen-import-vorschau' });
			await s.page.getByText('Mit Stadtmacher*innen arbeiten').waitFor();
			await s.submit(s.button('Import bestätigen'), { path: /^\/app\/kompetenzrahmen\/[0-9a-f-]{36}$/ });
			await s.page.getByText('Mit Stadtmacher*innen arbeiten').waitFor();
		});
	});
});
