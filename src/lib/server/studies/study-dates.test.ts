/*
 * Dates that act (issue 17): the dates job opens a draft on its opening day and closes an open
 * study after its closing day (Berlin days), by the same use case as the organiser's button, and
 * reminds the unfinished invitees once per round a few days before closing. The clock is injected
 * (ctx.now); the mails go to a real SMTP server.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs, TEST_BASE_URL } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { systemContext } from '../context';
import { invitationEmails, studies } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { applyStudyDates } from './apply-study-dates';
import { changeStudyStatus } from './change-study-status';
import { createStudy } from './create-study';
import { getStudy } from './get-study';
import { inviteByEmail } from './invite-by-email';
import { startNextRound } from './start-next-round';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let frameworkId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Datteln', 'organiser');
});
beforeEach(() => smtp.use());

/** The dates job as it runs at `instant` (a UTC instant; the rule reads Berlin days). */
const jobAt = (instant: string) => applyStudyDates(systemContext(t.db, TEST_BASE_URL, new Date(instant)));

async function study(dates: { opensOn?: string; closesOn?: string; rounds?: number; reminderDays?: number }): Promise<string> {
	const { id } = await createStudy(organiser, { title: `Termine ${Math.random()}`, frameworkId, competences: ['A1.1'], ...dates });
	return id;
}

async function auditOf(studyId: string) {
	const rows = await t.db.execute(sql`SELECT event, user_id, detail FROM audit_log WHERE detail->>'studyId' = ${studyId} ORDER BY id`);
	return rows.rows as { event: string; user_id: string | null; detail: Record<string, unknown> }[];
}

describe('a study’s dates open and close it by themselves', () => {
	it('opens a draft when its opening day begins in Berlin, not an hour earlier', async () => {
		const id = await study({ opensOn: '2027-03-01', closesOn: '2027-03-20' });
		// 28 February, 23:59 in Berlin (CET = UTC+1).
		expect((await jobAt('2027-02-28T22:59:00Z')).opened).not.toContain(id);
		expect((await getStudy(organiser, id)).status).toBe('draft');
		expect((await jobAt('2027-02-28T23:00:00Z')).opened).toContain(id);
		expect((await getStudy(organiser, id)).status).toBe('open');
		expect(await auditOf(id)).toEqual([{ event: 'study_opened_by_date', user_id: null, detail: { studyId: id, round: 1, by: 'system' } }]);
	});

	it('closes an open study when its closing day has ended in Berlin (summer time), as closing by hand does', async () => {
		const id = await study({ closesOn: '2027-07-14' });
		await changeStudyStatus(organiser, id, 'open');
		await inviteByEmail(organiser, { studyId: id, group: 'verwaltung', emails: ['ende@example.org'], baseUrl: TEST_BASE_URL });
		// 14 July, 23:59 in Berlin (CEST = UTC+2): still open.
		expect((await jobAt('2027-07-14T21:59:00Z')).closed).not.toContain(id);
		expect((await getStudy(organiser, id)).status).toBe('open');
		expect((await jobAt('2027-07-14T22:00:00Z')).closed).toContain(id);
		expect((await getStudy(organiser, id)).status).toBe('closed');
		// As closing the last round by hand: the e-mail addresses kept for the running study are gone.
		expect(await t.db.select().from(invitationEmails).where(eq(invitationEmails.studyId, id))).toEqual([]);
		expect((await auditOf(id)).map((row) => row.event)).toContain('study_closed_by_date');
	});

	it('acts once when two app instances run the job at the same moment', async () => {
		const id = await study({ opensOn: '2027-04-01' });
		const [first, second] = await Promise.all([jobAt('2027-04-01T08:00:00Z'), jobAt('2027-04-01T08:00:00Z')]);
		expect([...first.opened, ...second.opened].filter((opened) => opened === id)).toEqual([id]);
		expect((await auditOf(id)).map((row) => row.event)).toEqual(['study_opened_by_date']);
	});

	it('leaves a draft alone whose whole period has passed, and drafts without an opening day', async () => {
		const late = await study({ opensOn: '2027-01-01', closesOn: '2027-01-31' });
		const undated = await study({});
		await jobAt('2027-02-05T12:00:00Z');
		expect((await getStudy(organiser, late)).status).toBe('draft');
		expect((await getStudy(organiser, undated)).status).toBe('draft');
	});

	it('refuses opening by hand or starting the next round after the closing day, in German, with nothing changed', async () => {
		const past = await study({ closesOn: '2020-01-31' });
		const refused = await rejected(changeStudyStatus(organiserAt(organiser), past, 'open'));
		expect(refused.code).toBe('conflict');
		expect(refused.message).toMatch(/Ende der Analyse \(31\.01\.2020\) ist schon vorbei/);
		expect((await getStudy(organiser, past)).status).toBe('draft');

		const delphi = await study({ rounds: 2 });
		await changeStudyStatus(organiser, delphi, 'open');
		await changeStudyStatus(organiser, delphi, 'closed');
		await t.db.update(studies).set({ closesOn: '2020-02-01' }).where(eq(studies.id, delphi));
		expect((await rejected(startNextRound(organiserAt(organiser), delphi))).message).toMatch(/schon vorbei/);
		expect(await getStudy(organiser, delphi)).toMatchObject({ status: 'closed', currentRound: 1 });
	});
});

