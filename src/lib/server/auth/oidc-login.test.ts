/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in this process, over
 * HTTP): the whole authorization code flow with PKCE, state and nonce — discovery, the provider's
 * login page, the token exchange and the ID token check are real; the test only plays the browser
 * (follows redirects, keeps the provider's cookies, fills its login form).
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { startTestProvider, type TestProvider } from '../../../../tests/helpers/oidc-provider';
import { TEST_BASE_URL, visitorAt } from '../../../../tests/helpers/actors';
import { createUserInOrganisation } from '../accounts/create-user';
import { login } from '../accounts/login';
import { changePassword } from '../accounts/change-password';
import { requestPasswordReset } from '../accounts/request-password-reset';
import { resetPassword } from '../accounts/reset-password';
import { auditLog, memberships, organisations, sessions, users } from '../db/schema';
import { readConfig } from '../config';
import { actorForSession } from './actor-for-session';
import { CALLBACK_PATH } from './oidc-client';
import { finishOidcLogin } from './finish-oidc-login';
import { startOidcLogin } from './start-oidc-login';
import { decodePending, encodePending, type PendingSignIn } from './oidc-pending';

const { db } = await createTestDatabase();
const ctx = () => visitorAt(db);
let provider: TestProvider;

const ORG = 'Landkreis Oidc';
let orgSlug = '';

beforeAll(async () => {
	provider = await startTestProvider({
		redirectUris: [`${TEST_BASE_URL}${CALLBACK_PATH}`],
		extraClaims: ['stadtwissen_rolle'],
		accounts: {
			olga: { email: 'Olga.Organisator@landkreis.test', email_verified: true, name: 'Olga Organisator' },
			unbestaetigt: { email: 'olga.organisator@landkreis.test', email_verified: false },
			fremd: { email: 'neu@landkreis.test', email_verified: true, name: 'Nora Neu' },
			planerin: { email: 'planerin@landkreis.test', email_verified: true, name: 'Paula Planerin', claims: { stadtwissen_rolle: ['sw-planung', 'offline_access'] } }
		}
	});
	const created = await createUserInOrganisation(db, { email: 'olga.organisator@landkreis.test', name: 'Olga', password: 'altes-passwort-123', orgName: ORG, role: 'organiser' });
	orgSlug = created.orgSlug;
	await createUserInOrganisation(db, { email: 'inhaberin@landkreis.test', name: 'Inge', password: 'altes-passwort-123', orgName: ORG, role: 'owner' });
});
afterAll(() => provider?.close());

const ENV_KEYS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_CLAIM', 'OIDC_ROLE_MAP', 'OIDC_ORGANISATION', 'OIDC_CREATE_ACCOUNTS', 'STADTWISSEN_PASSWORD_LOGIN'];
function configure(extra: Record<string, string> = {}) {
	for (const key of ENV_KEYS) delete process.env[key];
	Object.assign(process.env, { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, ...extra });
}
beforeEach(() => configure());
afterAll(() => {
	for (const key of ENV_KEYS) delete process.env[key];
});

/** The browser's part: cookies per provider, redirects followed by hand. */
class Browser {
	cookies = new Map<string, string>();
	async get(url: string, init: RequestInit = {}): Promise<Response> {
		const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair.indexOf('=');
			this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
		}
		return response;
	}
	/** Follows redirects until one leads back to Stadtwissen; returns that address. */
	async followUntilBack(url: string, init?: RequestInit): Promise<URL | Response> {
		let response = await this.get(url, init);
		for (let hops = 0; hops < 10; hops++) {
			const location = response.headers.get('location');
			if (!location) return response;
			const next = new URL(location, response.url || url);
			if (next.href.startsWith(TEST_BASE_URL)) return next;
			response = await this.get(next.href);
		}
		throw new Error('too many redirects');
	}
}

