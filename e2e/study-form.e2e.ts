/**
 * The new study form's choice of framework (issue 17): the framework is chosen in its own step, the
 * framework shown is the one saved, options name version and status, and a template adopted twice
 * gives two frameworks one can tell apart. At 1280 and 375 px; without JavaScript at 375 px too.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const organiser = demo.accounts.organiser;
const TEMPLATE = 'Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta';
const STUDY_PAGE = /^\/app\/analysen\/[0-9a-f-]{36}(\?.*)?$/;

const cases = [...WIDTHS.map((width) => ({ width, javaScriptEnabled: true })), { width: 375 as const, javaScriptEnabled: false }];

describe.each(cases)('at $width px (JavaScript: $javaScriptEnabled)', ({ width, javaScriptEnabled }) => {
	test('the framework is chosen in one honest step and the study is saved with the framework shown', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await logIn(s, organiser.email, organiser.password);

			// Adopting the template twice gives two frameworks with different names.
			await s.visit('/app/kompetenzrahmen', { heading: 'Kompetenzrahmen' });
			await s.submit(s.button('Als eigenen Rahmen übernehmen').first(), { path: /^\/app\/kompetenzrahmen\/[0-9a-f-]{36}$/ });
			const first = (await s.page.getByRole('heading', { level: 1 }).textContent())!.trim();
			await s.visit('/app/kompetenzrahmen', { heading: 'Kompetenzrahmen' });
			await s.submit(s.button('Als eigenen Rahmen übernehmen').first(), { path: /^\/app\/kompetenzrahmen\/[0-9a-f-]{36}$/ });
			const second = (await s.page.getByRole('heading', { level: 1 }).textContent())!.trim();
			expect(second).not.toBe(first);
			expect(second).toMatch(/^Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta \(Kopie \d+\)$/);

			// The form names the framework its competences come from; no select that could say otherwise.
			await s.visit('/app/analysen/neu', { heading: 'Neue Analyse', screenshot: 'analyse-neu-rahmen' });
			const shown = s.page.locator('#field-frameworkId');
			expect((await shown.textContent())!.replace(/\s+/g, ' ')).toContain(`Kompetenzrahmen: ${second} – Version 1, Entwurf`);
			expect(await s.page.locator('[name="rahmen"]').count()).toBe(0);
			expect(await s.page.getByText('lädt die Seite neu').count()).toBe(0);

			// Step 1 on its own: every option says name, version and status, and no two read the same.
			await s.follow(s.link('Anderen Rahmen wählen'), { path: /^\/app\/analysen\/neu\?rahmen-waehlen/, heading: 'Neue Analyse', screenshot: 'analyse-neu-rahmen-waehlen' });
			expect(await s.button('Als Entwurf speichern').count()).toBe(0);
			const choices = s.page.getByRole('group', { name: 'Kompetenzrahmen' }).locator('label');
			const labels = (await choices.allTextContents()).map((label) => label.replace(/\s+/g, ' ').trim());
			expect(labels.length).toBeGreaterThanOrEqual(3);
			for (const label of labels) expect(label).toMatch(/ – Version \d+, (Entwurf|veröffentlicht)/);
			expect(new Set(labels).size).toBe(labels.length);
			await s.page.getByRole('radio', { name: `${TEMPLATE} – Version 1, veröffentlicht (Vorlage von Stadtwissen)` }).check();
			await s.follow(s.button('Weiter mit diesem Rahmen'), { path: /^\/app\/analysen\/neu\?rahmen=[0-9a-f-]{36}$/, heading: 'Neue Analyse' });
			expect((await shown.textContent())!.replace(/\s+/g, ' ')).toContain(`Kompetenzrahmen: ${TEMPLATE} – Version 1, veröffentlicht (Vorlage von Stadtwissen)`);

			// Saving uses the framework shown.
			const title = `Rahmenwahl im Browsertest (${width} px, JS ${javaScriptEnabled ? 'an' : 'aus'})`;
			await s.field('Titel').fill(title);
			await s.submit(s.button('Als Entwurf speichern'), { path: STUDY_PAGE, heading: title });
			await s.page.getByText(`${TEMPLATE}, Version 1`, { exact: true }).waitFor();
		});
	});
});
