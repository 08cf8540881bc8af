/*
 * eDelphi in the questionnaire pages (issue 17): in round 2 a participant whose kept answer stands
 * far from the group's median is asked for a reason, types it on the page (kept in the draft like an
 * open answer), and submits it with the questionnaire; in round 3 the released reasons of round 2
 * stand beside the item as arguments. The same pages a phone without JavaScript uses.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs, TEST_BASE_URL } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { reasonKey } from '../../domain/study/delphi-reasons';
import { allItems } from '../../domain/study/questionnaire';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { setOpenAnswerRelease } from '../results/set-open-answer-release';
import type { TenantContext } from '../tenant';
import { changeStudyStatus } from './change-study-status';
import { createInvitationBatch } from './create-invitation-batch';
import { createStudy } from './create-study';
import { questionnairePage } from './get-questionnaire-page';
import { openParticipation } from './open-participation';
import { saveQuestionnairePage } from './save-questionnaire-page';
import { startNextRound } from './start-next-round';
import { submitAnswers } from './submit-answers';
import { submitQuestionnaire } from './submit-questionnaire';

let t: TestDatabase;
let organiser: TenantContext;
let studyId: string;
let tokens: string[];

const ITEM = 'A1.1|importance|heute';
const ctx = () => ({ db: t.db, clientAddress: '192.0.2.7', baseUrl: TEST_BASE_URL });

async function submitAll(token: string, value: 1 | 4, open: Record<string, string> = {}) {
	const participation = await openParticipation(t.db, token, '192.0.2.7');
	const answers = allItems(participation.pages).map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value }));
	return submitAnswers(t.db, participation, randomUUID(), { answers, open });
}

async function ratingsPage(token: string) {
	const page = await questionnairePage(ctx(), token, '1');
	if (page.kind !== 'ratings') throw new Error('expected a page of ratings');
	return page;
}

beforeAll(async () => {
	t = await createTestDatabase();
	const frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Begründungsdorf', 'organiser');
	({ id: studyId } = await createStudy(organiser, {
		title: 'Delphi im Fragebogen',
		frameworkId,
		competences: ['A1.1'],
		groups: [{ key: 'amt', label: 'Verwaltung' }],
		horizons: [{ key: 'heute', label: 'heute', years: 0 }],
		minGroupSize: 3,
		rounds: 3
	}));
	await changeStudyStatus(organiser, studyId, 'open');
	tokens = (await createInvitationBatch(organiser, { studyId, group: 'amt', count: 8, baseUrl: TEST_BASE_URL })).tokens;
	// Round 1: six say 4, two say 1 — the group's median is 4, so the two stand far from it.
	for (const [index, token] of tokens.entries()) await submitAll(token, index < 2 ? 1 : 4);
	await changeStudyStatus(organiser, studyId, 'closed');
	await startNextRound(organiserAt(organiser), studyId);
});

describe('round 2: a reason where the answer stands far from the group', () => {
	it('asks only the participants whose kept answer is far from the median, and keeps what they type in the draft', async () => {
		expect((await ratingsPage(tokens[0])).reasonAsked[ITEM]).toBe(true);
		expect((await ratingsPage(tokens[5])).reasonAsked[ITEM]).toBe(false);

		const form = new FormData();
		form.set('seite', '1');
		form.set(`a:${ITEM}`, '1');
		form.set(reasonKey(ITEM), '  Bei uns fehlt dafür jede Stelle.  ');
		await saveQuestionnairePage(ctx(), tokens[0], '1', form);
		expect((await ratingsPage(tokens[0])).reasons[ITEM]).toBe('Bei uns fehlt dafür jede Stelle.');

		// Sending the page again with the field emptied takes the reason back.
		form.set(reasonKey(ITEM), '');
		await saveQuestionnairePage(ctx(), tokens[0], '1', form);
		expect((await ratingsPage(tokens[0])).reasons[ITEM]).toBe('');
	});

	it('submits the typed reason with the questionnaire, stored as the round’s anonymous free text', async () => {
		for (const [index, token] of tokens.slice(0, 2).entries()) {
			const form = new FormData();
			form.set('seite', '1');
			form.set(reasonKey(ITEM), `Begründung ${index + 1}`);
			await saveQuestionnairePage(ctx(), token, '1', form);
			await submitQuestionnaire(ctx(), token, { idempotencyKey: randomUUID(), open: {} });
		}
		// Two more reasons through the API, which takes a reason for any item of a round with a next one.
		await submitAll(tokens[2], 4, { [reasonKey(ITEM)]: 'Begründung 3' });
		await submitAll(tokens[3], 4, { [reasonKey(ITEM)]: 'Begründung 4' });
		for (const token of tokens.slice(4)) await submitAll(token, 4);
		const stored = await t.db.execute<{ text: string }>(sql`SELECT text FROM open_answers WHERE study_id = ${studyId} AND round = 2 AND question_key = ${reasonKey(ITEM)} ORDER BY text`);
		expect(stored.rows.map((row) => row.text)).toEqual(['Begründung 1', 'Begründung 2', 'Begründung 3', 'Begründung 4']);
	});
});

describe('round 3: the released reasons of round 2 as arguments beside the item', () => {
	it('shows them once the organiser released them, and asks for no reason in the last round', async () => {
		await changeStudyStatus(organiser, studyId, 'closed');
		await startNextRound(organiserAt(organiser), studyId);
		expect((await ratingsPage(tokens[0])).arguments).toEqual({});

		await setOpenAnswerRelease(organiser, studyId, { round: 2, question: reasonKey(ITEM), released: true });
		const page = await ratingsPage(tokens[0]);
		expect(page.argumentsRound).toBe(2);
		expect([...page.arguments[ITEM]].sort()).toEqual(['Begründung 1', 'Begründung 2', 'Begründung 3', 'Begründung 4']);
		expect(Object.values(page.reasonAsked).some(Boolean)).toBe(false);
	});
});

describe('the study chooses when a reason is asked', () => {
	async function firstPageOf(reasonMode: 'far' | 'every') {
		const { id } = await createStudy(organiser, {
			title: `Begründungen: ${reasonMode}`,
			frameworkId: await ensureDefaultFramework(t.db),
			competences: ['A1.1', 'A2.1'],
			groups: [{ key: 'amt', label: 'Verwaltung' }],
			horizons: [{ key: 'heute', label: 'heute', years: 0 }],
			minGroupSize: 3,
			rounds: 2,
			reasonMode
		});
		await changeStudyStatus(organiser, id, 'open');
		const [token] = (await createInvitationBatch(organiser, { studyId: id, group: 'amt', count: 1, baseUrl: TEST_BASE_URL })).tokens;
		return ratingsPage(token);
	}

	it('"every": the reason field at every item from round 1 on', async () => {
		const page = await firstPageOf('every');
		expect(page.reasonMode).toBe('every');
		expect(Object.keys(page.reasonAsked).length).toBeGreaterThan(1);
		expect(Object.values(page.reasonAsked).every(Boolean)).toBe(true);
	});

	it('"far" (the default): nobody is asked in round 1, there is no group median yet', async () => {
		const page = await firstPageOf('far');
		expect(Object.values(page.reasonAsked).some(Boolean)).toBe(false);
	});
});