/** Start in Stadtwissen, sign in at the provider's page as `login` (or abort there), come back. */
async function signInAtProvider(loginName: string | 'abort', returnTo = '/app'): Promise<{ back: URL; pending: PendingSignIn }> {
	const { url, pending } = await startOidcLogin(ctx(), { returnTo });
	const authorize = new URL(url);
	expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
	expect(authorize.searchParams.get('redirect_uri')).toBe(`${TEST_BASE_URL}${CALLBACK_PATH}`);
	expect(authorize.searchParams.get('state')).toBe(pending.state);
	const browser = new Browser();
	const atLogin = await browser.followUntilBack(url);
	if (atLogin instanceof URL) throw new Error(`no login page: back at ${atLogin.href}`);
	const page = await atLogin.text();
	expect(page).toContain('name="login"');
	const action = new URL(/action="([^"]+)"/.exec(page)![1], atLogin.url || provider.issuer);
	const interaction = new URL(action.pathname, provider.issuer).href;
	const back =
		loginName === 'abort'
			? await browser.followUntilBack(`${interaction}/abort`)
			: await browser.followUntilBack(interaction, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({ prompt: 'login', login: loginName, password: 'egal' }).toString()
				});
	if (!(back instanceof URL)) throw new Error(`did not come back: ${back.status} ${await back.text()}`);
	expect(back.pathname).toBe(CALLBACK_PATH);
	return { back, pending };
}

const sessionCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(sessions))[0].n;

