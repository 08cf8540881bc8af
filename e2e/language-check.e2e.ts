/**
 * An organiser improves an invitation with the comprehensibility check: pastes it, sees the
 * highlighted findings and the scores, rewrites it and sees a better score — live with JavaScript,
 * and by form post without.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { e2eContext } from './support/context';
import { expectErrorSummary, logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const organiser = demo.accounts.organiser;

const OFFICIAL =
	'Im Rahmen der Umsetzung des ISEK wird hinsichtlich der Durchführung der Bürgerbeteiligung zu einer Informationsveranstaltung eingeladen, in welcher die Planungen seitens der Verwaltung zur Kenntnis gebracht werden. Eine Anmeldung ist bis zum 12. März erforderlich.';
const PLAIN =
	'Wir planen die Zukunft der Altstadt. Dafür laden wir Sie ein. Wir zeigen Ihnen unsere Pläne am 12. März im Rathaus. Sagen Sie uns Ihre Meinung. Bitte melden Sie sich vorher an.';

/** The Flesch value from the scores table, e.g. "12,3" → 12.3. */
async function flesch(s: BrowserSession): Promise<number> {
	const cell = s.page.getByRole('row', { name: /Flesch-Lesbarkeitsindex/ }).getByRole('cell').first();
	return Number((await cell.textContent())!.trim().replace('−', '-').replace(',', '.'));
}

describe.each(WIDTHS)('at %i px', (width) => {
	test('an organiser pastes an invitation, sees highlights, rewrites it and gets a better score (live)', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await s.visit('/anmelden', { heading: 'Anmelden' });
			await logIn(s, organiser.email, organiser.password);
			if (width === 375) await s.page.getByRole('navigation', { name: 'Hauptnavigation' }).scrollIntoViewIfNeeded();
			await s.follow(s.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verständlichkeit' }), { path: '/app/sprache', heading: 'Verständlichkeit prüfen' });

			await s.field('Ihr Text').fill(OFFICIAL);
			const summary = s.page.getByRole('region', { name: 'Was Sie zuerst ändern sollten' });
			await summary.getByText('Lange Sätze teilen.').waitFor();
			const before = await flesch(s);
			expect(before).toBeLessThan(40);
			await s.page.getByRole('row', { name: /Flesch-Lesbarkeitsindex/ }).getByText('schwer verständlich', { exact: true }).waitFor();
			// Highlights with numbered references that lead to the explanation.
			expect(await s.page.locator('.highlighted mark').count()).toBeGreaterThan(3);
			// ISEK is in the demo organisation's agreed glossary: the check explains it as agreed there.
			const explanation = s.page.locator('ol.findings li').filter({ hasText: 'Fachwort „ISEK“: Nicht alle kennen es.' });
			await explanation.getByText(/wie es im Glossar abgestimmt ist: Ein Plan, in dem eine Stadt ihre Ziele/).waitFor();
			const target = `#${await explanation.getAttribute('id')}`;
			await s.page.locator(`.highlighted a[href="${target}"]`).click();
			await expect.poll(() => new URL(s.page.url()).hash).toBe(target);
			await s.page.locator('ol.findings').getByText('Passiv: „wird … eingeladen“. Wer handelt, bleibt offen.').waitFor();
			await s.arrived({ screenshot: 'sprache-vorher' });

			await s.field('Ihr Text').fill(PLAIN);
			await summary.getByText('Keine Hinweise. Der Text ist klar geschrieben.').waitFor();
			const after = await flesch(s);
			expect(after).toBeGreaterThan(before + 40);
			await s.page.getByRole('row', { name: /Flesch-Lesbarkeitsindex/ }).getByText('leicht verständlich', { exact: true }).waitFor();
			expect(await s.page.locator('.highlighted mark').count()).toBe(0);
			await s.arrived({ screenshot: 'sprache-nachher' });

			await s.page.getByLabel(/Regeln der Leichten Sprache/).check();
			await s.field('Ihr Text').fill(`${PLAIN} Kommen Sie nicht zu spät.`);
			await s.page.locator('ol.findings').getByText('Leichte Sprache: Verneinung „nicht“.').waitFor();

			// The same check as a hint beside the module description; it never stands in the way of saving.
			if (width === 1280) {
				await s.visit('/app/katalog/neu');
				const hint = s.page.locator('details.text-check-hint');
				await s.field(/^Beschreibung/).fill(OFFICIAL);
				await hint.locator('summary').getByText(/schwer verständlich · \d+ Hinweise/).waitFor();
				await hint.locator('summary').click();
				await hint.locator('ol.findings').getByText('Fachwort „ISEK“: Nicht alle kennen es.').waitFor();
				await s.arrived({ screenshot: 'sprache-hinweis-modul' });
			}
		});
	});
});

test('without JavaScript the form post shows the same check, and an empty text gets a German message', { timeout: JOURNEY_TIMEOUT }, async () => {
	await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
		await s.visit('/anmelden', { heading: 'Anmelden' });
		await logIn(s, organiser.email, organiser.password);
		await s.visit('/app/sprache', { heading: 'Verständlichkeit prüfen' });
		await s.submit(s.button('Text prüfen'), { status: 422, heading: 'Verständlichkeit prüfen' });
		await expectErrorSummary(s, ['Ihr Text: Bitte geben Sie einen Text ein.']);

		await s.field('Ihr Text').fill('Kommen Sie nicht zu spät. Die Einladung wird morgen verschickt.');
		await s.page.getByLabel(/Regeln der Leichten Sprache/).check();
		await s.submit(s.button('Text prüfen'), { heading: 'Verständlichkeit prüfen', screenshot: 'sprache-ohne-js' });
		await s.page.locator('ol.findings').getByText('Leichte Sprache: Verneinung „nicht“.').waitFor();
		await s.page.locator('ol.findings').getByText('Passiv: „wird … verschickt“. Wer handelt, bleibt offen.').waitFor();
		expect(await s.field('Ihr Text').inputValue()).toBe('Kommen Sie nicht zu spät. Die Einladung wird morgen verschickt.');
		expect(await s.page.getByLabel(/Regeln der Leichten Sprache/).isChecked()).toBe(true);
	});
});
