import { randomUUID } from 'node:crypto';
import { delphiFeedback, type ItemFeedback } from '../../domain/study/delphi-feedback';
import { estimatedMinutes } from '../../domain/study/duration';
import type { AnswerValue, QuestionnairePage } from '../../domain/study/questionnaire';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { explainTexts } from '../glossary/explain-texts';
import { loadProtectedRound } from '../results/load-round';
import { openParticipation, saveDraft, submitAnswers, type Participation } from './participate';

/*
 * The questionnaire as participants use it in the browser (no JavaScript needed): start, one page
 * per area, review, submit. The link's token is the only key; nothing here knows a person.
 */

type Ctx = Pick<RequestContext, 'db' | 'clientAddress' | 'baseUrl'>;

const itemsOf = (page: QuestionnairePage) => page.competences.flatMap((c) => c.items);

/** Form fields: `a:<item key>` = "1"…"5" or "x" (kann ich nicht einschätzen). */
export function readAnswerFields(form: FormData, itemKeys: readonly string[]): Record<string, AnswerValue> {
	const answers: Record<string, AnswerValue> = {};
	for (const key of itemKeys) {
		const value = form.get(`a:${key}`);
		if (value === 'x') answers[key] = null;
		else if (typeof value === 'string' && /^[1-5]$/.test(value)) answers[key] = Number(value) as AnswerValue;
	}
	return answers;
}

/** The previous round's protected figures for a page's items (round ≥ 2, a link that took part before). */
export async function pageFeedback(ctx: Ctx, participation: Participation, items: ReturnType<typeof itemsOf>): Promise<Record<string, ItemFeedback>> {
	const { study, previous, round } = participation;
	if (round < 2 || !previous) return {};
	const table = await loadProtectedRound(ctx.db, study, await frameworkDocumentOfStudy(ctx.db, study), round - 1);
	return delphiFeedback(table, items, participation.group.key, previous.answers);
}

/** The introduction's paragraphs, split as the start page shows them. */
export const introductionParagraphs = (introduction: string | null | undefined) => (introduction ? introduction.split(/\n\s*\n/) : []);

function pageIndex(n: string, pageCount: number): number {
	const index = Number(n);
	if (!Number.isInteger(index) || index < 1 || index > pageCount) throw new AppError('not_found', 'Diese Seite der Befragung gibt es nicht.');
	return index;
}

/** The start page: where to resume, and — right after joining by the open link — the personal link to keep. */
export async function questionnaireStart(ctx: Ctx, token: string, justJoined: boolean) {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const { study, pages, draft, previous } = participation;
	// Delphi: a later round starts from the previous answers. Until something was saved in this
	// round, start at page 1, so the participant sees the feedback instead of jumping to the review.
	const fresh =
		previous !== null &&
		Object.keys(draft.answers).length === Object.keys(previous.answers).length &&
		Object.entries(previous.answers).every(([key, value]) => draft.answers[key] === value);
	const firstOpen = pages.findIndex((page) => itemsOf(page).some((item) => !(item.key in draft.answers)));
	return {
		title: study.title,
		introduction: study.introduction,
		glossary: await explainTexts(ctx.db, study.orgId, introductionParagraphs(study.introduction).map((paragraph, i) => [`intro-${i}`, paragraph] as const)),
		group: participation.group.label,
		round: participation.round,
		rounds: study.rounds,
		pageCount: pages.length,
		// From the number of questions (pages are already in memory: no extra work per request).
		minutes: estimatedMinutes(pages.reduce((sum, page) => sum + itemsOf(page).length, 0), study.openQuestions.length),
		delphi: previous !== null,
		resumeAt: !fresh && Object.keys(draft.answers).length ? (firstOpen === -1 ? 'pruefen' : `seite/${firstOpen + 1}`) : null,
		personalLink: justJoined ? `${ctx.baseUrl}/t/${token}` : null
	};
}