describe('the code flow against a real provider', () => {
	test('a verified e-mail signs the existing account in (case-insensitive), with a session of Stadtwissen and its roles', async () => {
		const { back, pending } = await signInAtProvider('olga', '/app/analysen');
		expect(back.searchParams.get('code')).toBeTruthy();
		const session = await finishOidcLogin(ctx(), { query: back.search, pending });
		expect(session.returnTo).toBe('/app/analysen');
		const actor = await actorForSession(db, session.token);
		expect(actor?.email).toBe('olga.organisator@landkreis.test');
		expect(actor?.memberships.map((m) => m.role)).toEqual(['organiser']);
		const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.event, 'login'), eq(auditLog.userId, actor!.userId)));
		expect(entry.detail).toMatchObject({ method: 'oidc' });
	});

	test('the same answer cannot be used twice, nor with another browser’s state, nor without the pending cookie', async () => {
		const { back, pending } = await signInAtProvider('olga');
		const before = await sessionCount();
		const otherState = await rejected(finishOidcLogin(ctx(), { query: back.search, pending: { ...pending, state: 'x'.repeat(43) } }));
		expect(otherState.message).toMatch(/gehört nicht zu dieser Anmeldung/);
		const noCookie = await rejected(finishOidcLogin(ctx(), { query: back.search, pending: null }));
		expect(noCookie.message).toBe('Die Anmeldung ist abgelaufen oder wurde in einem anderen Browser begonnen. Bitte beginnen Sie sie noch einmal.');
		await finishOidcLogin(ctx(), { query: back.search, pending });
		const replay = await rejected(finishOidcLogin(ctx(), { query: back.search, pending }));
		expect(replay.message).toBe('Die Anmeldung ist abgelaufen oder wurde schon verwendet. Bitte beginnen Sie die Anmeldung noch einmal.');
		expect(await sessionCount()).toBe(before + 1);
	});

	test('a wrong PKCE verifier or nonce is refused by the provider or the ID token check', async () => {
		const first = await signInAtProvider('olga');
		await rejected(finishOidcLogin(ctx(), { query: first.back.search, pending: { ...first.pending, verifier: 'v'.repeat(43) } }));
		const second = await signInAtProvider('olga');
		const nonce = await rejected(finishOidcLogin(ctx(), { query: second.back.search, pending: { ...second.pending, nonce: 'n'.repeat(43) } }));
		expect(nonce.message).toMatch(/konnte nicht bestätigt werden/);
	});

	test('cancelled at the provider: a German refusal, no session', async () => {
		const before = await sessionCount();
		const { back, pending } = await signInAtProvider('abort');
		expect(back.searchParams.get('error')).toBe('access_denied');
		const refused = await rejected(finishOidcLogin(ctx(), { query: back.search, pending }));
		expect(refused.message).toBe('Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt. Bitte beginnen Sie die Anmeldung noch einmal.');
		expect(refused.status).toBe(403);
		expect(await sessionCount()).toBe(before);
	});

	test('an e-mail the provider has not verified is refused', async () => {
		const { back, pending } = await signInAtProvider('unbestaetigt');
		const refused = await rejected(finishOidcLogin(ctx(), { query: back.search, pending }));
		expect(refused.message).toMatch(/^Ihre E-Mail-Adresse olga.organisator@landkreis.test ist beim Anmeldedienst nicht als bestätigt vermerkt/);
	});

	test('an unknown e-mail gets a calm refusal and no account, unless the operator allows new accounts', async () => {
		const first = await signInAtProvider('fremd');
		const refused = await rejected(finishOidcLogin(ctx(), { query: first.back.search, pending: first.pending }));
		expect(refused.message).toMatch(/^Für neu@landkreis.test gibt es in Stadtwissen noch kein Konto\./);
		expect(await db.select().from(users).where(eq(users.email, 'neu@landkreis.test'))).toEqual([]);

		configure({ OIDC_ORGANISATION: orgSlug, OIDC_CREATE_ACCOUNTS: 'ja' });
		const second = await signInAtProvider('fremd');
		const session = await finishOidcLogin(ctx(), { query: second.back.search, pending: second.pending });
		const actor = await actorForSession(db, session.token);
		expect(actor?.name).toBe('Nora Neu');
		expect(actor?.memberships.map((m) => [m.orgName, m.role])).toEqual([[ORG, 'viewer']]);
		// No password was set: the account cannot sign in with one.
		await expect(login(db, { email: 'neu@landkreis.test', password: '', ip: '10.0.0.9' })).rejects.toThrow(/E-Mail-Adresse oder Passwort stimmen nicht/);
	});

	test('a configured role claim sets the role in the configured organisation; the last owner is not demoted', async () => {
		configure({ OIDC_ORGANISATION: orgSlug, OIDC_CREATE_ACCOUNTS: 'ja', OIDC_ROLE_CLAIM: 'stadtwissen_rolle', OIDC_ROLE_MAP: 'sw-planung=organiser,sw-admin=owner' });
		const first = await signInAtProvider('planerin');
		const session = await finishOidcLogin(ctx(), { query: first.back.search, pending: first.pending });
		expect((await actorForSession(db, session.token))?.memberships.map((m) => m.role)).toEqual(['organiser']);

		provider.setAccount('planerin', { email: 'planerin@landkreis.test', email_verified: true, claims: { stadtwissen_rolle: '/sw-admin' } });
		const second = await signInAtProvider('planerin');
		await finishOidcLogin(ctx(), { query: second.back.search, pending: second.pending });
		const [org] = await db.select().from(organisations).where(eq(organisations.slug, orgSlug));
		const roleOf = async (email: string) =>
			(await db.select({ role: memberships.role }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(eq(memberships.orgId, org.id), eq(users.email, email))))[0]?.role;
		expect(await roleOf('planerin@landkreis.test')).toBe('owner');

		// Two owners now; the claim may demote one of them, not the last.
		provider.setAccount('planerin', { email: 'planerin@landkreis.test', email_verified: true, claims: { stadtwissen_rolle: 'viewer' } });
		const third = await signInAtProvider('planerin');
		await finishOidcLogin(ctx(), { query: third.back.search, pending: third.pending });
		expect(await roleOf('planerin@landkreis.test')).toBe('viewer');
		provider.setAccount('inge', { email: 'inhaberin@landkreis.test', email_verified: true, claims: { stadtwissen_rolle: 'viewer' } });
		const fourth = await signInAtProvider('inge');
		await finishOidcLogin(ctx(), { query: fourth.back.search, pending: fourth.pending });
		expect(await roleOf('inhaberin@landkreis.test')).toBe('owner');
	});

	test('a provider that cannot be reached: a German 503 refusal when starting', async () => {
		configure({ OIDC_ISSUER: 'http://127.0.0.1:9/realms/weg' });
		const refused = await rejected(startOidcLogin(ctx(), { returnTo: '/app' }));
		expect(refused.status).toBe(503);
		expect(refused.message).toBe('Der Anmeldedienst Ihrer Verwaltung ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten noch einmal.');
	});
});

describe('the pending sign-in cookie', () => {
	const pending = { state: 's'.repeat(43), nonce: 'n'.repeat(43), verifier: 'v'.repeat(43), returnTo: '/app/analysen' };

	test('comes back as it went out; a foreign return address becomes /app', () => {
		expect(decodePending(encodePending(pending))).toEqual(pending);
		expect(decodePending(encodePending({ ...pending, returnTo: 'https://evil.example/' }))?.returnTo).toBe('/app');
		expect(decodePending(encodePending({ ...pending, returnTo: '//evil.example' }))?.returnTo).toBe('/app');
	});

	test('anything else is no pending sign-in (and so a refusal, never a 500)', () => {
		for (const value of [undefined, '', 'kein-base64-json', Buffer.from('null').toString('base64url'), Buffer.from('{"state":"kurz","nonce":"x","verifier":"y"}').toString('base64url'), 'x'.repeat(3000)]) {
			expect(decodePending(value)).toBeNull();
		}
		expect(decodePending(encodePending({ ...pending, state: '<script>alert(1)</script>'.padEnd(30, 'x') }))).toBeNull();
	});
});

