import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { actorForApiToken } from '../auth/actor-for-api-token';
import { createApiToken } from '../auth/create-api-token';
import { revokeApiToken } from '../auth/revoke-api-token';
import { actorForSession } from '../auth/actor-for-session';
import { auditLog, memberships, passwordResets, users } from '../db/schema';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { AppError } from '../errors';
import { tenantFor } from '../tenant';
import { createUserInOrganisation } from './create-user';
import { acceptInvitation } from './accept-invitation';
import { findInvitation } from './find-invitation';
import { inviteMember } from './invite-member';
import { login, LOGIN_LIMITS } from './login';
import { listMembers } from './list-members';
import { listOutbox } from './list-outbox';
import { changePassword } from './change-password';
import { requestPasswordReset, resetsSettled } from './request-password-reset';
import { resetPassword } from './reset-password';

let t: TestDatabase;
let smtp: TestSmtp;
const PASSWORD = 'richtig-geheim-42';

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
});

async function expectAppError(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	expect((error as AppError).code).toBe(code);
	return error as AppError;
}

function tokenFromMail(body: string, path: string): string {
	const match = new RegExp(`${path}/([A-Za-z0-9_.-]+)`).exec(body);
	if (!match) throw new Error(`no ${path} link in mail:\n${body}`);
	return match[1];
}

describe('creating users and organisations', () => {
	it('creates the organisation with a readable slug and makes the person its owner', async () => {
		const result = await createUserInOrganisation(t.db, { email: 'Livia@Altenburg.de', name: 'Livia', password: PASSWORD, orgName: 'Stadt Altenburg', role: 'owner' });
		expect(result.orgSlug).toBe('stadt-altenburg');
		const [user] = await t.db.select().from(users).where(eq(users.id, result.userId));
		expect(user.email).toBe('livia@altenburg.de');
		expect(user.passwordHash).not.toContain(PASSWORD);
		expect(user.passwordHash).toMatch(/^scrypt\$/);
	});

	it('gives an existing person a role in a second organisation, slugging umlauts', async () => {
		const result = await createUserInOrganisation(t.db, { email: 'livia@altenburg.de', name: 'x', password: 'anderes-passwort-1', orgName: 'Landesakademie Thüringen', role: 'viewer' });
		expect(result.userCreated).toBe(false);
		expect(result.orgSlug).toBe('landesakademie-thueringen');
		const rows = await t.db.select().from(memberships).where(eq(memberships.userId, result.userId));
		expect(rows.map((r) => r.role).sort()).toEqual(['owner', 'viewer']);
	});

	it('refuses a second membership in the same organisation with a German message, writing nothing', async () => {
		const before = await t.db.select().from(memberships);
		const error = await expectAppError(
			createUserInOrganisation(t.db, { email: 'livia@altenburg.de', name: 'x', password: PASSWORD, orgName: 'Stadt Altenburg', role: 'viewer' }),
			'conflict'
		);
		expect(error.message).toContain('gehört bereits');
		expect(await t.db.select().from(memberships)).toHaveLength(before.length);
	});
});

describe('login', () => {
	it('signs in with the right password (e-mail case does not matter) and audits it', async () => {
		const session = await login(t.db, { email: 'LIVIA@altenburg.de', password: PASSWORD, ip: '10.0.0.1' });
		const actor = await actorForSession(t.db, session.token);
		expect(actor?.name).toBe('Livia');
		expect(actor?.memberships).toHaveLength(2);
		const events = await t.db.select().from(auditLog).where(eq(auditLog.event, 'login'));
		expect(events.length).toBeGreaterThan(0);
	});

	it('rejects a wrong password and an unknown address with the same German message', async () => {
		const wrong = await expectAppError(login(t.db, { email: 'livia@altenburg.de', password: 'falsch-falsch', ip: '10.0.0.2' }), 'unauthorized');
		const unknown = await expectAppError(login(t.db, { email: 'niemand@altenburg.de', password: 'falsch-falsch', ip: '10.0.0.2' }), 'unauthorized');
		expect(wrong.message).toBe(unknown.message);
		expect(wrong.message).toMatch(/E-Mail-Adresse oder Passwort stimmen nicht/);
	});

	// Each of these loops hashes a password 50 times with scrypt: slow by design, so they get time.
	it('does not count successful logins against the IP (browser tests, shared office NAT)', { timeout: 180_000 }, async () => {
		for (let i = 0; i < LOGIN_LIMITS.perIp + 2; i++) await login(t.db, { email: 'livia@altenburg.de', password: PASSWORD, ip: '10.8.8.8' });
	});

	it('limits failed attempts per IP address across accounts', { timeout: 180_000 }, async () => {
		const ip = '10.9.9.9';
		for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
			await expectAppError(login(t.db, { email: `unbekannt${i}@example.org`, password: 'falsch-falsch', ip }), 'unauthorized');
		}
		await expectAppError(login(t.db, { email: 'livia@altenburg.de', password: PASSWORD, ip }), 'rate_limited');
	});
});

