/** Page objects: the steps journeys share, written the way a user does them. */
import { expect } from 'vitest';
import type { BrowserSession, PageExpectation } from './browser';

export const LOGIN = {
	email: 'E-Mail-Adresse',
	password: 'Passwort',
	submit: 'Anmelden',
	wrongCredentials: 'E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.'
} as const;

/** Fills and submits the login form on the current /anmelden page. */
export async function submitLogin(s: BrowserSession, email: string, password: string, expectation: PageExpectation & { status?: number }): Promise<void> {
	await s.field(LOGIN.email).fill(email);
	await s.field(LOGIN.password).fill(password);
	// The header's "Anmelden" is a link; the form's is the only button with that name.
	await s.submit(s.button(LOGIN.submit), expectation);
}

/** Opens /anmelden and logs in; ends on /app unless told otherwise. */
export async function logIn(s: BrowserSession, email: string, password: string, expectation: PageExpectation = { path: '/app', heading: /^Willkommen, / }): Promise<void> {
	await s.visit('/anmelden', { heading: 'Anmelden' });
	await submitLogin(s, email, password, expectation);
}

/** The error summary at the top of a form: its text, and that it has the focus when JavaScript runs. */
export async function expectErrorSummary(s: BrowserSession, texts: string[]): Promise<void> {
	const summary = s.page.locator('.error-summary[role="alert"]');
	await summary.getByRole('heading', { name: 'Bitte prüfen Sie Ihre Eingaben' }).waitFor();
	const content = (await summary.textContent()) ?? '';
	for (const text of texts) expect(content).toContain(text);
	if (s.options.javaScriptEnabled) {
		await expect
			.poll(() => s.page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false), { message: 'the error summary has the focus' })
			.toBe(true);
	}
}

/** A field's German error message, read the way assistive technology does: through aria-describedby. */
export async function fieldDescription(s: BrowserSession, label: string): Promise<{ invalid: string | null; description: string }> {
	const input = s.field(label);
	const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
	const texts = await Promise.all(ids.map((id) => s.page.locator(`[id="${id}"]`).textContent()));
	return { invalid: await input.getAttribute('aria-invalid'), description: texts.map((t) => t?.trim()).join(' ') };
}
