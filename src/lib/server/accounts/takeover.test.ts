/*
 * No account takeover from inside: a reset link reaches the mailbox owner only, never an
 * organisation's Ausgang; an invitation's shown-once link cannot create the invitee's account.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { linkIn, startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { outboxMails, users } from '../db/schema';
import { tenantFor } from '../tenant';
import { createUserInOrganisation } from './create-user';
import { acceptInvitation } from './accept-invitation';
import { acceptInvitationHere } from './accept-invitation-here';
import { findInvitation } from './find-invitation';
import { inviteMember } from './invite-member';
import { listOutbox } from './list-outbox';
import { requestPasswordReset, resetsSettled } from './request-password-reset';
import { resetPassword } from './reset-password';
import { membershipsOf } from '../auth/list-memberships';

let t: TestDatabase;
let smtp: TestSmtp;
const BASE = 'https://stadtwissen.test';

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
});

beforeEach(() => smtp.use());

describe('password resets', () => {
	it('file the reset under no organisation: neither owner of two organisations can read a member’s reset link', async () => {
		const ownerA = await tenantAs(t.db, 'Stadt Apolda', 'owner', 'outbox.read');
		const ownerB = await tenantAs(t.db, 'Stadt Bürgel', 'owner', 'outbox.read');
		// Pia is a viewer in A (her first membership) and the owner of B.
		await createUserInOrganisation(t.db, { email: 'pia@buergel.de', name: 'Pia', password: 'altes-passwort-1', orgName: 'Stadt Apolda', role: 'viewer' });
		await createUserInOrganisation(t.db, { email: 'pia@buergel.de', name: 'Pia', password: 'altes-passwort-1', orgName: 'Stadt Bürgel', role: 'owner' });

		await requestPasswordReset(t.db, { email: 'pia@buergel.de', baseUrl: BASE, ip: '10.7.0.1' });
		await resetsSettled();
		const token = linkIn(smtp.to('pia@buergel.de')[0].text, '/passwort-zuruecksetzen/');
		for (const owner of [ownerA, ownerB]) {
			const outbox = await listOutbox(owner);
			expect(outbox.filter((m) => m.recipient === 'pia@buergel.de')).toEqual([]);
			expect(JSON.stringify(outbox)).not.toContain(token);
		}
		const stored = await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'pia@buergel.de'));
		expect(stored).toEqual([expect.objectContaining({ orgId: null, kind: 'password_reset', body: null, status: 'sent' })]);
		// The mailbox owner's link works.
		await resetPassword(t.db, { token, newPassword: 'neues-passwort-22' });
	});

	it('answer known and unknown addresses alike; without SMTP they are refused alike and point to the CLI', async () => {
		await createUserInOrganisation(t.db, { email: 'kai@apolda.de', name: 'Kai', password: 'altes-passwort-1', orgName: 'Stadt Apolda', role: 'organiser' });
		const before = smtp.received.length;
		expect(await requestPasswordReset(t.db, { email: 'kai@apolda.de', baseUrl: BASE, ip: '10.7.0.2' })).toBeUndefined();
		expect(await requestPasswordReset(t.db, { email: 'niemand@apolda.de', baseUrl: BASE, ip: '10.7.0.2' })).toBeUndefined();
		await resetsSettled();
		expect(smtp.received.slice(before).map((m) => m.to)).toEqual(['kai@apolda.de']);

		smtp.unset();
		const known = await rejected(requestPasswordReset(t.db, { email: 'kai@apolda.de', baseUrl: BASE, ip: '10.7.0.3' }));
		const unknown = await rejected(requestPasswordReset(t.db, { email: 'niemand@apolda.de', baseUrl: BASE, ip: '10.7.0.3' }));
		expect([known.code, known.status]).toEqual([unknown.code, unknown.status]);
		expect(known.message).toBe(unknown.message);
		expect(known.message).toContain('npx stadtwissen user password');
	});
});

describe('member invitations', () => {
	it('the link shown once to the inviting owner cannot create the new owner’s account; the mailed link can', async () => {
		const owner = await tenantAs(t.db, 'Stadt Camburg', 'owner', 'members.manage');
		const { link } = await inviteMember({ ...owner, baseUrl: BASE }, { email: 'neue-chefin@camburg.de', role: 'owner' });
		const shown = link.split('/').at(-1)!;
		expect(await findInvitation(t.db, shown)).toMatchObject({ hasAccount: false, mayCreateAccount: false });
		// The inviter (or whoever saw the screen) tries to create the account: refused, nothing written.
		const refused = await rejected(acceptInvitationHere({ db: t.db, actor: null }, { token: shown, entered: { name: 'Ich', password: 'uebernahme-123', passwordRepeat: 'uebernahme-123' }, sessionToken: undefined }));
		expect(refused.code).toBe('forbidden');
		expect(refused.message).toMatch(/nur über den Link aus der E-Mail/);
		expect(await t.db.select().from(users).where(eq(users.email, 'neue-chefin@camburg.de'))).toEqual([]);
		// A guessed second secret does not help either.
		expect((await rejected(acceptInvitation(t.db, { token: `${shown}.geraten`, newAccount: { name: 'Ich', password: 'uebernahme-123' } }))).code).toBe('forbidden');

		const mailed = linkIn(smtp.to('neue-chefin@camburg.de')[0].text, '/einladung/');
		const session = await acceptInvitationHere({ db: t.db, actor: null }, { token: mailed, entered: { name: 'Neue Chefin', password: 'eigenes-passwort-1', passwordRepeat: 'eigenes-passwort-1' }, sessionToken: undefined });
		expect(session?.token).toBeTruthy();
		const [created] = await t.db.select().from(users).where(eq(users.email, 'neue-chefin@camburg.de'));
		expect((await membershipsOf(t.db, created.id)).map((m) => m.role)).toEqual(['owner']);
		expect(JSON.stringify(await listOutbox(tenantFor(t.db, owner.actor, 'outbox.read')))).not.toContain(mailed);
	});

	it('without SMTP, the shown link serves an existing account only', async () => {
		const owner = await tenantAs(t.db, 'Stadt Dornburg', 'owner', 'members.manage');
		smtp.unset();
		const fresh = await inviteMember({ ...owner, baseUrl: BASE }, { email: 'neu@dornburg.de', role: 'viewer' });
		expect(fresh.mail).toBe('not_sent');
		expect(await findInvitation(t.db, fresh.link.split('/').at(-1)!)).toMatchObject({ hasAccount: false, mayCreateAccount: false });
		const existing = await createUserInOrganisation(t.db, { email: 'da@dornburg.de', name: 'Da', password: 'ein-passwort-12', orgName: 'Stadt Jena', role: 'viewer' });
		const invited = await inviteMember({ ...owner, baseUrl: BASE }, { email: 'da@dornburg.de', role: 'organiser' });
		const accepted = await acceptInvitation(t.db, { token: invited.link.split('/').at(-1)!, signedInUserId: existing.userId });
		expect(accepted.orgId).toBe(owner.org.orgId);
	});
});