/** One page of the questionnaire with the saved answers and, from round 2, the previous round's figures. */
export async function questionnairePage(ctx: Ctx, token: string, n: string) {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const { study, pages, draft } = participation;
	const index = pageIndex(n, pages.length);
	const page = pages[index - 1];
	const items = itemsOf(page);
	const feedback = await pageFeedback(ctx, participation, items);
	// A visible cell without ratings (everybody answered "kann ich nicht einschätzen") has nothing to show.
	const withMedian = (figures: ItemFeedback['group']) => (figures && figures.median !== null ? { ...figures, median: figures.median } : null);
	return {
		title: study.title,
		glossary: await explainTexts(
			ctx.db,
			study.orgId,
			page.competences.map((competence) => [`desc-${competence.code}`, competence.description_de] as const)
		),
		pageNumber: index,
		pageCount: pages.length,
		page,
		horizons: study.horizons,
		answers: Object.fromEntries(items.map((item) => [item.key, draft.answers[item.key]])),
		feedback: Object.fromEntries(Object.entries(feedback).map(([key, f]) => [key, { group: withMedian(f.group), all: withMedian(f.all), yours: f.yours }]))
	};
}

/** Saves a page (the draft save is idempotent) and says where to go: back, next or the review. */
export async function saveQuestionnairePage(ctx: Ctx, token: string, n: string, form: FormData): Promise<string> {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const index = pageIndex(n, participation.pages.length);
	const sheet = participation.draft;
	Object.assign(sheet.answers, readAnswerFields(form, itemsOf(participation.pages[index - 1]).map((item) => item.key)));
	await saveDraft(ctx.db, participation, sheet);
	const base = `/t/${token}`;
	if (form.get('go') === 'back') return index > 1 ? `${base}/seite/${index - 1}` : base;
	return index < participation.pages.length ? `${base}/seite/${index + 1}` : `${base}/pruefen`;
}

/** The review page: every answer, the open questions, and a fresh idempotency key (a double click counts once). */
export async function questionnaireReview(ctx: Ctx, token: string) {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const { study, pages, draft } = participation;
	return {
		title: study.title,
		pages,
		horizons: study.horizons,
		answers: draft.answers,
		answered: Object.keys(draft.answers).length,
		total: pages.reduce((n, page) => n + itemsOf(page).length, 0),
		openQuestions: study.openQuestions,
		glossary: await explainTexts(
			ctx.db,
			study.orgId,
			study.openQuestions.map((question) => [`open-${question.key}`, question.label] as const)
		),
		open: draft.open,
		idempotencyKey: randomUUID()
	};
}

/** Submits the saved draft with the open answers typed on the review page; returns the receipt code. */
export async function submitQuestionnaire(ctx: Ctx, token: string, input: { idempotencyKey: string; emptyConfirmed?: boolean; open: Record<string, string> }): Promise<string> {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress, { forSubmission: true });
	const open = Object.fromEntries(participation.study.openQuestions.map((q) => [q.key, (input.open[q.key] ?? '').slice(0, 2000)]));
	// An empty questionnaire is sent only on purpose (it was accepted without a word).
	const nothingAnswered = Object.keys(participation.draft.answers).length === 0 && Object.values(open).every((text) => text.trim() === '');
	if (nothingAnswered && !input.emptyConfirmed) {
		throw new AppError('validation_failed', 'Sie haben keine Frage beantwortet – trotzdem absenden? Dann kreuzen Sie „Ja, ohne Antworten absenden“ an.', [
			{ path: 'leerAbsenden', message: 'Bitte bestätigen Sie, dass Sie ohne Antworten absenden möchten, oder beantworten Sie zuerst Fragen.' }
		]);
	}
	const answers = Object.entries(participation.draft.answers).map(([itemKey, value]) => {
		const [competence, measure, horizon] = itemKey.split('|');
		return { competence, measure, horizon: horizon || null, value };
	});
	return (await submitAnswers(ctx.db, participation, input.idempotencyKey, { answers, open })).receipt;
}
