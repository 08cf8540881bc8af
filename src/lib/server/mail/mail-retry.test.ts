/*
 * A mail SMTP refuses is tried again by a pg-boss job until it is delivered; the Ausgang shows
 * when, never what. Several app instances working the same database deliver each mail once.
 */
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { inviteMember } from '../accounts/invite-member';
import { listOutbox } from '../accounts/list-outbox';
import { outboxMails } from '../db/schema';
import { MAIL_RETRY_QUEUE } from '../jobs/queues';
import { startJobRunner, type JobRunner } from '../jobs/run-jobs';
import type { TenantContext } from '../tenant';
import { sendMail } from './send-mail';

let t: TestDatabase;
let smtp: TestSmtp;
let owner: TenantContext;
const runners: JobRunner[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	owner = await tenantAs(t.db, 'Stadt Borna', 'owner', 'outbox.read');
});

afterEach(async () => {
	await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});

/** Time passes: every waiting retry is due now (done as the owner, as an operator could). */
async function retriesDueNow(): Promise<void> {
	const owner = new pg.Client({ connectionString: t.ownerUrl });
	await owner.connect();
	await owner.query(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state IN ('created', 'retry')`, [MAIL_RETRY_QUEUE]);
	await owner.end();
}

async function runner(): Promise<JobRunner> {
	const started = await startJobRunner(t.db, {}, { schedules: false, pollingIntervalSeconds: 0.5 });
	runners.push(started);
	return started;
}

/** Every column of every pg-boss job, as one string. */
async function wholeJobTable(): Promise<string> {
	const rows = await t.db.execute(sql`SELECT row_to_json(j)::text AS row FROM pgboss.job j`);
	return rows.rows.map((r) => String(r.row)).join('\n');
}

describe('a mail SMTP refused', () => {
	it('is tried again and delivered; meanwhile the Ausgang shows the next try, afterwards "sent", and the link is kept nowhere', async () => {
		smtp.refuse.add('emil@example.org');
		const status = await sendMail(t.db, { orgId: owner.org.orgId, kind: 'study_invitation', carriesLink: true, to: 'emil@example.org', subject: 'Einladung zur Befragung', body: 'Ihr Link: https://x/t/geheim-456' });
		expect(status).toBe('retrying');
		expect(smtp.to('emil@example.org')).toEqual([]);
		const waiting = (await listOutbox(owner)).find((m) => m.recipient === 'emil@example.org');
		expect(waiting).toMatchObject({ status: 'pending' });
		expect(waiting?.retryAt).toBeInstanceOf(Date);

		smtp.refuse.delete('emil@example.org');
		await retriesDueNow();
		await runner();
		await expect.poll(() => smtp.to('emil@example.org').length, { timeout: 20_000 }).toBe(1);
		expect(smtp.to('emil@example.org')[0].text).toContain('https://x/t/geheim-456');
		await expect.poll(async () => (await listOutbox(owner)).find((m) => m.recipient === 'emil@example.org'), { timeout: 10_000 }).toMatchObject({ status: 'sent', retryAt: null });
		const [row] = await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'emil@example.org'));
		expect(row).toMatchObject({ status: 'sent', body: null, failure: null });
		await expect.poll(wholeJobTable, { timeout: 10_000 }).not.toContain('geheim-456');
	});

	it('that SMTP keeps refusing ends as failed after the last try, its body gone', async () => {
		smtp.refuse.add('fritz@example.org');
		expect(await sendMail(t.db, { orgId: owner.org.orgId, carriesLink: false, to: 'fritz@example.org', subject: 'Termin verschoben', body: 'Neuer Termin: Dienstag' })).toBe('retrying');
		// The job's last try: retryCount reaches the queue's limit.
		const owner_ = new pg.Client({ connectionString: t.ownerUrl });
		await owner_.connect();
		await owner_.query(`UPDATE pgboss.job SET retry_count = retry_limit, start_after = now() WHERE name = $1 AND state IN ('created', 'retry')`, [MAIL_RETRY_QUEUE]);
		await owner_.end();
		await runner();
		await expect.poll(async () => (await listOutbox(owner)).find((m) => m.recipient === 'fritz@example.org')?.status, { timeout: 20_000 }).toBe('failed');
		const [row] = await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'fritz@example.org'));
		expect(row).toMatchObject({ status: 'failed', body: null });
		expect(row.failure).toMatch(/550/);
		expect(smtp.to('fritz@example.org')).toEqual([]);
	});

	it('of a member invitation is reported as waiting for its next try, not as unsent', async () => {
		smtp.refuse.add('neu@example.org');
		const { mail } = await inviteMember({ ...owner, baseUrl: 'https://x' }, { email: 'neu@example.org', role: 'viewer' });
		expect(mail).toBe('retrying');
		expect((await listOutbox(owner)).find((m) => m.recipient === 'neu@example.org')).toMatchObject({ kind: 'member_invitation', status: 'pending' });
	});

	it('is delivered once even when two app instances work the queue', async () => {
		const recipients = Array.from({ length: 12 }, (_, i) => `gast${i}@example.org`);
		for (const to of recipients) smtp.refuse.add(to);
		for (const to of recipients) expect(await sendMail(t.db, { orgId: owner.org.orgId, carriesLink: false, to, subject: 'Hinweis', body: `Hallo ${to}` })).toBe('retrying');
		for (const to of recipients) smtp.refuse.delete(to);
		await retriesDueNow();
		await Promise.all([runner(), runner()]);
		await expect.poll(() => recipients.filter((to) => smtp.to(to).length > 0).length, { timeout: 30_000 }).toBe(recipients.length);
		// Give a second delivery the chance to happen, then count.
		await expect.poll(async () => (await listOutbox(owner)).filter((m) => recipients.includes(m.recipient) && m.status === 'sent').length, { timeout: 10_000 }).toBe(recipients.length);
		for (const to of recipients) expect(smtp.to(to)).toHaveLength(1);
	});
});
