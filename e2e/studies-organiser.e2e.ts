/**
 * Wissensbedarfsanalyse, organiser side: an organiser creates a study (after a German error for a
 * missing title), opens it after a confirmation, creates three links for Verwaltung, downloads
 * them as CSV and as a printable PDF, confirms the hand-out and looks at the questionnaire.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { download } from './support/downloads';
import { expectErrorSummary, logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const organiser = demo.accounts.organiser;
const STUDY_PAGE = /^\/app\/analysen\/[0-9a-f-]{36}(\?.*)?$/;

describe.each(WIDTHS)('at %i px', (width) => {
	test('an organiser creates and opens a study, then hands out three links for Verwaltung', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
		// Twice the usual time: the settings form is long (axe checks every competence's checkbox) and the journey visits a dozen pages.
		const title = `Welches Wissen braucht Altenburg? (${width} px)`;
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await logIn(s, organiser.email, organiser.password);
			await s.follow(s.link('Analysen'), { path: '/app/analysen', heading: 'Wissensbedarfsanalysen', screenshot: 'analysen' });
			await s.follow(s.link('Neue Analyse'), { path: '/app/analysen/neu', heading: 'Neue Analyse', screenshot: 'analyse-neu' });

			// The defaults are filled in: every competence, three horizons, six groups, k = 5.
			await s.page.getByText(/^(\d+) von \1 Kompetenzen ausgewählt$/).waitFor();
			expect(await s.field('Mindestgröße einer Gruppe').inputValue()).toBe('5');
			expect(await s.field('Gruppen, eine pro Zeile').inputValue()).toContain('verwaltung: Verwaltung\npolitik: Kommunalpolitik');

			// Without a title the form says so in German and keeps what was chosen.
			await s.submit(s.button('Als Entwurf speichern'), { path: '/app/analysen/neu', status: 422, heading: 'Neue Analyse' });
			await expectErrorSummary(s, ['Titel: Der Titel muss mindestens 3 Zeichen lang sein.']);

			await s.field('Titel').fill(title);
			await s.field('Einleitung für Teilnehmende (optional)').fill('Ihre Einschätzung hilft uns, Fortbildungen zu planen.');
			// One area less: untick its "whole area" box.
			await s.page.getByRole('group', { name: /^A8 / }).getByLabel('Ganzer Bereich').uncheck();
			await s.submit(s.button('Als Entwurf speichern'), { path: STUDY_PAGE, heading: title, screenshot: 'analyse-entwurf' });
			await s.page.getByRole('status').getByText('Die Analyse ist als Entwurf gespeichert.').waitFor();
			await s.page.getByText('Entwurf', { exact: true }).waitFor();
			const studyPath = new URL(s.page.url()).pathname;
			const competenceCount = await s.page.getByText(/^\d+ ausgewählt/).textContent();
			expect(competenceCount).not.toMatch(/^43 /);

			// Opening asks first, in plain German.
			await s.follow(s.link('Analyse öffnen'), { path: `${studyPath}?bestaetigen=open`, heading: title, screenshot: 'analyse-oeffnen' });
			await s.page.getByRole('heading', { name: 'Analyse jetzt öffnen?' }).waitFor();
			await s.submit(s.button('Ja, jetzt öffnen'), { path: `${studyPath}?hinweis=open`, heading: title });
			await s.page.getByRole('status').getByText('Die Analyse ist geöffnet.').waitFor();
			await s.page.locator('.study-status-open').getByText('offen').waitFor();

			// Three links for Verwaltung.
			await s.page.getByLabel('Gruppe', { exact: true }).first().selectOption({ label: 'Verwaltung' });
			await s.field('Anzahl der Links (1 bis 5.000)').fill('3');
			await s.submit(s.button('Links erzeugen'), { path: new RegExp(`^${studyPath}\\?hinweis=batch&stapel=[0-9a-f-]{36}$`), heading: title, screenshot: 'analyse-links' });
			await s.page.getByRole('status').getByText('Die Links sind erzeugt.').waitFor();
			await s.page.getByText('Verwaltung: 3 Links').waitFor();
			const verwaltung = s.page.getByRole('row', { name: /^Verwaltung / });
			expect((await verwaltung.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual(['3', '0', '0']);

			const csv = await download(s, 'Tabelle herunterladen (CSV) – Verwaltung');
			expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const rows = csv.toString('utf8').slice(1).split('\r\n');
			expect(rows[0]).toBe('Nr.;Gruppe;Link');
			const links = rows.slice(1, 4).map((row, i) => {
				const [number, group, link] = row.split(';');
				expect([number, group]).toEqual([String(i + 1), 'Verwaltung']);
				expect(link).toMatch(new RegExp(`^${demo.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/t/[A-Za-z0-9_-]{43}$`));
				return link;
			});
			expect(new Set(links).size).toBe(3);
			expect(rows.slice(4)).toEqual(['']);

			const pdf = await download(s, 'Zettel zum Ausdrucken (PDF) – Verwaltung');
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

			// After confirming the hand-out, the links cannot be shown again.
			await s.follow(s.link('Ausgabe bestätigen – Verwaltung'), { path: /\?ausgabe=[0-9a-f-]{36}$/, heading: title });
			await s.page.getByRole('heading', { name: 'Ausgabe bestätigen?' }).waitFor();
			await s.submit(s.button('Ja, die Links sind ausgegeben'), { path: /\?hinweis=handedOut&stapel=[0-9a-f-]{36}$/, heading: title });
			await s.page.getByText(/^Ausgabe bestätigt am \d{2}\.\d{2}\.\d{4}\. Die Links sind gelöscht\.$/).waitFor();
			expect(await s.link('Tabelle herunterladen (CSV) – Verwaltung').count()).toBe(0);

			await s.follow(s.link('Fragebogen ansehen').first(), { path: `${studyPath}/fragebogen`, heading: `Fragebogen: ${title}` });
			await s.page.getByRole('heading', { name: 'A1 Gemeinwohl und öffentliche Werte' }).waitFor();
			expect(await s.page.getByRole('heading', { name: /^A8 / }).count()).toBe(0);
			await s.page.getByText('Wie gut kann die Verwaltung das heute?').first().waitFor();

			await s.follow(s.link(/Zurück zur Analyse$/), { path: studyPath, heading: title });
			await s.follow(s.link(/Alle Analysen$/), { path: '/app/analysen', heading: 'Wissensbedarfsanalysen' });
			const card = s.page.getByRole('listitem').filter({ hasText: title });
			await card.getByText('offen', { exact: true }).waitFor();
			await card.getByText('Runde 1 von 1').waitFor();
		});
	});
});
