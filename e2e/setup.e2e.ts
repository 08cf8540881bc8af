/**
 * First start without demo data (STADTWISSEN_DEMO=0): the front page sends the visitor to
 * /einrichten, which creates the first organisation and its owner. One fresh server per width.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { e2eContext } from './support/context';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { setupUrls } = e2eContext();

const LABELS = {
	orgName: 'Name der Organisation (z. B. Stadt Musterstadt)',
	name: 'Ihr Name',
	email: 'Ihre E-Mail-Adresse',
	password: 'Passwort (mindestens 10 Zeichen)',
	passwordRepeat: 'Passwort wiederholen'
} as const;
type FieldName = keyof typeof LABELS;

/** The error summary is announced, has the focus and links each message to its field. */
async function expectErrorSummary(s: BrowserSession, errors: Partial<Record<FieldName, string>>): Promise<void> {
	const summary = s.page.getByRole('alert');
	await summary.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Eingaben' }).waitFor();
	await expect.poll(() => s.page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false), { message: 'error summary has the focus' }).toBe(true);
	const links = summary.getByRole('link');
	const expected = Object.entries(errors).map(([field, message]) => ({ text: `${LABELS[field as FieldName]}: ${message}`, href: `#field-${field}` }));
	const shown = await links.evaluateAll((as) => as.map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute('href') })));
	expect(shown).toEqual(expected);
}

/** Each field with an error is marked invalid and its German message is tied to it via aria-describedby. */
async function expectFieldErrors(s: BrowserSession, errors: Partial<Record<FieldName, string>>): Promise<void> {
	for (const field of Object.keys(LABELS) as FieldName[]) {
		const input = s.field(LABELS[field]);
		const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
		const message = errors[field];
		if (!message) {
			expect(await input.getAttribute('aria-invalid'), `${field} is not marked invalid`).toBeNull();
			continue;
		}
		expect(await input.getAttribute('aria-invalid'), `${field} is marked invalid`).toBe('true');
		const ids = describedBy.split(/\s+/).filter(Boolean);
		expect(ids.length, `${field} has aria-describedby`).toBeGreaterThan(0);
		const description = await s.page.evaluate((list) => list.map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`).join(' '), ids);
		expect(description, `description of ${field}`).toBe(message);
	}
}

describe.each(WIDTHS)('at %i px', (width) => {
	test('setup: German errors tied to their fields, then the new owner lands in /app', { timeout: JOURNEY_TIMEOUT }, async () => {
		const orgName = `Stadt Musterstadt ${width}`;
		await journey(browser(), { baseUrl: setupUrls[String(width)], width }, async (s) => {
			await s.visit('/', { path: '/einrichten', heading: 'Stadtwissen einrichten', screenshot: 'einrichten' });
			expect(await s.lang()).toBe('de');

			// 1. Empty form.
			await s.submit(s.button('Einrichten'), { path: '/einrichten', status: 422, heading: 'Stadtwissen einrichten', screenshot: 'einrichten-fehler' });
			const emptyErrors = {
				orgName: 'Der Name der Organisation muss mindestens 2 Zeichen lang sein.',
				name: 'Bitte geben Sie Ihren Namen ein.',
				email: 'Bitte geben Sie eine E-Mail-Adresse ein.',
				password: 'Das Passwort muss mindestens 10 Zeichen lang sein.'
			};
			await expectErrorSummary(s, emptyErrors);
			await expectFieldErrors(s, emptyErrors);

			// 2. Passwords that differ: only that message; what was typed is kept, passwords are not.
			await s.field(LABELS.orgName).fill(orgName);
			await s.field(LABELS.name).fill('Erika Mustermann');
			await s.field(LABELS.email).fill(`Erika.Mustermann@musterstadt-${width}.example`);
			await s.field(LABELS.password).fill('ein-sicheres-Passwort');
			await s.field(LABELS.passwordRepeat).fill('ein-anderes-Passwort');
			await s.submit(s.button('Einrichten'), { path: '/einrichten', status: 422, heading: 'Stadtwissen einrichten' });
			const mismatch = { passwordRepeat: 'Die beiden Passwörter stimmen nicht überein.' };
			await expectErrorSummary(s, mismatch);
			await expectFieldErrors(s, mismatch);
			expect(await s.field(LABELS.orgName).inputValue()).toBe(orgName);
			expect(await s.field(LABELS.email).inputValue()).toBe(`Erika.Mustermann@musterstadt-${width}.example`);
			expect(await s.field(LABELS.password).inputValue()).toBe('');

			// 3. Valid.
			await s.field(LABELS.password).fill('ein-sicheres-Passwort');
			await s.field(LABELS.passwordRepeat).fill('ein-sicheres-Passwort');
			await s.submit(s.button('Einrichten'), { path: '/app', heading: 'Willkommen, Erika Mustermann', screenshot: 'app-start' });
			await s.page.getByText(`Sie arbeiten in ${orgName} als Inhaber*in.`).waitFor();
			expect(await s.link('Einstellungen').getAttribute('aria-current')).toBeNull();
			expect(await s.link('Start').getAttribute('aria-current')).toBe('page');

			// Setup is closed now; the new organisation is on the front page.
			await s.visit('/einrichten', { path: '/app', heading: 'Willkommen, Erika Mustermann' });
			await s.visit('/', { heading: 'Stadtwissen' });
			expect(await s.link(orgName).count()).toBe(1);
			expect(await s.link('Zum Arbeitsbereich').count()).toBe(1);
		});
	});
});
