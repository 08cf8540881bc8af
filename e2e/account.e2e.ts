/**
 * My account: change the password, create an API token (shown once), use it against
 * /api/v1/me, revoke it, log out. Each width uses a fresh organiser invited over HTTP, so the
 * accounts other tests use keep their passwords.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { get, inviteAndAccept, login as httpLogin, uniqueEmail } from './support/http';
import { expectErrorSummary, fieldDescription, LOGIN, logIn, submitLogin } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();

const LABELS = {
	current: 'Bisheriges Passwort',
	password: 'Neues Passwort (mindestens 10 Zeichen)',
	repeat: 'Neues Passwort wiederholen',
	tokenName: 'Bezeichnung (z. B. Kiosk Rathaus)'
};

async function me(token: string): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(new URL('/api/v1/me', demo.url), { headers: { authorization: `Bearer ${token}` } });
	expect(response.headers.get('content-type')).toContain('application/json');
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(WIDTHS)('at %i px', (width) => {
	test('change the password, create, use and revoke an API token, log out', { timeout: JOURNEY_TIMEOUT }, async () => {
		const member = { email: uniqueEmail(`konto-${width}`), name: `Otto Organisator ${width}`, password: 'erstes-Passwort-1', role: 'organiser' as const };
		const ownerCookie = await httpLogin(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
		const otherSession = await inviteAndAccept(demo.url, ownerCookie, member);
		const newPassword = 'zweites-Passwort-2';

		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await logIn(s, member.email, member.password, { path: '/app', heading: `Willkommen, ${member.name}` });
			await s.follow(s.link('Mein Konto'), { path: '/app/konto', heading: 'Mein Konto', screenshot: 'konto' });
			await s.page.getByText(`${member.name} · ${member.email}`).waitFor();
			await s.page.getByText('Sie haben noch keine API-Schlüssel.').waitFor();

			// Password: a wrong current password is refused at its field.
			await s.field(LABELS.current).fill('nicht-mein-Passwort');
			await s.field(LABELS.password).fill(newPassword);
			await s.field(LABELS.repeat).fill(newPassword);
			await s.submit(s.button('Passwort ändern'), { path: '/app/konto?/password', status: 422, heading: 'Mein Konto' });
			await expectErrorSummary(s, ['Bisheriges Passwort: Das bisherige Passwort stimmt nicht.']);
			expect(await fieldDescription(s, LABELS.current)).toEqual({ invalid: 'true', description: 'Das bisherige Passwort stimmt nicht.' });

			await s.field(LABELS.current).fill(member.password);
			await s.field(LABELS.password).fill(newPassword);
			await s.field(LABELS.repeat).fill(newPassword);
			await s.submit(s.button('Passwort ändern'), { path: '/app/konto?/password', heading: 'Mein Konto' });
			await s.page.getByRole('status').getByText('Ihr Passwort wurde geändert. Andere Sitzungen wurden abgemeldet.').waitFor();
			const otherAfterwards = await get(demo.url, '/app', { cookie: otherSession });
			expect(otherAfterwards.status, 'the other session was logged out').toBe(303);
			expect(otherAfterwards.headers.get('location')).toBe('/anmelden?weiter=%2Fapp');

			// API token: shown once, acts as this member in this organisation.
			await s.field(LABELS.tokenName).fill('Kiosk Rathaus');
			await s.submit(s.button('Schlüssel erzeugen'), { path: '/app/konto?/createToken', heading: 'Mein Konto', screenshot: 'konto-schluessel' });
			const created = s.page.getByRole('status').filter({ hasText: 'Ihr neuer Schlüssel – kopieren Sie ihn jetzt' });
			const token = ((await created.locator('.secret').textContent()) ?? '').trim();
			expect(token).toMatch(/^swt_[A-Za-z0-9_-]{40,}$/);

			const answer = await me(token);
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ user: { email: member.email, name: member.name }, organisation: { name: demo.orgName }, role: 'organiser' });

			await s.visit('/app/konto', { heading: 'Mein Konto' });
			expect(await s.page.content(), 'the token is not shown a second time').not.toContain(token);
			const row = s.page.getByRole('row').filter({ hasText: 'Kiosk Rathaus' });
			expect(await row.getByRole('cell').nth(2).textContent(), 'last use is recorded').not.toBe('nie');

			await s.submit(row.getByRole('button', { name: 'Widerrufen: Kiosk Rathaus' }), { path: '/app/konto?/revokeToken', heading: 'Mein Konto' });
			await s.page.getByRole('status').getByText('Der Schlüssel wurde widerrufen.').waitFor();
			expect(await s.page.getByRole('row').filter({ hasText: 'Kiosk Rathaus' }).count()).toBe(0);
			const revoked = await me(token);
			expect(revoked.status).toBe(401);
			expect(revoked.body).toMatchObject({ error: { code: 'unauthorized' } });

			// Log out: back on the front page, /app asks for the login again.
			await s.submit(s.button('Abmelden'), { path: '/', heading: 'Stadtwissen' });
			expect(await s.link('Anmelden').count()).toBeGreaterThan(0);
			expect(await s.link('Mein Konto').count()).toBe(0);
			await s.visit('/app', { path: '/anmelden?weiter=%2Fapp', heading: 'Anmelden' });

			// Only the new password works now.
			await submitLogin(s, member.email, member.password, { path: '/anmelden?weiter=%2Fapp', status: 401, heading: 'Anmelden' });
			await expectErrorSummary(s, [LOGIN.wrongCredentials]);
			await submitLogin(s, member.email, newPassword, { path: '/app', heading: `Willkommen, ${member.name}` });
		});
	});
});
