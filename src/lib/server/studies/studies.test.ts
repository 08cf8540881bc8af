import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { allItems } from '../../domain/study/questionnaire';
import { answers, encryptedDrafts, frameworkVersions, invitations } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { readCounters, readParticipation } from './counters';
import { getBatchLinks } from './get-batch-links';
import { confirmHandedOut } from './confirm-handed-out';
import { createInvitationBatch } from './create-invitation-batch';
import { inviteByEmail } from './invite-by-email';
import { getProgressByGroup } from './get-progress-by-group';
import { remindUnfinished } from './remind-unfinished';
import { changeStudyStatus } from './change-study-status';
import { createStudy } from './create-study';
import { getStudy } from './get-study';
import { startNextRound } from './start-next-round';
import { updateStudy } from './update-study';
import { openParticipation } from './open-participation';
import type { Participation } from './participation';
import { saveDraft } from './save-draft';
import { submitAnswers } from './submit-answers';
import { rejected } from '../../../../tests/helpers/errors';
import { linkIn, startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { saveQuestionnairePage } from './save-questionnaire-page';
import { submitQuestionnaire } from './submit-questionnaire';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let frameworkId: string;
const BASE = 'https://stadtwissen.test';
const IP = '192.0.2.1';
const COMPETENCES = ['A1.1', 'A1.2', 'A3.1'];

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
});

async function openStudy(extra: Record<string, unknown> = {}) {
	const { id } = await createStudy(organiser, { title: 'Wissen für morgen', frameworkId, competences: COMPETENCES, ...extra });
	await changeStudyStatus(organiser, id, 'open');
	return id;
}

/** Rates every item of the questionnaire with `value`. */
function fullAnswers(participation: Participation, value: number | null) {
	return allItems(participation.pages).map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value }));
}

describe('setting up a study', () => {
	it('uses the defaults, pins the framework version and freezes it', async () => {
		const { id } = await createStudy(organiser, { title: 'Wissen für morgen', frameworkId });
		const study = await getStudy(organiser, id);
		expect(study.groups.map((g) => g.key)).toEqual(['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft', 'wissenschaft']);
		expect(study.horizons.map((h) => h.key)).toEqual(['heute', 'morgen', 'uebermorgen']);
		expect(study).toMatchObject({ minGroupSize: 5, quantileType: 7, rounds: 1, status: 'draft', consensus: { maxIqr: 1, minAgreement: 0.7 } });
		expect(study.competences.length).toBeGreaterThanOrEqual(35);
		const [version] = await t.db.select().from(frameworkVersions).where(eq(frameworkVersions.id, study.frameworkVersionId));
		expect(version.frozenAt).not.toBeNull();
	});

	it('refuses a minimum group size below 3 and unknown competences, in German, writing nothing', async () => {
		const before = await t.db.execute(sql`SELECT count(*)::int n FROM studies`);
		const small = await rejected(createStudy(organiser, { title: 'Zu klein', frameworkId, minGroupSize: 2 }));
		expect(small.code).toBe('validation_failed');
		expect(small.details[0]).toMatchObject({ path: 'minGroupSize', message: expect.stringMatching(/nicht unter 3/) });
		const unknown = await rejected(createStudy(organiser, { title: 'Unbekannt', frameworkId, competences: ['Z9.9'] }));
		expect(unknown.details[0].message).toMatch(/Z9\.9/);
		const after = await t.db.execute(sql`SELECT count(*)::int n FROM studies`);
		expect(after.rows[0]).toEqual(before.rows[0]);
	});

	it('locks questions and groups once open, but lets texts be corrected', async () => {
		const id = await openStudy();
		const locked = await rejected(updateStudy(organiser, id, { settings: { title: 'Anders', frameworkId, rounds: 2 } }));
		expect(locked.code).toBe('conflict');
		await updateStudy(organiser, id, { texts: { title: 'Wissen für übermorgen', groupLabels: { politik: 'Stadtrat' } } });
		const study = await getStudy(organiser, id);
		expect(study.title).toBe('Wissen für übermorgen');
		expect(study.groups.find((g) => g.key === 'politik')?.label).toBe('Stadtrat');
		expect(study.rounds).toBe(1);
	});

	it('keeps another organisation out', async () => {
		const id = await openStudy();
		const other = await tenantAs(t.db, 'Stadt Gera', 'owner');
		expect((await rejected(getStudy(other, id))).code).toBe('not_found');
		expect((await rejected(createInvitationBatch(other, { studyId: id, group: 'verwaltung', count: 1, baseUrl: BASE }))).code).toBe('not_found');
	});
});