describe('the reminder before closing', () => {
	it('goes to the unfinished invitees three days before closing, names the closing day, and only once per round', async () => {
		const id = await study({ closesOn: '2027-05-10' });
		await changeStudyStatus(organiser, id, 'open');
		await inviteByEmail(organiser, { studyId: id, group: 'verwaltung', emails: ['erinnern@example.org'], baseUrl: TEST_BASE_URL });
		expect((await jobAt('2027-05-06T12:00:00Z')).reminded).not.toContain(id);
		expect(smtp.to('erinnern@example.org').filter((m) => m.subject.startsWith('Erinnerung'))).toEqual([]);

		expect((await jobAt('2027-05-07T06:00:00Z')).reminded).toContain(id);
		const reminders = () => smtp.to('erinnern@example.org').filter((m) => m.subject.startsWith('Erinnerung'));
		expect(reminders()).toHaveLength(1);
		expect(reminders()[0].text).toContain('Die Befragung schließt am 10.05.2027 um 24 Uhr.');

		// The job runs every few minutes and on every start: no second reminder in this round.
		await Promise.all([jobAt('2027-05-08T06:00:00Z'), jobAt('2027-05-08T06:00:00Z')]);
		await jobAt('2027-05-10T20:00:00Z');
		expect(reminders()).toHaveLength(1);
		expect((await auditOf(id)).filter((row) => row.event === 'study_reminder_by_date')).toEqual([
			{ event: 'study_reminder_by_date', user_id: null, detail: { studyId: id, round: 1, by: 'system' } }
		]);
	});

	it('follows the study’s own lead time: 5 days before closing, not 6; with 0 days never, and the study still closes', async () => {
		const reminders = (address: string) => smtp.to(address).filter((m) => m.subject.startsWith('Erinnerung'));
		const early = await study({ closesOn: '2027-07-10', reminderDays: 5 });
		const none = await study({ closesOn: '2027-07-10', reminderDays: 0 });
		for (const [id, address] of [[early, 'fuenf@example.org'], [none, 'nie@example.org']]) {
			await changeStudyStatus(organiser, id, 'open');
			await inviteByEmail(organiser, { studyId: id, group: 'verwaltung', emails: [address], baseUrl: TEST_BASE_URL });
		}
		expect((await jobAt('2027-07-04T12:00:00Z')).reminded).not.toContain(early);
		expect(reminders('fuenf@example.org')).toEqual([]);
		expect((await jobAt('2027-07-05T06:00:00Z')).reminded).toContain(early);
		expect(reminders('fuenf@example.org')).toHaveLength(1);
		expect(reminders('fuenf@example.org')[0].text).toContain('Die Befragung schließt am 10.07.2027 um 24 Uhr.');

		for (const day of ['2027-07-05', '2027-07-07', '2027-07-09', '2027-07-10']) expect((await jobAt(`${day}T20:00:00Z`)).reminded).not.toContain(none);
		expect(reminders('nie@example.org')).toEqual([]);
		expect((await auditOf(none)).map((row) => row.event)).not.toContain('study_reminder_by_date');
		expect((await jobAt('2027-07-11T06:00:00Z')).closed).toEqual(expect.arrayContaining([early, none]));
	});

	it('without a mail server sends nothing and claims nothing', async () => {
		const id = await study({ closesOn: '2027-06-10' });
		await changeStudyStatus(organiser, id, 'open');
		smtp.unset();
		expect((await jobAt('2027-06-09T06:00:00Z')).reminded).not.toContain(id);
		expect(await auditOf(id)).toEqual([]);
	});
});
