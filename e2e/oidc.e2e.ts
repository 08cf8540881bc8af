/**
 * Single sign-on in the browser (issue 19): a Stadtwissen server of its own, configured for a real
 * OpenID Connect provider (oidc-provider, started in this file on a free port) and with passwords
 * switched off. The demo owner signs in through the provider's login page at 1280 and 375 px and
 * lands in Stadtwissen; an address Stadtwissen does not know gets a calm German page and no
 * session; cancelling at the provider leads back to a German page too; the password pages and the
 * account page say that passwords are off. Axe runs on Stadtwissen's pages only (the provider's are not ours).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestProvider, type TestProvider } from '../tests/helpers/oidc-provider';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { e2eContext } from './support/context';
import { freePort, makeDataDir, removeDataDir, START_TIMEOUT_MS, startServer, type RunningServer } from './support/servers';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { appDir } = e2eContext();
const CALLBACK = '/anmelden/verwaltung/zurueck';
const SSO_BUTTON = 'Mit dem Konto Ihrer Verwaltung anmelden';

let provider: TestProvider | undefined;
let server: RunningServer | undefined;
let dataDir: string | undefined;

beforeAll(async () => {
	// The provider must know the redirect URI before the server starts, so the server's port is chosen here.
	const port = await freePort();
	const appUrl = `http://127.0.0.1:${port}`;
	provider = await startTestProvider({
		redirectUris: [`${appUrl}${CALLBACK}`],
		accounts: {
			demo: { email: 'Demo@Stadtwissen.example', email_verified: true, name: 'Demo' },
			fremd: { email: 'unbekannt@kreis.example', email_verified: true, name: 'Una Unbekannt' }
		}
	});
	dataDir = makeDataDir('oidc');
	server = await startServer({
		appDir,
		label: 'oidc',
		dataDir,
		demo: true,
		env: { PORT: String(port), OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, STADTWISSEN_PASSWORD_LOGIN: 'aus' }
	});
	expect(server.url.replace(/\/$/, '')).toBe(appUrl);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await server?.stop();
	await provider?.close();
	if (dataDir) removeDataDir(dataDir);
});

/** From Stadtwissen's sign-in page to the provider's login form, signed in there as `login` (or cancelled). */
async function atProvider(s: BrowserSession, login: string | 'cancel'): Promise<void> {
	await s.page.getByRole('link', { name: SSO_BUTTON }).click();
	await s.page.waitForURL((url) => url.href.startsWith(`${provider!.issuer}/interaction/`));
	if (login === 'cancel') {
		await s.page.getByRole('link', { name: 'Cancel' }).click();
		return;
	}
	await s.page.locator('input[name="login"]').fill(login);
	await s.page.locator('input[name="password"]').fill('beliebig');
	await s.page.getByRole('button', { name: 'Sign-in' }).click();
}

describe.each(WIDTHS)('at %i px', (width) => {
	test('the demo owner signs in with the administration account and lands in Stadtwissen; no password form anywhere', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: server!.url, width }, async (s) => {
			await s.visit('/anmelden?weiter=%2Fapp%2Fanalysen', { heading: 'Anmelden', screenshot: 'anmelden-verwaltung' });
			expect(await s.page.getByLabel('Passwort').count()).toBe(0);
			await s.page.getByText('Anmelden mit Passwort ist abgeschaltet.').waitFor();

			await atProvider(s, 'demo');
			await s.arrived({ path: '/app/analysen', heading: 'Wissensbedarfsanalysen', screenshot: 'verwaltung-angemeldet' });
			const cookies = await s.context.cookies(server!.url);
			expect(cookies.find((c) => c.name === 'sw_session')?.httpOnly).toBe(true);
			expect(cookies.find((c) => c.name === 'sw_oidc')).toBeUndefined();

			await s.visit('/passwort-vergessen', { heading: 'Passwort vergessen' });
			await s.page.getByText('Passwörter sind hier abgeschaltet').waitFor();
			expect(await s.page.getByLabel('E-Mail-Adresse').count()).toBe(0);

			// Still signed in (the password page did not end the session); no password to change either.
			await s.visit('/app/konto', { heading: 'Mein Konto' });
			await s.page.getByText('Passwörter sind hier abgeschaltet').waitFor();
			expect(await s.page.getByLabel('Bisheriges Passwort').count()).toBe(0);
		});
	});

	test('an address Stadtwissen does not know, and a sign-in cancelled at the provider: calm German pages, no session', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: server!.url, width }, async (s) => {
			await s.visit('/anmelden', { heading: 'Anmelden' });
			await atProvider(s, 'fremd');
			await s.arrived({ path: /^\/anmelden\/verwaltung\/zurueck\?/, heading: 'Anmeldung nicht möglich', screenshot: 'verwaltung-unbekannt' });
			await s.page.getByText('Für unbekannt@kreis.example gibt es in Stadtwissen noch kein Konto.').waitFor();
			expect((await s.context.cookies(server!.url)).find((c) => c.name === 'sw_session')).toBeUndefined();

			// The provider now remembers this person; cancelling is tried in a browser of its own below.
			await s.follow(s.page.getByRole('link', { name: 'Zur Anmeldung' }), { path: '/anmelden', heading: 'Anmelden' });
		});
		await journey(browser(), { baseUrl: server!.url, width }, async (s) => {
			await s.visit('/anmelden', { heading: 'Anmelden' });
			await atProvider(s, 'cancel');
			await s.arrived({ path: /^\/anmelden\/verwaltung\/zurueck\?/, heading: 'Anmeldung nicht möglich' });
			await s.page.getByText('Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt.').waitFor();
			expect((await s.context.cookies(server!.url)).find((c) => c.name === 'sw_session')).toBeUndefined();
		});
	});
});