describe('taking part', () => {
	it('a link opens the questionnaire, resumes the draft, and submits once with a receipt', async () => {
		const id = await openStudy();
		const { tokens, links } = await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 3, baseUrl: BASE });
		expect(links[0]).toBe(`${BASE}/t/${tokens[0]}`);
		expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const stored = await t.db.select().from(invitations).where(eq(invitations.studyId, id));
		expect(JSON.stringify(stored)).not.toContain(tokens[0]);

		const participation = await openParticipation(t.db, tokens[0], IP);
		expect(participation.group.key).toBe('verwaltung');
		expect(participation.pages.map((p) => p.areaCode)).toEqual(['A1', 'A3']);
		await saveDraft(t.db, participation, { answers: { 'A1.1|importance|heute': 4 }, open: {} });
		const [draftRow] = await t.db.select().from(encryptedDrafts).where(eq(encryptedDrafts.studyId, id));
		expect(draftRow.payload).not.toContain('importance');
		expect((await openParticipation(t.db, tokens[0], IP)).draft.answers).toEqual({ 'A1.1|importance|heute': 4 });

		const key = randomUUID();
		const first = await submitAnswers(t.db, participation, key, { answers: fullAnswers(participation, 4) });
		const again = await submitAnswers(t.db, await openParticipation(t.db, tokens[0], IP, { forSubmission: true }), key, { answers: fullAnswers(participation, 4) });
		expect(again).toEqual({ receipt: first.receipt, replayed: true });
		const differentBody = await rejected(submitAnswers(t.db, participation, key, { answers: fullAnswers(participation, 2) }));
		expect(differentBody.code).toBe('validation_failed');
		const secondKey = await rejected(submitAnswers(t.db, participation, randomUUID(), { answers: fullAnswers(participation, 2) }));
		expect(secondKey.code).toBe('gone');
		expect((await rejected(openParticipation(t.db, tokens[0], IP))).message).toMatch(/schon abgeschlossen/);
		// Another link that happens to send the same key and answers is a submission of its own.
		const other = await submitAnswers(t.db, await openParticipation(t.db, tokens[1], IP, { forSubmission: true }), key, { answers: fullAnswers(participation, 4) });
		expect(other).toMatchObject({ replayed: false });
		expect(other.receipt).not.toBe(first.receipt);

		expect(await readCounters(t.db, id, 1)).toEqual([]); // counted when the round closes
		await changeStudyStatus(organiser, id, 'closed');
		const counters = await readCounters(t.db, id, 1);
		expect(counters).toHaveLength(allItems(participation.pages).length);
		for (const row of counters) expect(row.counts).toEqual([0, 0, 0, 2, 0]);
		expect((await readParticipation(t.db, id, 1)).get('verwaltung')).toBe(2);
		const progress = await getProgressByGroup(organiser, id);
		expect(progress.find((p) => p.key === 'verwaltung')).toMatchObject({ invited: 3, started: 2, finished: 2 });
	});

	it('asks before sending an empty questionnaire (0 answers were accepted without a word) and gives a receipt without look-alike characters', async () => {
		const id = await openStudy();
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 1, baseUrl: BASE });
		const ctx = { db: t.db, clientAddress: IP } as Parameters<typeof submitQuestionnaire>[0];
		const refused = await rejected(submitQuestionnaire(ctx, tokens[0], { idempotencyKey: randomUUID(), open: {} }));
		expect(refused.code).toBe('validation_failed');
		expect(refused.message).toMatch(/^Sie haben keine Frage beantwortet – trotzdem absenden\?/);
		expect((await readParticipation(t.db, id, 1)).get('verwaltung') ?? 0).toBe(0);
		await openParticipation(t.db, tokens[0], IP); // the link still works
		const receipt = await submitQuestionnaire(ctx, tokens[0], { idempotencyKey: randomUUID(), emptyConfirmed: true, open: {} });
		expect(receipt).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
	});

	it('stores answers without token, user or exact time', async () => {
		const columns = await t.db.execute<{ column_name: string; data_type: string }>(sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'answers'`);
		const names = columns.rows.map((c) => c.column_name).sort();
		expect(names).toEqual(['competence', 'group_key', 'horizon', 'measure', 'response_id', 'round', 'study_id', 'submitted_on', 'value']);
		expect(columns.rows.find((c) => c.column_name === 'submitted_on')?.data_type).toBe('date');
		const constraints = await t.db.execute(sql`SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conrelid = 'answers'::regclass AND contype = 'f'`);
		// No foreign key at all, in particular none to invitations (the one to studies went for speed, see the schema).
		expect(constraints.rows).toEqual([]);
		const rows = await t.db.select().from(answers);
		const invitationRows = await t.db.select().from(invitations);
		// The only per-response value is response_id: it must not be an invitation's id, nor a uuid
		// made from a link's hash — either would tie the answers to the link (and its e-mail address).
		expect(rows.length).toBeGreaterThan(0);
		const asUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
		const linkDerived = new Set(invitationRows.flatMap((i) => [i.id, asUuid(i.tokenHash)]));
		for (const row of rows) expect(linkDerived.has(row.responseId), row.responseId).toBe(false);
	});

	it('rejects invalid answers with per-answer details and stores nothing', async () => {
		const id = await openStudy();
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'politik', count: 1, baseUrl: BASE });
		const participation = await openParticipation(t.db, tokens[0], IP);
		const answersBefore = (await t.db.select().from(answers)).length;
		const error = await rejected(submitAnswers(t.db, participation, randomUUID(), { answers: [{ competence: 'A1.1', measure: 'importance', horizon: 'heute', value: 7 }, { competence: 'X', measure: 'importance', horizon: 'heute', value: 1 }] }));
		expect(error.code).toBe('validation_failed');
		expect(error.details.map((d) => d.path)).toEqual(['answers[0].value', 'answers[1]']);
		expect((await t.db.select().from(answers)).length).toBe(answersBefore);
		expect(await readCounters(t.db, id, 1)).toEqual([]);
		await submitAnswers(t.db, participation, randomUUID(), { answers: fullAnswers(participation, 3) });
	});

	it('explains unknown links, studies not yet open and closed ones', async () => {
		expect((await rejected(openParticipation(t.db, 'x'.repeat(43), IP))).code).toBe('not_found');
		const { id } = await createStudy(organiser, { title: 'Noch zu', frameworkId, competences: COMPETENCES });
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'kultur', count: 1, baseUrl: BASE });
		expect((await rejected(openParticipation(t.db, tokens[0], IP))).code).toBe('conflict');
		await changeStudyStatus(organiser, id, 'open');
		await changeStudyStatus(organiser, id, 'closed');
		expect((await rejected(openParticipation(t.db, tokens[0], IP))).message).toMatch(/beendet/);
	});

	it('counts concurrent submissions exactly, without deadlocks, and lets one link win only once', async () => {
		const id = await openStudy();
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'wirtschaft', count: 30, baseUrl: BASE });
		const participations = await Promise.all(tokens.map((token) => openParticipation(t.db, token, IP)));
		await Promise.all(participations.map((p, i) => submitAnswers(t.db, p, randomUUID(), { answers: fullAnswers(p, (i % 5) + 1) })));
		// One round only: no sheet is kept for a next round's feedback.
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM encrypted_drafts WHERE study_id = ${id}`)).rows[0]).toEqual({ n: 0 });

		const { tokens: [single] } = await createInvitationBatch(organiser, { studyId: id, group: 'wirtschaft', count: 1, baseUrl: BASE });
		const p = await openParticipation(t.db, single, IP);
		const outcomes = await Promise.allSettled([1, 2, 3].map(() => submitAnswers(t.db, p, randomUUID(), { answers: fullAnswers(p, 1) })));
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
		expect((await readParticipation(t.db, id, 1)).get('wirtschaft')).toBe(31);
		await changeStudyStatus(organiser, id, 'closed');
		for (const row of await readCounters(t.db, id, 1)) expect(row.counts).toEqual([7, 6, 6, 6, 6]);
	});

	it('refuses a questionnaire sent after the round closed, storing nothing, and closing waits for submissions under way', async () => {
		const id = await openStudy();
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'kultur', count: 21, baseUrl: BASE });
		const participations = await Promise.all(tokens.map((token) => openParticipation(t.db, token, IP)));
		const late = participations.pop()!;
		const racing = Promise.allSettled(participations.map((p) => submitAnswers(t.db, p, randomUUID(), { answers: fullAnswers(p, 3) })));
		await changeStudyStatus(organiser, id, 'closed');
		const countedAtClose = (await readParticipation(t.db, id, 1)).get('kultur') ?? 0;
		const outcomes = await racing;
		const accepted = outcomes.filter((o) => o.status === 'fulfilled').length;
		for (const outcome of outcomes) if (outcome.status === 'rejected') expect(outcome.reason.message).toMatch(/beendet/);
		expect(countedAtClose).toBe(accepted);
		expect((await readParticipation(t.db, id, 1)).get('kultur') ?? 0).toBe(accepted);

		const refused = await rejected(submitAnswers(t.db, late, randomUUID(), { answers: fullAnswers(late, 3) }));
		expect(refused.message).toMatch(/beendet/);
		const stored = await t.db.execute<{ n: number }>(sql`SELECT count(DISTINCT response_id)::int n FROM answers WHERE study_id = ${id}`);
		expect(stored.rows[0].n).toBe(accepted);
	});

	it('counts the histograms from the answers when the round closes, one row per cell, and keeps the participation', async () => {
		const id = await openStudy();
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'politik', count: 12, baseUrl: BASE });
		const participations = await Promise.all(tokens.map((token) => openParticipation(t.db, token, IP)));
		await Promise.all(participations.map((p, i) => submitAnswers(t.db, p, randomUUID(), { answers: fullAnswers(p, i % 3 === 0 ? null : (i % 5) + 1) })));
		expect(await readCounters(t.db, id, 1)).toEqual([]);
		const participation = await readParticipation(t.db, id, 1);
		await changeStudyStatus(organiser, id, 'closed');
		const counters = await readCounters(t.db, id, 1);
		expect(counters).toHaveLength(allItems(participations[0].pages).length);
		// i = 0…11: "kann ich nicht einschätzen" for 0, 3, 6, 9; the others rate (i mod 5) + 1: 2, 3, 5, 1, 3, 4, 1, 2.
		for (const row of counters) expect({ counts: row.counts, dontKnow: row.dontKnow }).toEqual({ counts: [2, 2, 2, 1, 1], dontKnow: 4 });
		expect(await readParticipation(t.db, id, 1)).toEqual(participation);
		expect(participation.get('politik')).toBe(12);
		const shards = await t.db.execute<{ n: number }>(sql`SELECT count(*)::int n FROM participation_counters WHERE study_id = ${id} AND shard <> 0`);
		expect(shards.rows[0].n).toBe(0);
	});
});