describe('passwords', () => {
	it('changes the password only with the current one and signs out other sessions', { timeout: 120_000 }, async () => {
		await createUserInOrganisation(t.db, { email: 'wechsel@altenburg.de', name: 'Wechsel', password: PASSWORD, orgName: 'Stadt Altenburg', role: 'viewer' });
		const first = await login(t.db, { email: 'wechsel@altenburg.de', password: PASSWORD, ip: '10.2.0.1' });
		const second = await login(t.db, { email: 'wechsel@altenburg.de', password: PASSWORD, ip: '10.2.0.1' });
		await expectAppError(changePassword(t.db, { userId: first.userId, currentPassword: 'nicht-das-alte', newPassword: 'ganz-neues-passwort', sessionToken: first.token }), 'validation_failed');
		await changePassword(t.db, { userId: first.userId, currentPassword: PASSWORD, newPassword: 'ganz-neues-passwort', sessionToken: first.token });
		expect(await actorForSession(t.db, first.token)).not.toBeNull();
		expect(await actorForSession(t.db, second.token)).toBeNull();
		await login(t.db, { email: 'wechsel@altenburg.de', password: 'ganz-neues-passwort', ip: '10.2.0.1' });
	});

	it('resets a password by mail link exactly once, and not after expiry', async () => {
		await requestPasswordReset(t.db, { email: 'wechsel@altenburg.de', baseUrl: 'http://stadtwissen.test', ip: '10.3.0.1' });
		await resetsSettled();
		const [mail] = smtp.to('wechsel@altenburg.de');
		expect(mail.subject).toMatch(/Passwort zurücksetzen/);
		const token = tokenFromMail(mail.text, 'passwort-zuruecksetzen');
		await resetPassword(t.db, { token, newPassword: 'nach-dem-reset-1' });
		await login(t.db, { email: 'wechsel@altenburg.de', password: 'nach-dem-reset-1', ip: '10.3.0.1' });
		const reused = await expectAppError(resetPassword(t.db, { token, newPassword: 'noch-einmal-neu' }), 'gone');
		expect(reused.message).toMatch(/abgelaufen oder wurde schon benutzt/);

		await requestPasswordReset(t.db, { email: 'wechsel@altenburg.de', baseUrl: 'http://stadtwissen.test', ip: '10.3.0.1' });
		await resetsSettled();
		await t.db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 minute'` }).where(sql`used_at IS NULL`);
		await expectAppError(resetPassword(t.db, { token: tokenFromMail(smtp.to('wechsel@altenburg.de').at(-1)!.text, 'passwort-zuruecksetzen'), newPassword: 'zu-spaet-leider' }), 'gone');
	});

	it('answers a reset request for an unknown address without sending anything', async () => {
		const before = smtp.received.length;
		await requestPasswordReset(t.db, { email: 'gibtsnicht@example.org', baseUrl: 'http://x', ip: '10.3.0.2' });
		await resetsSettled();
		expect(smtp.received).toHaveLength(before);
	});
});

