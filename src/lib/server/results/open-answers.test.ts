import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { allItems } from '../../domain/study/questionnaire';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { loadStudyDemo } from '../studies/demo';
import { createInvitationBatch } from '../studies/create-invitation-batch';
import { changeStudyStatus } from '../studies/change-study-status';
import { createStudy } from '../studies/create-study';
import { getStudy } from '../studies/get-study';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { openParticipation } from '../studies/open-participation';
import { submitAnswers } from '../studies/submit-answers';
import type { TenantContext } from '../tenant';
import { exportResults } from './exports';
import { resultsSetting } from '../../domain/results/dashboard-view';
import { resultsPdf } from './exports/pdf';
import { getResultsWithOpenAnswers, openAnswerSections } from './open-answers';
import { findPublishedStudy } from './published-studies';
import { loadDashboard } from './results-views';
import { getOpenAnswerReview } from './get-open-answer-review';
import { setOpenAnswerHidden } from './set-open-answer-hidden';
import { setOpenAnswerRelease } from './set-open-answer-release';
import { entryPrefillFromAnswer } from '../glossary/prefill-from-answer';

let t: TestDatabase;
let frameworkId: string;
let owner: TenantContext;
let organiser: TenantContext;
let viewer: TenantContext;
let facilitator: TenantContext;
let stranger: TenantContext;
let studyId: string;
let strangerStudyId: string;

const ORG = 'Stadt Freitextheim';
/** k = 5. acht: n = 8 (just enough), sieben: n = 7 (one too few), zehn: n = 10. */
const GROUPS = { acht: 8, sieben: 7, zehn: 10 } as const;
const text = (group: string, person: number, question = 'lernen') => `${question} ${group} Nr. ${person + 1}`;

/** Creates, fills and closes a study with two open questions; everybody answers "lernen", the first three "wunsch". */
async function studyWithOpenAnswers(ctx: TenantContext): Promise<string> {
	const { id } = await createStudy(ctx, {
		title: 'Offene Fragen im Test',
		frameworkId,
		competences: ['A1.1'],
		groups: Object.keys(GROUPS).map((key) => ({ key, label: `Gruppe ${key}` })),
		horizons: [{ key: 'heute', label: 'heute', years: 0 }],
		openQuestions: [
			{ key: 'lernen', label: 'Was kann Verwaltung lernen?' },
			{ key: 'wunsch', label: 'Was wünschen Sie sich?' }
		],
		minGroupSize: 5
	});
	await changeStudyStatus(ctx, id, 'open');
	for (const [group, count] of Object.entries(GROUPS)) {
		const { tokens } = await createInvitationBatch(ctx, { studyId: id, group, count, baseUrl: 'https://stadtwissen.test' });
		for (const [person, token] of tokens.entries()) {
			const participation = await openParticipation(t.db, token, '192.0.2.1');
			const answers = allItems(participation.pages).map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value: 3 as const }));
			const open: Record<string, string> = { lernen: text(group, person) };
			if (person < 3) open.wunsch = text(group, person, 'wunsch');
			await submitAnswers(t.db, participation, randomUUID(), { answers, open });
		}
	}
	await changeStudyStatus(ctx, id, 'closed');
	return id;
}

beforeAll(async () => {
	t = await createTestDatabase();
	frameworkId = await ensureDefaultFramework(t.db);
	owner = await tenantAs(t.db, ORG, 'owner');
	organiser = await tenantAs(t.db, ORG, 'organiser');
	viewer = await tenantAs(t.db, ORG, 'viewer', 'results.read');
	facilitator = await tenantAs(t.db, ORG, 'facilitator', 'sessions.facilitate');
	stranger = await tenantAs(t.db, 'Andere Stadt', 'owner');
	studyId = await studyWithOpenAnswers(owner);
	const foreign = await createStudy(stranger, { title: 'Fremde Analyse', frameworkId, competences: ['A1.1'], openQuestions: [{ key: 'lernen', label: 'Was?' }] });
	strangerStudyId = foreign.id;
}, 180_000);

/** Everything a reader can get: API, dashboard, CSV view, XLSX sheet — as one text to search. */
async function everythingShown(ctx: TenantContext): Promise<{ api: Awaited<ReturnType<typeof getResultsWithOpenAnswers>>['openAnswers']; all: string }> {
	const { openAnswers } = await getResultsWithOpenAnswers(ctx, studyId);
	const study = await getStudy(ctx, studyId);
	const page = await loadDashboard(ctx.db, study, new URL('http://x/'), 'de');
	if (page.state !== 'results') throw new Error('results expected');
	const csv = await exportResults(ctx.db, study, new URLSearchParams('format=csv&ansicht=offene-antworten'), 'de');
	const xlsx = await exportResults(ctx.db, study, new URLSearchParams('format=xlsx'), 'de');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(xlsx.body as Uint8Array) as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('Offene Antworten');
	expect(sheet, 'the XLSX has a sheet for the open answers').toBeDefined();
	const cells: string[] = [];
	sheet!.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
	return { api: openAnswers, all: [JSON.stringify(openAnswers), JSON.stringify(page.openAnswers), String(csv.body), cells.join('\n')].join('\n') };
}