describe('Delphi rounds', () => {
	it('round 2 starts after closing, carries the previous answers, counts changes, and excludes newcomers unless allowed', async () => {
		const id = await openStudy({ rounds: 2 });
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 2, baseUrl: BASE });
		const first = await openParticipation(t.db, tokens[0], IP);
		await submitAnswers(t.db, first, randomUUID(), { answers: fullAnswers(first, 2) });
		await changeStudyStatus(organiser, id, 'closed');
		expect((await rejected(changeStudyStatus(organiser, id, 'open'))).message).toMatch(/nächste Runde/);
		const study = await startNextRound(organiser, id);
		expect(study).toMatchObject({ status: 'open', currentRound: 2 });

		const second = await openParticipation(t.db, tokens[0], IP);
		expect(second.round).toBe(2);
		expect(second.previous?.answers['A1.1|importance|heute']).toBe(2);
		expect(second.draft.answers['A1.1|importance|heute']).toBe(2);
		// A reason sent with a Delphi page (as the old form did) is not kept: nobody would read it.
		const page = new FormData();
		page.set('a:A1.1|importance|heute', '4');
		page.set('r:A1.1|importance|heute', 'Neue Aufgaben in unserem Amt');
		await saveQuestionnairePage({ db: t.db, clientAddress: IP, baseUrl: BASE }, tokens[0], '1', page);
		const drafted = await openParticipation(t.db, tokens[0], IP);
		expect(drafted.draft.answers['A1.1|importance|heute']).toBe(4);
		expect(JSON.stringify(drafted.draft)).not.toContain('Neue Aufgaben');
		const changed = fullAnswers(second, 2).map((a, i) => (i === 0 ? { ...a, value: 4 } : a));
		await submitAnswers(t.db, second, randomUUID(), { answers: changed });
		const transitions = await t.db.execute<{ previous_value: number; current_value: number; total: number }>(sql`
			SELECT previous_value, current_value, sum(count)::int total FROM transition_counters WHERE study_id = ${id} GROUP BY 1, 2 ORDER BY 1, 2`);
		expect(transitions.rows).toEqual([
			{ previous_value: 2, current_value: 2, total: allItems(second.pages).length - 1 },
			{ previous_value: 2, current_value: 4, total: 1 }
		]);
		expect((await rejected(openParticipation(t.db, tokens[1], IP))).message).toMatch(/vorigen Runde/);
		expect((await rejected(startNextRound(organiser, id))).code).toBe('conflict');
	});

	it('closing the last round deletes drafts, kept answers and e-mail addresses', async () => {
		const id = await openStudy();
		await inviteByEmail(organiser, { studyId: id, group: 'verwaltung', emails: ['a@example.org', 'b@example.org'], baseUrl: BASE });
		const [mail] = smtp.to('a@example.org');
		const token = linkIn(mail.text, '/t/');
		const p = await openParticipation(t.db, token, IP);
		await submitAnswers(t.db, p, randomUUID(), { answers: fullAnswers(p, 5) });
		expect(await remindUnfinished(organiser, id)).toEqual({ reminded: 1 });
		const reminders = smtp.received.filter((m) => m.subject.startsWith('Erinnerung:'));
		expect(reminders.map((r) => r.to)).toEqual(['b@example.org']);
		expect(reminders[0].text).not.toMatch(/\/t\//);
		await changeStudyStatus(organiser, id, 'closed');
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM encrypted_drafts WHERE study_id = ${id}`)).rows[0]).toEqual({ n: 0 });
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM invitation_emails WHERE study_id = ${id}`)).rows[0]).toEqual({ n: 0 });
	});

	it('forgets the plain links once the organiser confirms they were handed out', async () => {
		const id = await openStudy();
		const { batchId } = await createInvitationBatch(organiser, { studyId: id, group: 'kultur', count: 2, baseUrl: BASE });
		expect((await getBatchLinks(organiser, id, batchId, BASE)).links).toHaveLength(2);
		await confirmHandedOut(organiser, id, batchId);
		expect((await rejected(getBatchLinks(organiser, id, batchId, BASE))).code).toBe('gone');
	});
});
