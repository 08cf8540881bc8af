/*
 * Participants' links are readable by nobody but the participant: what a mail with a personal link
 * said exists only in the mailbox (read here from a real SMTP server), never in the database, and
 * the organisation's Ausgang shows metadata only.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { systemContext } from '../context';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { linkIn, startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { inviteMember } from '../accounts/invite-member';
import { listOutbox } from '../accounts/list-outbox';
import { requestPasswordReset } from '../accounts/request-password-reset';
import { registerForSession } from '../catalogue/register-for-session';
import { registerPerson } from '../catalogue/register-person';
import { registerThroughApi } from '../catalogue/register-through-api';
import { saveModule } from '../catalogue/save-module';
import { saveCatalogueSettings } from '../catalogue/save-catalogue-settings';
import { createSession } from '../catalogue/create-session';
import { invitationEmails, orgInvitations, outboxMails } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { inviteByEmail } from '../studies/invite-by-email';
import { remindUnfinished } from '../studies/remind-unfinished';
import { changeStudyStatus } from '../studies/change-study-status';
import { createStudy } from '../studies/create-study';
import { openParticipation } from '../studies/open-participation';
import type { TenantContext } from '../tenant';
import { purgeOutbox } from './outbox-retention';
import { sendMail } from './send-mail';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let owner: TenantContext;
let frameworkId: string;
const BASE = 'https://stadtwissen.test';

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	owner = await tenantAs(t.db, 'Stadt Altenburg', 'owner', 'outbox.read');
});

beforeEach(() => smtp.use());

async function openStudy(): Promise<string> {
	const { id } = await createStudy(organiser, { title: `Wissen ${Math.random()}`, frameworkId, competences: ['A1.1'] });
	await changeStudyStatus(organiser, id, 'open');
	return id;
}

/** Everything the outbox table holds, as one string: no column may contain a link's secret. */
async function wholeOutbox(): Promise<string> {
	const rows = await t.db.execute(sql`SELECT row_to_json(o)::text AS row FROM outbox_mails o`);
	return rows.rows.map((r) => String(r.row)).join('\n');
}

describe('study invitations by SMTP', () => {
	it('puts the link in the participant’s mailbox only: the Ausgang and the table hold no link and no body', async () => {
		const id = await openStudy();
		await inviteByEmail(organiser, { studyId: id, group: 'verwaltung', emails: ['anna@example.org', 'ben@example.org'], baseUrl: BASE });
		const [mail] = smtp.to('anna@example.org');
		const token = linkIn(mail.text, '/t/');
		expect((await openParticipation(t.db, token, '192.0.2.1')).round).toBe(1);

		const outbox = await listOutbox(owner);
		const invitations = outbox.filter((m) => m.recipient === 'anna@example.org');
		expect(invitations).toEqual([expect.objectContaining({ kind: 'study_invitation', status: 'sent', subject: mail.subject })]);
		expect(Object.keys(invitations[0])).not.toContain('body');
		expect(JSON.stringify(outbox)).not.toContain(token);
		expect(await wholeOutbox()).not.toContain(token);
		const stored = await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'anna@example.org'));
		expect(stored).toEqual([expect.objectContaining({ body: null, carriesLink: true, status: 'sent' })]);
	});

	it('without SMTP refuses e-mail invitations and reminders, points to link batches, and writes nothing', async () => {
		const id = await openStudy();
		smtp.unset();
		const refused = await rejected(inviteByEmail(organiser, { studyId: id, group: 'verwaltung', emails: ['carla@example.org'], baseUrl: BASE }));
		expect(refused.code).toBe('conflict');
		expect(refused.message).toMatch(/Mailserver/);
		expect(refused.message).toMatch(/PDF.*CSV/);
		expect(await t.db.select().from(invitationEmails).where(eq(invitationEmails.studyId, id))).toEqual([]);
		expect(await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'carla@example.org'))).toEqual([]);
		expect((await rejected(remindUnfinished(organiser, id))).message).toMatch(/Mailserver/);
	});
});