const releasesCount = async () => (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int n FROM open_answer_releases WHERE study_id = ${studyId}`)).rows[0].n;
const hiddenCount = async () => (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int n FROM open_answers WHERE study_id = ${studyId} AND hidden`)).rows[0].n;

describe('open answers: review, release, show', () => {
	it('shows nothing anywhere before an organiser released a question', async () => {
		const { api, all } = await everythingShown(viewer);
		expect(api).toEqual([]);
		for (const group of Object.keys(GROUPS)) expect(all).not.toContain(text(group, 0));
		expect(all).toContain('Keine Antworten freigegeben');
	});

	it('lets organisers review eligible groups only, in an order unrelated to when texts arrived, never the texts of a group with n = 7', async () => {
		const review = await getOpenAnswerReview(organiser, studyId);
		expect(review).toMatchObject({ round: 1, rounds: [1], threshold: 8 });
		expect(review.questions.map((q) => [q.key, q.released])).toEqual([
			['lernen', false],
			['wunsch', false]
		]);
		const lernen = review.questions[0].groups;
		expect(lernen.map((g) => [g.key, g.label, g.eligible, g.texts.length])).toEqual([
			['acht', 'Gruppe acht', true, 8],
			['sieben', 'Gruppe sieben', false, 0],
			['zehn', 'Gruppe zehn', true, 10]
		]);
		// The ten texts were submitted one after another: neither that order nor its reverse may show
		// (by chance 2 in 10! ≈ 1 in 1.8 million), or the order would tell who wrote what, and when.
		const submitted = Array.from({ length: 10 }, (_, i) => text('zehn', i));
		const shownOrder = lernen[2].texts.map((x) => x.text);
		expect(shownOrder).not.toEqual(submitted);
		expect(shownOrder).not.toEqual([...submitted].reverse());
		expect(new Set(lernen[2].texts.map((x) => x.text))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => text('zehn', i))));
		expect(JSON.stringify(review)).not.toContain('sieben Nr.');
	});

	it('starts a glossary entry from an answer the organiser may read, and from no other', async () => {
		const acht = (await getOpenAnswerReview(organiser, studyId)).questions[0].groups[0].texts[0];
		expect(await entryPrefillFromAnswer(organiser, { study: studyId, round: '1', answer: acht.id })).toEqual({
			example: acht.text,
			sources: 'Offene Antwort (Gruppe acht), „Offene Fragen im Test“, Runde 1'
		});
		const [sieben] = await t.db.execute<{ id: string }>(sql`SELECT id FROM open_answers WHERE study_id = ${studyId} AND group_key = 'sieben' LIMIT 1`).then((r) => r.rows);
		expect((await rejected(entryPrefillFromAnswer(organiser, { study: studyId, round: '1', answer: sieben.id }))).code).toBe('not_found');
		expect((await rejected(entryPrefillFromAnswer(stranger, { study: studyId, round: '1', answer: acht.id }))).code).toBe('not_found');
		expect(await entryPrefillFromAnswer(organiser, { study: null, round: null, answer: null })).toBeNull();
	});

	it('after release shows the released question of eligible groups only, in the API, the dashboard and the files', async () => {
		await setOpenAnswerRelease(organiser, studyId, { round: 1, question: 'lernen', released: true });
		const { api, all } = await everythingShown(viewer);
		expect(api.map((a) => [a.question, a.group, a.texts.length])).toEqual([
			['lernen', 'acht', 8],
			['lernen', 'zehn', 10]
		]);
		expect(new Set(api[0].texts)).toEqual(new Set(Array.from({ length: 8 }, (_, i) => text('acht', i))));
		expect(all).toContain(text('acht', 7));
		expect(all).toContain(text('zehn', 0));
		expect(all).toContain('Was kann Verwaltung lernen?');
		expect(all).not.toContain('sieben Nr.');
		expect(all).not.toContain('wunsch ');
		// Releasing twice changes nothing.
		await setOpenAnswerRelease(owner, studyId, { round: 1, question: 'lernen', released: true });
		expect(await releasesCount()).toBe(1);
		// The CSV view parses back: question, group, answer per row.
		const csv = await exportResults(t.db, await getStudy(viewer, studyId), new URLSearchParams('format=csv&ansicht=offene-antworten'), 'de');
		const records: string[][] = parse(String(csv.body), { delimiter: ';', bom: true, relax_column_count: true });
		const header = records.findIndex((r) => r[0] === 'Offene Frage');
		expect(records[header]).toEqual(['Offene Frage', 'Gruppe', 'Antwort']);
		expect(records.slice(header + 1)).toHaveLength(18);
		expect(records.slice(header + 1).every((r) => r[0] === 'Was kann Verwaltung lernen?' && ['Gruppe acht', 'Gruppe zehn'].includes(r[1]))).toBe(true);
	});

	it('takes a hidden text out of every view and file, and shows it again when un-hidden', async () => {
		const review = await getOpenAnswerReview(owner, studyId);
		const target = review.questions[0].groups[0].texts.find((x) => x.text === text('acht', 3))!;
		await setOpenAnswerHidden(organiser, studyId, { round: 1, answerId: target.id, hidden: true });
		const hidden = await everythingShown(viewer);
		expect(hidden.all).not.toContain(text('acht', 3));
		expect(hidden.api.find((a) => a.group === 'acht')?.texts).toHaveLength(7);
		expect((await getOpenAnswerReview(owner, studyId)).questions[0].groups[0].texts.find((x) => x.id === target.id)).toMatchObject({ hidden: true });
		await setOpenAnswerHidden(organiser, studyId, { round: 1, answerId: target.id, hidden: false });
		expect((await everythingShown(viewer)).all).toContain(text('acht', 3));
		expect(await hiddenCount()).toBe(0);
	});

	it('shows the released texts on the public page of a published study too, and withdrawing hides them again', async () => {
		await changeStudyStatus(owner, studyId, 'published');
		const published = await findPublishedStudy(t.db, owner.org.orgSlug, studyId);
		const page = await loadDashboard(t.db, published!.study, new URL('http://x/'), 'de');
		if (page.state !== 'results') throw new Error('results expected');
		expect(page.openAnswers.sections.map((s) => [s.question, s.groups.map((g) => g.label)])).toEqual([['lernen', ['Gruppe acht', 'Gruppe zehn']]]);
		await setOpenAnswerRelease(organiser, studyId, { round: 1, question: 'lernen', released: false });
		const after = await loadDashboard(t.db, published!.study, new URL('http://x/'), 'de');
		expect(after.state === 'results' && after.openAnswers.sections).toEqual([]);
		expect((await everythingShown(viewer)).api).toEqual([]);
		await setOpenAnswerRelease(organiser, studyId, { round: 1, question: 'lernen', released: true });
	});

	it('answers another organisation with 404 for review, release and hide', async () => {
		const answerId = (await getOpenAnswerReview(owner, studyId)).questions[0].groups[0].texts[0].id;
		const before = [await releasesCount(), await hiddenCount()];
		expect((await rejected(getOpenAnswerReview(stranger, studyId))).code).toBe('not_found');
		expect((await rejected(setOpenAnswerRelease(stranger, studyId, { round: 1, question: 'wunsch', released: true }))).code).toBe('not_found');
		expect((await rejected(setOpenAnswerHidden(stranger, studyId, { round: 1, answerId, hidden: true }))).code).toBe('not_found');
		expect((await rejected(getResultsWithOpenAnswers(stranger, studyId))).code).toBe('not_found');
		// Their own study id with our answer's id: still nothing.
		await changeStudyStatus(stranger, strangerStudyId, 'open');
		await changeStudyStatus(stranger, strangerStudyId, 'closed');
		expect((await rejected(setOpenAnswerHidden(stranger, strangerStudyId, { round: 1, answerId, hidden: true }))).code).toBe('not_found');
		expect([await releasesCount(), await hiddenCount()]).toEqual(before);
	});

	it('refuses viewers and facilitators: they may not review, release or hide', async () => {
		const answerId = (await getOpenAnswerReview(owner, studyId)).questions[0].groups[0].texts[0].id;
		for (const ctx of [viewer, facilitator]) {
			const refusal = await rejected(setOpenAnswerRelease(ctx, studyId, { round: 1, question: 'wunsch', released: true }));
			expect(refusal.code).toBe('forbidden');
			expect(refusal.message).toContain('Ihre Rolle erlaubt das nicht');
			expect((await rejected(setOpenAnswerHidden(ctx, studyId, { round: 1, answerId, hidden: true }))).code).toBe('forbidden');
			expect((await rejected(getOpenAnswerReview(ctx, studyId))).code).toBe('forbidden');
		}
		expect((await getOpenAnswerReview(owner, studyId)).questions.find((q) => q.key === 'wunsch')?.released).toBe(false);
		expect(await hiddenCount()).toBe(0);
	});

	it('explains bad input in German and changes nothing', async () => {
		const answerId = (await getOpenAnswerReview(owner, studyId)).questions[0].groups[0].texts[0].id;
		const before = [await releasesCount(), await hiddenCount()];
		const unknown = await rejected(setOpenAnswerRelease(organiser, studyId, { round: 1, question: 'gibtsnicht', released: true }));
		expect(unknown).toMatchObject({ code: 'validation_failed', message: 'Diese offene Frage gibt es in der Analyse nicht.' });
		const round2 = await rejected(setOpenAnswerRelease(organiser, studyId, { round: 2, question: 'wunsch', released: true }));
		expect(round2.code).toBe('validation_failed');
		expect(round2.message).toBe('Runde 2 ist nicht geschlossen; ihre offenen Antworten lassen sich noch nicht prüfen.');
		expect((await rejected(setOpenAnswerRelease(organiser, studyId, { round: 'eins', question: 'wunsch', released: true }))).code).toBe('validation_failed');
		expect((await rejected(setOpenAnswerRelease(organiser, studyId, { round: 1, question: '<script>alert(1)</script>', released: true }))).code).toBe('validation_failed');
		expect((await rejected(setOpenAnswerRelease(organiser, studyId, { round: 1, question: 'x'.repeat(5000), released: true }))).code).toBe('validation_failed');
		expect((await rejected(setOpenAnswerHidden(organiser, studyId, { round: 1, answerId: 'keine-uuid', hidden: true }))).code).toBe('validation_failed');
		expect((await rejected(setOpenAnswerHidden(organiser, studyId, { round: 2, answerId, hidden: true }))).code).toBe('validation_failed');
		expect((await rejected(setOpenAnswerHidden(organiser, studyId, { round: 1, answerId: randomUUID(), hidden: true }))).code).toBe('not_found');
		expect((await rejected(getOpenAnswerReview(organiser, studyId, 3))).code).toBe('validation_failed');
		expect([await releasesCount(), await hiddenCount()]).toEqual(before);
	});

	it('has nothing to review before the first round closes', async () => {
		const { id } = await createStudy(owner, { title: 'Noch offen', frameworkId, competences: ['A1.1'], openQuestions: [{ key: 'lernen', label: 'Was?' }] });
		await changeStudyStatus(owner, id, 'open');
		const refusal = await rejected(getOpenAnswerReview(owner, id));
		expect(refusal).toMatchObject({ code: 'conflict', message: 'Offene Antworten lassen sich prüfen, sobald die erste Runde geschlossen ist.' });
	});
});

