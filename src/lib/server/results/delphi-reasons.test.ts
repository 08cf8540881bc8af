/*
 * eDelphi reasons (issue 17): a reason given in round n is stored as anonymous free text of the
 * round ("reason:<item key>"), reviewed and released by the organiser beside the open questions,
 * and shown in round n+1 as an argument only under the free-text rule and with at least k reasons.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs, TEST_BASE_URL } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { reasonKey } from '../../domain/study/delphi-reasons';
import { allItems } from '../../domain/study/questionnaire';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { entryPrefillFromAnswer } from '../glossary/prefill-from-answer';
import { changeStudyStatus } from '../studies/change-study-status';
import { createInvitationBatch } from '../studies/create-invitation-batch';
import { createStudy } from '../studies/create-study';
import { getStudy } from '../studies/get-study';
import { openParticipation } from '../studies/open-participation';
import { startNextRound } from '../studies/start-next-round';
import { submitAnswers } from '../studies/submit-answers';
import type { TenantContext } from '../tenant';
import { delphiArgumentsFor } from './delphi-reasons';
import { getOpenAnswerReview } from './get-open-answer-review';
import { getResultsWithOpenAnswers } from './open-answers';
import { setOpenAnswerHidden } from './set-open-answer-hidden';
import { setOpenAnswerRelease } from './set-open-answer-release';

let t: TestDatabase;
let organiser: TenantContext;
let studyId: string;
const tokens: Record<string, string[]> = {};

const ITEM = 'A1.1|importance|heute';
const PROFICIENCY = 'A1.1|proficiency|';
/** k = 3; free text needs n ≥ 8: amt (8) is shown, rat (4) is not. */
const GROUPS = { amt: 8, rat: 4 } as const;

async function submit(token: string, value: 1 | 2 | 3 | 4 | 5, open: Record<string, string> = {}) {
	const participation = await openParticipation(t.db, token, '192.0.2.1');
	const answers = allItems(participation.pages).map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value }));
	return submitAnswers(t.db, participation, randomUUID(), { answers, open });
}

const release = (released: boolean, question = reasonKey(ITEM)) => setOpenAnswerRelease(organiser, studyId, { round: 2, question, released });
const study = () => getStudy(organiser, studyId);

beforeAll(async () => {
	t = await createTestDatabase();
	const frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Argumentheim', 'organiser');
	({ id: studyId } = await createStudy(organiser, {
		title: 'Delphi mit Begründungen',
		frameworkId,
		competences: ['A1.1'],
		groups: Object.keys(GROUPS).map((key) => ({ key, label: key === 'amt' ? 'Verwaltung' : 'Rat' })),
		horizons: [{ key: 'heute', label: 'heute', years: 0 }],
		minGroupSize: 3,
		rounds: 3
	}));
	await changeStudyStatus(organiser, studyId, 'open');
	for (const [group, count] of Object.entries(GROUPS)) {
		tokens[group] = (await createInvitationBatch(organiser, { studyId, group, count, baseUrl: TEST_BASE_URL })).tokens;
		for (const token of tokens[group]) await submit(token, group === 'amt' ? 4 : 2);
	}
	await changeStudyStatus(organiser, studyId, 'closed');
	await startNextRound(organiserAt(organiser), studyId);
	// Round 2: four of the Verwaltung and three of the Rat give a reason for the first item.
	for (const [index, token] of tokens.amt.entries()) {
		const open: Record<string, string> = index < 4 ? { [reasonKey(ITEM)]: `  Amt ${index + 1}: bei uns anders.  ` } : {};
		if (index === 0) open[reasonKey(PROFICIENCY)] = 'Fehlt heute ganz.';
		await submit(token, index < 4 ? 1 : 4, open);
	}
	for (const [index, token] of tokens.rat.entries()) await submit(token, 2, index < 3 ? { [reasonKey(ITEM)]: `Rat ${index + 1}` } : {});
	await changeStudyStatus(organiser, studyId, 'closed');
});