describe('ordinary mails and delivery status', () => {
	it('keeps an ordinary body only until SMTP took it; a refused mail waits for its next try, without content', async () => {
		const delivered = await sendMail(t.db, { orgId: organiser.org.orgId, carriesLink: false, to: 'dora@example.org', subject: 'Termin fällt aus', body: 'Der Termin fällt aus.' });
		expect(delivered).toBe('sent');
		const [text] = smtp.to('dora@example.org').map((m) => m.text.trim());
		expect(text).toMatch(/^Der Termin fällt aus\.\n/);
		// Every mail of an organisation ends with its legal pages (issue 17).
		expect(text).toMatch(/Impressum: https?:\/\/\S+\/o\/[a-z0-9-]+\/impressum\nDatenschutz: \S+\/datenschutz\nBarrierefreiheit: \S+\/barrierefreiheit$/);
		const [sent] = await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'dora@example.org'));
		expect(sent).toMatchObject({ status: 'sent', body: null });
		expect(sent.sentAt).not.toBeNull();

		smtp.refuse.add('niemand@example.org');
		expect(await sendMail(t.db, { orgId: organiser.org.orgId, carriesLink: true, to: 'niemand@example.org', subject: 'Ihr Link', body: 'https://x/t/geheim-123' })).toBe('retrying');
		const [waiting] = await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'niemand@example.org'));
		expect(waiting).toMatchObject({ status: 'pending', body: null, sentAt: null });
		expect(waiting.failure).toMatch(/550/);
		const listed = (await listOutbox(owner)).find((m) => m.recipient === 'niemand@example.org');
		expect(listed).toMatchObject({ status: 'pending', subject: 'Ihr Link' });
		expect(listed?.retryAt?.getTime()).toBeGreaterThan(Date.now());
		expect(await wholeOutbox()).not.toContain('geheim-123');
	});
});

describe('registrations without SMTP', () => {
	it('shows the registrant’s own link to the registrant only, and keeps nothing readable for the organisation', async () => {
		await ensureDefaultFramework(t.db);
		const { id: moduleId } = await saveModule(organiser, { title: 'Beteiligung', format: 'workshop', status: 'published', description: 'Text' });
		const start = new Date(Date.now() + 20 * 24 * 3600_000);
		const session = await createSession(organiser, moduleId, { start: start.toISOString(), end: new Date(start.getTime() + 6 * 3600_000).toISOString(), location: 'Rathaus', capacity: 5 });
		smtp.unset();
		const person = (n: string) => ({ name: `Person ${n}`, email: `${n}@example.org`, organisation: 'Stadt', group: 'verwaltung' });
		const visitor = { ...systemContext(t.db, BASE), clientAddress: '192.0.2.50' };

		const own = await registerForSession(visitor, { sessionId: session.id, input: person('eva'), consent: true, source: 'public' });
		expect(own.ownLink).toMatch(new RegExp(`^${BASE}/katalog/anmeldung/swr_`));
		const token = own.ownLink!.split('/').at(-1)!;
		// Through the API a third party registers someone: it gets no link.
		expect((await registerThroughApi({ ...visitor, actor: null }, session.id, { ...person('finn'), consent: true })).ownLink).toBeUndefined();
		expect((await registerPerson({ ...systemContext(t.db, BASE), ...organiser }, session.id, person('greta'))).ownLink).toBeUndefined();

		const stored = await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'eva@example.org'));
		expect(stored).toEqual([expect.objectContaining({ kind: 'registration', status: 'not_sent', body: null, carriesLink: true })]);
		expect(await wholeOutbox()).not.toContain(token);
		expect(smtp.received.filter((m) => ['eva@example.org', 'finn@example.org', 'greta@example.org'].includes(m.to))).toEqual([]);
	});
});

