/** Logging in (with and without JavaScript), returning to the page asked for, and a forgotten password. */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { get, inviteAndAccept, login as httpLogin, postForm, uniqueEmail } from './support/http';
import { linkFromMailbox } from './support/mailbox';
import { expectErrorSummary, fieldDescription, LOGIN, submitLogin } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const owner = demo.accounts.owner;

describe.each(WIDTHS)('at %i px', (width) => {
	describe.each([
		{ javaScriptEnabled: true, mode: 'with JavaScript', suffix: '' },
		{ javaScriptEnabled: false, mode: 'without JavaScript', suffix: '-ohne-js' }
	])('$mode', ({ javaScriptEnabled, suffix }) => {
		test('a wrong password gets a German error; the right one leads to /app', { timeout: JOURNEY_TIMEOUT }, async () => {
			await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
				await s.visit('/anmelden', { heading: 'Anmelden', screenshot: `anmelden${suffix}` });
				expect(await s.lang()).toBe('de');
				await s.page.getByText(`Demo: Melden Sie sich mit ${owner.email} an.`).waitFor();

				await submitLogin(s, owner.email, 'ganz-sicher-falsch', { path: '/anmelden', status: 401, heading: 'Anmelden', screenshot: `anmelden-fehler${suffix}` });
				await expectErrorSummary(s, [LOGIN.wrongCredentials]);
				expect(await s.field(LOGIN.email).inputValue(), 'the e-mail address is kept').toBe(owner.email);
				expect(await s.field(LOGIN.password).inputValue(), 'the password is not echoed').toBe('');

				await submitLogin(s, owner.email, owner.password, { path: '/app', heading: 'Willkommen, Demo-Inhaber*in' });
				await s.page.getByText(`Sie arbeiten in ${demo.orgName} als Inhaber*in.`).waitFor();
				expect(await s.link('Mein Konto').count()).toBe(1);
			});
		});

		test('an empty login form names both missing fields', { timeout: JOURNEY_TIMEOUT }, async () => {
			await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
				await s.visit('/anmelden', { heading: 'Anmelden' });
				await s.submit(s.button(LOGIN.submit), { path: '/anmelden', status: 422, heading: 'Anmelden' });
				await expectErrorSummary(s, ['E-Mail-Adresse: Bitte geben Sie eine E-Mail-Adresse ein.', 'Passwort: Bitte geben Sie Ihr Passwort ein.']);
				expect(await fieldDescription(s, LOGIN.email)).toEqual({ invalid: 'true', description: 'Bitte geben Sie eine E-Mail-Adresse ein.' });
				expect(await fieldDescription(s, LOGIN.password)).toEqual({ invalid: 'true', description: 'Bitte geben Sie Ihr Passwort ein.' });
			});
		});
	});

	test('a protected page asks for the login and returns there afterwards', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await s.visit('/app/einstellungen', { path: '/anmelden?weiter=%2Fapp%2Feinstellungen', heading: 'Anmelden' });
			await submitLogin(s, owner.email, owner.password, { path: '/app/einstellungen', heading: 'Einstellungen' });
		});
	});

	test('a forgotten password is reset through the link from the mail', { timeout: JOURNEY_TIMEOUT }, async () => {
		// A member of our own, so the demo account keeps its password.
		const member = { email: uniqueEmail(`vergessen-${width}`), name: 'Vera Vergesslich', password: 'altes-Passwort-123', role: 'viewer' as const };
		const ownerCookie = await httpLogin(demo.url, owner.email, owner.password);
		await inviteAndAccept(demo.url, ownerCookie, member);

		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await s.visit('/anmelden', { heading: 'Anmelden' });
			await s.follow(s.link('Passwort vergessen?'), { path: '/passwort-vergessen', heading: 'Passwort vergessen', screenshot: 'passwort-vergessen' });
			await s.field(LOGIN.email).fill(member.email);
			await s.submit(s.button('Link anfordern'), { path: '/passwort-vergessen', heading: 'Passwort vergessen' });
			await s.page.getByRole('status').getByText('Wenn es zu dieser Adresse ein Konto gibt, ist jetzt eine E-Mail mit einem Link unterwegs.').waitFor();

			// The link reaches the member's mailbox only (the test SMTP server); no Ausgang lists it.
			const link = new URL(await linkFromMailbox(e2eContext().mailbox, member.email, '/passwort-zuruecksetzen/'));
			const ausgang = await (await get(demo.url, '/app/einstellungen', { cookie: ownerCookie })).text();
			expect(ausgang).not.toContain(link.pathname.split('/').at(-1)!);
			expect(ausgang).not.toContain('Passwort zurücksetzen');
			expect(link.origin).toBe(new URL(demo.url).origin);
			await s.visit(link.pathname, { heading: 'Neues Passwort festlegen', screenshot: 'passwort-zuruecksetzen' });
			await s.field('Neues Passwort (mindestens 10 Zeichen)').fill('neues-Passwort-456');
			await s.field('Neues Passwort wiederholen').fill('neues-Passwort-456');
			await s.submit(s.button('Passwort speichern'), { path: '/anmelden?zurueckgesetzt', heading: 'Anmelden' });
			await s.page.getByRole('status').getByText('Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.').waitFor();
			await submitLogin(s, member.email, 'neues-Passwort-456', { path: '/app', heading: 'Willkommen, Vera Vergesslich' });

			// The link works once.
			await s.visit(link.pathname, { heading: 'Neues Passwort festlegen' });
			await s.page.getByText('Dieser Link ist abgelaufen oder wurde schon benutzt.').waitFor();
		});
		// The old password is gone.
		const old = await postForm(demo.url, '/anmelden', { email: member.email, password: member.password });
		expect(old.status).toBe(401);
	});
});
