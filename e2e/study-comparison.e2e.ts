/**
 * "Was hat sich verändert?" in the browser (issue 15, closing the loop): on the results page of
 * the demo's follow-up study an organiser chooses the first demo study, reads the clear changes
 * as sentences — the competences of the seed module are rated better mastered — switches to one
 * group and opens the table of all compared questions. Wissenschaft, below k in both studies,
 * shows no figure at all. With and without JavaScript; axe on every page.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const BASE_TITLE = 'Wissensbedarf Altenburg 2027';
const FOLLOW_UP_TITLE = 'Wissensbedarf Altenburg 2029 – Folgebefragung';

describe('comparison with an earlier study', () => {
	for (const [width, javaScriptEnabled] of [[1280, true], [375, false]] as const) {
		test(`an organiser sees what changed since the first study (${width} px, JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, { timeout: JOURNEY_TIMEOUT }, async () => {
			await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
				await logIn(s, demo.accounts.organiser.email, demo.accounts.organiser.password);
				await s.visit('/app/analysen', { heading: 'Wissensbedarfsanalysen' });
				const study = await s.link(FOLLOW_UP_TITLE).first().getAttribute('href');
				expect(study).toMatch(/^\/app\/analysen\/[0-9a-f-]{36}$/);
				await s.visit(`${study}/ergebnisse`, { heading: `Ergebnisse: ${FOLLOW_UP_TITLE}` });
				const section = s.page.locator('section[aria-labelledby="vergleich"]');
				/** Opens the table of all compared questions (it may still be open after a client-side navigation). */
				const openAll = async () => {
					const details = section.locator('details.results-comparison-all');
					expect(await details.locator('summary').textContent()).toMatch(/^Alle \d+ verglichenen Fragen mit Zahlen$/);
					if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator('summary').click();
				};
				await section.getByRole('heading', { name: 'Vergleich mit früherer Analyse' }).waitFor();
				await section.getByLabel('Frühere Analyse').selectOption({ label: BASE_TITLE });
				await section.getByRole('button', { name: 'Vergleichen' }).click();
				await s.arrived({ path: /vergleich=/ });

				await section.getByRole('heading', { name: 'Deutliche Veränderungen (Alle Gruppen)' }).waitFor();
				const findings = await section.locator('.results-comparison-findings li').allTextContents();
				expect(findings.some((f) => /^Die Kompetenz „Gemeinwohl verstehen“ wird von allen Gruppen zusammen besser eingeschätzt als in „Wissensbedarf Altenburg 2027“: \d,\d → \d,\d, Unterschied groß \(p < 0,001\)\.$/.test(f)), findings.join('\n')).toBe(true);

				const groups = await section.getByLabel('Gruppe', { exact: true }).locator('option').allTextContents();
				expect(groups).toContain('Verwaltung');
				await section.getByLabel('Gruppe', { exact: true }).selectOption({ label: 'Verwaltung' });
				await section.getByRole('button', { name: 'Vergleichen' }).click();
				await s.arrived({ path: /vergleich-gruppe=verwaltung/ });
				await section.getByRole('heading', { name: 'Deutliche Veränderungen (Verwaltung)' }).waitFor();
				await openAll();
				const table = section.getByRole('table', { name: 'Alle verglichenen Fragen, Verwaltung: größte Unterschiede zuerst' });
				await table.waitFor();
				const firstRow = table.locator('tbody tr').first();
				expect(await firstRow.getByRole('rowheader').textContent()).toMatch(/^A\d\.\d /);
				expect(await firstRow.locator('td').nth(4).textContent()).toBe('groß');
				// Wissenschaft is below k in both studies: chosen, it shows no figure at all.
				await section.getByLabel('Gruppe', { exact: true }).selectOption({ label: 'Wissenschaft' });
				await section.getByRole('button', { name: 'Vergleichen' }).click();
				await s.arrived({ path: /vergleich-gruppe=wissenschaft/ });
				await section.getByText('Für Wissenschaft ist keine Veränderung zugleich mindestens klein und statistisch gesichert (p < 0,05).').waitFor();
				await openAll();
				const cells = await section.getByRole('table').locator('tbody td[colspan="5"]').allTextContents();
				expect(cells.length).toBeGreaterThan(0);
				expect(new Set(cells)).toEqual(new Set(['ausgeblendet']));
			});
		});
	}
});