describe('mail from a request naming another Host (no ORIGIN configured)', () => {
	it('is refused with a German message before anything is written or sent', async () => {
		const id = await openStudy();
		const foreign = { mailHostAccepted: false };
		const sentBefore = smtp.received.length;
		const refusals = [
			() => inviteByEmail({ ...organiser, ...foreign }, { studyId: id, group: 'verwaltung', emails: ['host@example.org'], baseUrl: BASE }),
			() => remindUnfinished({ ...organiser, ...foreign }, id),
			() => inviteMember({ ...owner, ...foreign, baseUrl: BASE }, { email: 'host-team@example.org', role: 'viewer' }),
			() => requestPasswordReset(t.db, { email: 'host@example.org', baseUrl: BASE, ip: '192.0.2.60', ...foreign }),
			() => registerForSession({ ...systemContext(t.db, BASE), clientAddress: '192.0.2.61', ...foreign }, { sessionId: '00000000-0000-4000-8000-000000000000', input: {}, consent: true }),
			() => registerThroughApi({ ...systemContext(t.db, BASE), clientAddress: '192.0.2.62', ...foreign }, '00000000-0000-4000-8000-000000000000', {}),
			() => registerPerson({ ...systemContext(t.db, BASE), ...organiser, ...foreign }, '00000000-0000-4000-8000-000000000000', {})
		];
		for (const refusal of refusals) {
			const error = await rejected(refusal());
			expect([error.code, error.status]).toEqual(['forbidden', 403]);
			expect(error.message).toMatch(/eingerichtet.*ORIGIN/);
		}
		expect(await t.db.select().from(invitationEmails).where(eq(invitationEmails.studyId, id))).toEqual([]);
		expect(await t.db.select().from(orgInvitations).where(eq(orgInvitations.email, 'host-team@example.org'))).toEqual([]);
		expect(smtp.received.length).toBe(sentBefore);
		// The same request from the configured address goes through.
		await inviteByEmail({ ...organiser, ...{ mailHostAccepted: true } }, { studyId: id, group: 'verwaltung', emails: ['host@example.org'], baseUrl: BASE });
		expect(smtp.to('host@example.org')).toHaveLength(1);
	});
});

describe('outbox retention', () => {
	it('deletes outbox entries after the organisation’s retention period, like registrations', async () => {
		const gera = await tenantAs(t.db, 'Stadt Gera (Aufbewahrung)', 'owner', 'outbox.read');
		await saveCatalogueSettings(gera, { retentionMonths: 3, offerWindowHours: 48 });
		await sendMail(t.db, { orgId: gera.org.orgId, carriesLink: false, to: 'alt@example.org', subject: 'Alt', body: 'x' });
		await sendMail(t.db, { orgId: organiser.org.orgId, carriesLink: false, to: 'altenburg@example.org', subject: 'Altenburg', body: 'x' });
		await sendMail(t.db, { orgId: null, kind: 'password_reset', carriesLink: true, to: 'reset@example.org', subject: 'Passwort', body: 'x' });
		const written = new Date();
		const months = (n: number) => new Date(written.getTime() + n * 31 * 24 * 3600_000);
		const left = async () => (await t.db.select({ to: outboxMails.recipient }).from(outboxMails)).map((m) => m.to);

		expect(await purgeOutbox(t.db, { now: months(2) })).toBe(0);
		expect(await purgeOutbox(t.db, { now: months(3) })).toBe(1);
		expect(await left()).not.toContain('alt@example.org');
		expect(await left()).toEqual(expect.arrayContaining(['altenburg@example.org', 'reset@example.org']));
		// Scoped to one organisation (the CLI's --org), the others stay.
		expect(await purgeOutbox(t.db, { orgId: gera.org.orgId, now: months(13) })).toBe(0);
		expect(await left()).toContain('reset@example.org');
		expect(await purgeOutbox(t.db, { now: months(13) })).toBeGreaterThanOrEqual(2);
		expect(await left()).toEqual([]);
	});
});