describe('reasons given with the answers', () => {
	it('are stored as the round’s anonymous free text under the item’s reason key, trimmed, without any link to the participant', async () => {
		const rows = await t.db.execute(sql`SELECT question_key, group_key, text FROM open_answers WHERE study_id = ${studyId} AND round = 2 ORDER BY text`);
		expect(rows.rows.filter((row) => row.question_key === reasonKey(ITEM) && row.group_key === 'amt').map((row) => row.text)).toEqual([
			'Amt 1: bei uns anders.',
			'Amt 2: bei uns anders.',
			'Amt 3: bei uns anders.',
			'Amt 4: bei uns anders.'
		]);
		const columns = await t.db.execute(sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'open_answers'`);
		expect(columns.rows.map((row) => row.column_name).sort()).toEqual(['group_key', 'hidden', 'id', 'question_key', 'round', 'study_id', 'submitted_on', 'text']);
	});

	it('are refused in German when too long, for an item not in the questionnaire, or in the last round — and nothing is stored', async () => {
		const before = await t.db.execute(sql`SELECT count(*)::int AS n FROM open_answers WHERE study_id = ${studyId}`);
		await startNextRound(organiserAt(organiser), studyId);
		const [first, second] = tokens.amt;
		const tooLong = await rejected(submit(first, 3, { [reasonKey(ITEM)]: 'x'.repeat(501) }));
		expect(tooLong.code).toBe('validation_failed');
		expect(tooLong.details).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'Die Begründung darf höchstens 500 Zeichen lang sein.' })]));
		expect((await rejected(submit(first, 3, { [reasonKey('Z9|importance|heute')]: 'a' }))).details?.[0].message).toMatch(/keine Frage im Fragebogen/);
		expect((await rejected(submit(second, 3, { [reasonKey(ITEM)]: 'Runde 3' }))).details?.[0].message).toMatch(/letzten Runde/);
		const after = await t.db.execute(sql`SELECT count(*)::int AS n FROM open_answers WHERE study_id = ${studyId}`);
		expect(after.rows[0].n).toBe(before.rows[0].n);
		// Without a reason the same link still submits.
		expect((await submit(first, 3)).replayed).toBe(false);
	});
});

describe('the organiser’s review of the reasons', () => {
	it('lists them per item as "Begründungen" beside the open questions, texts only from groups with n ≥ 8', async () => {
		const review = await getOpenAnswerReview(organiser, studyId, 2);
		expect(review.questions).toEqual([]);
		expect(review.nextRound).toBe(3);
		const item = review.reasons.find((r) => r.key === reasonKey(ITEM))!;
		expect(item.label).toMatch(/\(A1\.1\) – Wichtigkeit, heute$/);
		expect(item.released).toBe(false);
		expect(item.groups.map((g) => [g.label, g.eligible, g.texts.length])).toEqual([
			['Verwaltung', true, 4],
			['Rat', false, 0]
		]);
		expect(review.reasons.map((r) => r.key)).toContain(reasonKey(PROFICIENCY));
	});

	it('releases an item’s reasons; only then does the next round see them as arguments, and never in the results', async () => {
		expect(await delphiArgumentsFor(t.db, await study(), 3)).toEqual({});
		await release(true);
		const shown = await delphiArgumentsFor(t.db, await study(), 3);
		expect(Object.keys(shown)).toEqual([ITEM]);
		expect([...shown[ITEM]].sort()).toEqual(['Amt 1: bei uns anders.', 'Amt 2: bei uns anders.', 'Amt 3: bei uns anders.', 'Amt 4: bei uns anders.']);
		expect((await getOpenAnswerReview(organiser, studyId, 2)).reasons.find((r) => r.key === reasonKey(ITEM))?.released).toBe(true);
		// The results' free text is the open questions' only.
		expect((await getResultsWithOpenAnswers(organiser, studyId, { round: 2 })).openAnswers).toEqual([]);
		// The single reason for the proficiency item stays unseen even once released: fewer than k.
		await release(true, reasonKey(PROFICIENCY));
		expect(Object.keys(await delphiArgumentsFor(t.db, await study(), 3))).toEqual([ITEM]);
	});

	it('hides single reasons; below k remaining the item shows no argument at all', async () => {
		const texts = (await getOpenAnswerReview(organiser, studyId, 2)).reasons.find((r) => r.key === reasonKey(ITEM))!.groups[0].texts;
		await setOpenAnswerHidden(organiser, studyId, { round: 2, answerId: texts[0].id, hidden: true });
		expect((await delphiArgumentsFor(t.db, await study(), 3))[ITEM]).toHaveLength(3);
		await setOpenAnswerHidden(organiser, studyId, { round: 2, answerId: texts[1].id, hidden: true });
		expect(await delphiArgumentsFor(t.db, await study(), 3)).toEqual({});
		await release(false);
		await setOpenAnswerHidden(organiser, studyId, { round: 2, answerId: texts[1].id, hidden: false });
		expect(await delphiArgumentsFor(t.db, await study(), 3)).toEqual({});
	});

	it('lets a reason start a glossary entry, like an open answer', async () => {
		const [first] = (await getOpenAnswerReview(organiser, studyId, 2)).reasons.find((r) => r.key === reasonKey(ITEM))!.groups[0].texts;
		expect(await entryPrefillFromAnswer(organiser, { study: studyId, round: '2', answer: first.id })).toEqual({
			example: first.text,
			sources: 'Begründung (Verwaltung), „Delphi mit Begründungen“, Runde 2'
		});
	});

	it('refuses releasing reasons of an item the study does not ask', async () => {
		const refused = await rejected(release(true, reasonKey('Z9|importance|heute')));
		expect(refused.code).toBe('validation_failed');
		expect(refused.message).toBe('Diese offene Frage gibt es in der Analyse nicht.');
	});
});