describe('organisation scope, invitations and API tokens', () => {
	it('invites a colleague by mail; only the mailed link creates the account with the role, once', async () => {
		const owner = await createUserInOrganisation(t.db, { email: 'chefin@gera.de', name: 'Chefin', password: PASSWORD, orgName: 'Stadt Gera', role: 'owner' });
		const session = await login(t.db, { email: 'chefin@gera.de', password: PASSWORD, ip: '10.4.0.1' });
		const actor = (await actorForSession(t.db, session.token))!;
		const ctx = tenantFor(t.db, actor, 'members.manage');
		const invited = await inviteMember({ ...ctx, baseUrl: 'http://stadtwissen.test' }, { email: 'neu@gera.de', role: 'organiser' });
		const [listed] = await listOutbox(ctx);
		expect(listed).toMatchObject({ recipient: 'neu@gera.de', kind: 'member_invitation', status: 'sent' });
		const [mail] = smtp.to('neu@gera.de');
		const token = tokenFromMail(mail.text, 'einladung');
		// The link shown once to the inviting owner lacks the mailed secret: it creates no account.
		const shown = invited.link.split('/').at(-1)!;
		expect(token.startsWith(`${shown}.`)).toBe(true);
		expect(await findInvitation(t.db, shown)).toMatchObject({ hasAccount: false, mayCreateAccount: false });
		await expectAppError(acceptInvitation(t.db, { token: shown, newAccount: { name: 'Fremd', password: 'uebernommen-1234' } }), 'forbidden');
		expect((await findInvitation(t.db, token))?.mayCreateAccount).toBe(true);
		const accepted = await acceptInvitation(t.db, { token, newAccount: { name: 'Neu', password: 'mein-neues-passwort' } });
		expect(accepted.orgId).toBe(owner.orgId);
		expect((await listMembers(ctx)).map((m) => [m.email, m.role])).toContainEqual(['neu@gera.de', 'organiser']);
		await expectAppError(acceptInvitation(t.db, { token, newAccount: { name: 'Noch mal', password: 'mein-neues-passwort' } }), 'gone');
	});

	it('never lists another organisation’s members, and refuses roles that may not act', async () => {
		const session = await login(t.db, { email: 'chefin@gera.de', password: PASSWORD, ip: '10.4.0.2' });
		const actor = (await actorForSession(t.db, session.token))!;
		const members = await listMembers(tenantFor(t.db, actor, 'org.manage'));
		expect(members.map((m) => m.email)).not.toContain('livia@altenburg.de');
		const neu = (await actorForSession(t.db, (await login(t.db, { email: 'neu@gera.de', password: 'mein-neues-passwort', ip: '10.4.0.3' })).token))!;
		expect(() => tenantFor(t.db, neu, 'members.manage')).toThrow(/Ihre Rolle erlaubt das nicht/);
		expect(() => tenantFor(t.db, null, 'org.manage')).toThrow(/Bitte melden Sie sich an/);
	});

	it('API tokens are stored hashed, act only in their organisation, and stop working when revoked', async () => {
		const [livia] = await t.db.select().from(users).where(eq(users.email, 'livia@altenburg.de'));
		const orgs = await t.db.select().from(memberships).where(eq(memberships.userId, livia.id));
		const viewerOrg = orgs.find((m) => m.role === 'viewer')!;
		const { id, token } = await createApiToken(t.db, { userId: livia.id, orgId: viewerOrg.orgId, name: 'Kiosk' });
		const stored = await t.db.execute(sql`SELECT token_hash FROM api_tokens WHERE id = ${id}`);
		expect(JSON.stringify(stored.rows)).not.toContain(token);
		const actor = await actorForApiToken(t.db, token);
		expect(actor?.org?.orgId).toBe(viewerOrg.orgId);
		expect(actor?.org?.role).toBe('viewer');
		expect(actor?.memberships).toHaveLength(1);
		expect(await actorForApiToken(t.db, token + 'x')).toBeNull();
		await revokeApiToken(t.db, { userId: livia.id, orgId: viewerOrg.orgId, tokenId: id });
		expect(await actorForApiToken(t.db, token)).toBeNull();
	});

	it('a token stops working when its user leaves the organisation', async () => {
		const [neu] = await t.db.select().from(users).where(eq(users.email, 'neu@gera.de'));
		const [membership] = await t.db.select().from(memberships).where(eq(memberships.userId, neu.id));
		const { token } = await createApiToken(t.db, { userId: neu.id, orgId: membership.orgId, name: 'x' });
		expect(await actorForApiToken(t.db, token)).not.toBeNull();
		await t.db.delete(memberships).where(eq(memberships.userId, neu.id));
		expect(await actorForApiToken(t.db, token)).toBeNull();
	});
});