describe('the demo', () => {
	it('shows the released demo answers of Verwaltung, Zivilgesellschaft and Wirtschaft only, without the hidden one', async () => {
		const demoOwner = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
		const demo = await loadStudyDemo(t.db, demoOwner, 'http://x');
		const { openAnswers } = await getResultsWithOpenAnswers(demoOwner, demo.closedStudyId);
		expect(openAnswers.map((a) => [a.question, a.group])).toEqual([
			['lernen', 'verwaltung'],
			['lernen', 'zivilgesellschaft'],
			['lernen', 'wirtschaft']
		]);
		const shown = JSON.stringify(openAnswers);
		expect(shown).not.toContain('Frau M.');
		expect(shown).not.toContain('Bürgerfragestunde');
		expect(shown).not.toContain('Reallabore systematisch');
		expect(shown).not.toContain('auch wenn noch nicht alles perfekt');
		const review = await getOpenAnswerReview(demoOwner, demo.closedStudyId);
		expect(review.questions[0].groups.filter((g) => g.eligible).map((g) => g.key)).toEqual(['verwaltung', 'zivilgesellschaft', 'wirtschaft']);
		// The PDF report has the section, with the texts (its content streams uncompressed to read them).
		const study = await getStudy(demoOwner, demo.closedStudyId);
		const { results, openAnswers: shownAnswers } = await getResultsWithOpenAnswers(demoOwner, demo.closedStudyId);
		const setting = resultsSetting(study, await frameworkDocumentOfStudy(t.db, study), 'de');
		const pdf = await resultsPdf(
			{ results, setting, locale: 'de', createdAt: new Date(), openAnswers: openAnswerSections(shownAnswers, study) },
			{ compress: false }
		);
		const raw = Buffer.from(pdf.body as Uint8Array).toString('latin1');
		const shownText = [...raw.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) => [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join('')).join('\n');
		expect(shownText).toContain('Offene Antworten');
		expect(shownText).toContain('Verwaltung (5 Antworten)');
		expect(shownText).not.toContain('Frau M.');
	}, 120_000);
});
