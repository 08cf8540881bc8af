import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { openAnswers } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { changeStudyStatus } from './change-study-status';
import { createInvitationBatch } from './create-invitation-batch';
import { createStudy } from './create-study';
import { getStudy } from './get-study';
import { openParticipation } from './open-participation';
import { questionnairePreview } from './preview-questionnaire';
import { questionnairePage } from './get-questionnaire-page';
import { questionnaireReview } from './get-questionnaire-review';
import { questionnaireStart } from './get-questionnaire-start';
import { reviewOrSubmit } from './review-or-submit-questionnaire';
import { saveQuestionnairePage } from './save-questionnaire-page';
import { updateStudy } from './update-study';

let t: TestDatabase;
let organiser: TenantContext;
let frameworkId: string;
const BASE = 'https://stadtwissen.test';
const IP = '192.0.2.7';
// Two areas (A1, A3): two pages of ratings.
const COMPETENCES = ['A1.1', 'A1.2', 'A3.1'];
const QUESTION = 'Was kann Verwaltung von Stadtmacher*innen lernen?';

beforeAll(async () => {
	t = await createTestDatabase();
	frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Fragebogenhausen', 'organiser');
});

const ctx = () => ({ db: t.db, clientAddress: IP, baseUrl: BASE });

async function link(extra: Record<string, unknown> = {}) {
	const { id } = await createStudy(organiser, { title: 'Wissen für morgen', frameworkId, competences: COMPETENCES, ...extra });
	await changeStudyStatus(organiser, id, 'open');
	const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 1, baseUrl: BASE });
	return { id, token: tokens[0] };
}

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
}

describe('one request per questionnaire page (issue 18)', () => {
	it('saves page 1 when its form is posted to page 2 and answers with page 2 itself, no redirect', async () => {
		const { token } = await link();
		const page1 = await questionnairePage(ctx(), token, '1');
		expect(page1.targets).toEqual({ next: `/t/${token}/seite/2`, back: `/t/${token}/seite/1` });
		// The browser posts page 1's answers to page 2: nothing to redirect to, page 2 is the answer.
		expect(await saveQuestionnairePage(ctx(), token, '2', form({ seite: '1', 'a:A1.1|importance|heute': '4', go: 'next' }))).toBeNull();
		expect((await openParticipation(t.db, token, IP)).draft.answers).toEqual({ 'A1.1|importance|heute': 4 });
		// Sent again (a reload of the answer): the same draft, nothing harmful.
		expect(await saveQuestionnairePage(ctx(), token, '2', form({ seite: '1', 'a:A1.1|importance|heute': '4', go: 'next' }))).toBeNull();
		expect((await openParticipation(t.db, token, IP)).draft.answers).toEqual({ 'A1.1|importance|heute': 4 });
		// "Zurück" on page 2 posts to page 1.
		const page2 = await questionnairePage(ctx(), token, '2');
		expect(page2).toMatchObject({ pageNumber: 2, pageCount: 2, targets: { next: `/t/${token}/pruefen`, back: `/t/${token}/seite/1` } });
		expect(await saveQuestionnairePage(ctx(), token, '1', form({ seite: '2', 'a:A3.1|importance|heute': '2', go: 'back' }))).toBeNull();
		// The last page posts to the review, which shows itself with the answers saved.
		expect(await reviewOrSubmit(ctx(), token, form({ seite: '2', 'a:A3.1|importance|morgen': '5', go: 'next' }))).toBeNull();
		const review = await questionnaireReview(ctx(), token);
		expect(review.answers).toEqual({ 'A1.1|importance|heute': 4, 'A3.1|importance|heute': 2, 'A3.1|importance|morgen': 5 });
	});

	it('opens the link once for a page POST and the page it answers with', async () => {
		const { token } = await link();
		await saveQuestionnairePage(ctx(), token, '1', form({ seite: '2', 'a:A3.1|importance|heute': '5', go: 'back' }));
		// One request: the action saves page 1's answer, the load renders page 2 with what was saved there before.
		const request = { ...ctx(), requestScope: new Map<string, unknown>() };
		expect(await saveQuestionnairePage(request, token, '2', form({ seite: '1', 'a:A1.1|importance|heute': '2', go: 'next' }))).toBeNull();
		const page = await questionnairePage(request, token, '2');
		expect(page.kind === 'ratings' && page.answers).toMatchObject({ 'A3.1|importance|heute': 5 });
		expect([...request.requestScope.keys()]).toEqual([`participation:${token}`]);
		expect((await openParticipation(t.db, token, IP)).draft.answers).toEqual({ 'A1.1|importance|heute': 2, 'A3.1|importance|heute': 5 });
	});

	it('still redirects a form posted to its own page (page 1’s "Zurück", pages open from before)', async () => {
		const { token } = await link();
		expect(await saveQuestionnairePage(ctx(), token, '1', form({ 'a:A1.1|importance|heute': '3', go: 'next' }))).toBe(`/t/${token}/seite/2`);
		expect(await saveQuestionnairePage(ctx(), token, '1', form({ seite: '1', go: 'back' }))).toBe(`/t/${token}`);
		expect(await saveQuestionnairePage(ctx(), token, '2', form({ go: 'next' }))).toBe(`/t/${token}/pruefen`);
		expect((await openParticipation(t.db, token, IP)).draft.answers).toEqual({ 'A1.1|importance|heute': 3 });
	});

	it('refuses a page that does not exist in the form as in the address', async () => {
		const { token } = await link();
		await expect(saveQuestionnairePage(ctx(), token, '2', form({ seite: '7' }))).rejects.toMatchObject({ code: 'not_found' });
		await expect(saveQuestionnairePage(ctx(), token, '3', form({ seite: '2' }))).rejects.toMatchObject({ code: 'not_found' });
	});

	it('computes the pages once per study version and anew when the study changes', async () => {
		const { id } = await createStudy(organiser, { title: 'Entwurf', frameworkId, competences: COMPETENCES });
		await changeStudyStatus(organiser, id, 'open');
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 2, baseUrl: BASE });
		const first = await openParticipation(t.db, tokens[0], IP);
		const second = await openParticipation(t.db, tokens[1], IP);
		expect(second.pages).toBe(first.pages);
		expect(Object.isFrozen(first.pages[0].competences[0].items)).toBe(true);
		const other = await link({ competences: ['A1.1'] });
		expect((await openParticipation(t.db, other.token, IP)).pages.flatMap((p) => p.competences.map((c) => c.code))).toEqual(['A1.1']);
	});
});