describe('passwords switched off', () => {
	test('the password sign-in and the reset request refuse in German; single sign-on still works', async () => {
		configure({ STADTWISSEN_PASSWORD_LOGIN: 'aus' });
		const message = 'Anmelden mit Passwort ist hier abgeschaltet. Bitte melden Sie sich mit dem Konto Ihrer Verwaltung an.';
		expect((await rejected(login(db, { email: 'olga.organisator@landkreis.test', password: 'altes-passwort-123', ip: '10.0.0.8' }))).message).toBe(message);
		expect((await rejected(requestPasswordReset(db, { email: 'olga.organisator@landkreis.test', baseUrl: TEST_BASE_URL, ip: '10.0.0.8' }))).message).toBe(message);
		expect((await rejected(resetPassword(db, { token: 'x'.repeat(43), newPassword: 'ein-neues-passwort' }))).message).toBe(message);
		const [olga] = await db.select().from(users).where(eq(users.email, 'olga.organisator@landkreis.test'));
		expect((await rejected(changePassword(db, { userId: olga.id, currentPassword: 'altes-passwort-123', newPassword: 'ein-neues-passwort', sessionToken: '' }))).message).toBe(message);
		expect((await db.select().from(users).where(eq(users.id, olga.id)))[0].passwordHash).toBe(olga.passwordHash);
		const { back, pending } = await signInAtProvider('olga');
		expect((await finishOidcLogin(ctx(), { query: back.search, pending })).token).toBeTruthy();
	});
});

describe('configuration', () => {
	const base = { OIDC_ISSUER: 'https://login.example.de/realms/kreis', OIDC_CLIENT_ID: 'stadtwissen', OIDC_CLIENT_SECRET: 'geheim' };
	const problems = (env: Record<string, string>) => {
		try {
			readConfig(env);
			return '';
		} catch (error) {
			return (error as Error).message;
		}
	};

	test('a complete provider configuration is accepted', () => {
		expect(problems({ ...base, OIDC_ROLE_CLAIM: 'realm_access.roles', OIDC_ROLE_MAP: 'sw-admin=owner', OIDC_ORGANISATION: 'landkreis', OIDC_CREATE_ACCOUNTS: 'ja', STADTWISSEN_PASSWORD_LOGIN: 'aus' })).toBe('');
	});

	test('incomplete or contradictory settings are refused in German', () => {
		expect(problems({ OIDC_ISSUER: base.OIDC_ISSUER })).toMatch(/OIDC_CLIENT_ID fehlt: Mit OIDC_ISSUER braucht Stadtwissen auch OIDC_CLIENT_ID und OIDC_CLIENT_SECRET/);
		expect(problems({ ...base, OIDC_ISSUER: 'http://login.example.de/realms/kreis' })).toMatch(/OIDC_ISSUER muss mit https:\/\/ beginnen/);
		expect(problems({ STADTWISSEN_PASSWORD_LOGIN: 'aus' })).toMatch(/STADTWISSEN_PASSWORD_LOGIN=aus geht nur mit OIDC_ISSUER/);
		expect(problems({ STADTWISSEN_PASSWORD_LOGIN: 'vielleicht' })).toMatch(/STADTWISSEN_PASSWORD_LOGIN muss „an“ oder „aus“ sein/);
		expect(problems({ ...base, OIDC_ROLE_CLAIM: 'groups' })).toMatch(/OIDC_ROLE_CLAIM braucht OIDC_ORGANISATION/);
		expect(problems({ ...base, OIDC_ROLE_CLAIM: 'groups', OIDC_ORGANISATION: 'kreis', OIDC_ROLE_MAP: 'sw=admin' })).toMatch(/OIDC_ROLE_MAP: „admin“ ist keine Rolle/);
		expect(problems({ OIDC_CLIENT_ID: 'x' })).toMatch(/OIDC_CLIENT_ID wirkt nur zusammen mit OIDC_ISSUER/);
	});
});