describe('open questions (issue 17)', () => {
	it('get a page of their own before the review, counted in "Seite X von Y" as in the preview, with one label', async () => {
		const { id, token } = await link({ openQuestions: [{ key: 'lernen', label: QUESTION }] });
		// Preview and participants count the same pages (the preview said 3, participants saw "Seite 1 von 2").
		expect((await questionnairePreview(organiser, id)).pageCount).toBe(3);
		expect((await questionnaireStart(ctx(), token, false)).pageCount).toBe(3);
		const page1 = await questionnairePage(ctx(), token, '1');
		expect(page1).toMatchObject({ kind: 'ratings', pageNumber: 1, pageCount: 3 });
		const open = await questionnairePage(ctx(), token, '3');
		expect(open).toMatchObject({ kind: 'open', pageNumber: 3, pageCount: 3, targets: { next: `/t/${token}/pruefen`, back: `/t/${token}/seite/2` } });
		if (open.kind !== 'open') throw new Error('open page expected');
		expect(open.questions).toEqual([{ key: 'lernen', label: QUESTION }]);

		// Page 2 leads to the open questions' page, which leads to the review.
		expect((await questionnairePage(ctx(), token, '2')).targets.next).toBe(`/t/${token}/seite/3`);
		expect(await saveQuestionnairePage(ctx(), token, '3', form({ seite: '2', 'a:A3.1|proficiency|': '3' }))).toBeNull();
		expect(await reviewOrSubmit(ctx(), token, form({ seite: '3', 'open:lernen': '  Schneller ausprobieren.  ' }))).toBeNull();
		const review = await questionnaireReview(ctx(), token);
		expect(review.open).toEqual({ lernen: 'Schneller ausprobieren.' });
		expect(review.pageCount).toBe(3);

		// Submitted from the review without the text typed again: the saved open answer goes with it.
		const receipt = await reviewOrSubmit(ctx(), token, form({ idempotencyKey: randomUUID() }));
		expect(receipt).toMatch(/^[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){2}$/);
		const texts = await t.db.select({ text: openAnswers.text }).from(openAnswers).where(eq(openAnswers.studyId, id));
		expect(texts.map((row) => row.text)).toEqual(['Schneller ausprobieren.']);
	});

	it('an emptied open answer is removed from the draft', async () => {
		const { token } = await link({ openQuestions: [{ key: 'lernen', label: QUESTION }] });
		await saveQuestionnairePage(ctx(), token, '3', form({ seite: '3', 'open:lernen': 'Etwas', go: 'next' }));
		expect((await openParticipation(t.db, token, IP)).draft.open).toEqual({ lernen: 'Etwas' });
		await saveQuestionnairePage(ctx(), token, '3', form({ seite: '3', 'open:lernen': ' ', go: 'next' }));
		expect((await openParticipation(t.db, token, IP)).draft.open).toEqual({});
	});
});

describe('the review page', () => {
	it('says how many questions are still unanswered', async () => {
		const { token } = await link();
		await saveQuestionnairePage(ctx(), token, '1', form({ 'a:A1.1|importance|heute': '4', 'a:A1.1|proficiency|': 'x' }));
		const review = await questionnaireReview(ctx(), token);
		expect(review).toMatchObject({ answered: 2, total: 12, unanswered: 10 });
	});
});

describe('a study edited before it opens', () => {
	it('gets new pages for its new competences', async () => {
		const { id } = await createStudy(organiser, { title: 'Noch offen', frameworkId, competences: COMPETENCES });
		await updateStudy(organiser, id, { settings: { title: 'Noch offen', frameworkId, competences: ['A3.1'] } });
		await changeStudyStatus(organiser, id, 'open');
		expect((await getStudy(organiser, id)).competences).toEqual(['A3.1']);
		const { tokens } = await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 1, baseUrl: BASE });
		expect((await openParticipation(t.db, tokens[0], IP)).pages.map((p) => p.areaCode)).toEqual(['A3']);
	});
});
