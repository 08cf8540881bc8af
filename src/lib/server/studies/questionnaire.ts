import { randomUUID } from 'node:crypto';
import { delphiFeedback, type ItemFeedback } from '../../domain/study/delphi-feedback';
import { estimatedMinutes } from '../../domain/study/duration';
import { questionnairePageCount, stepPath } from '../../domain/study/questionnaire-steps';
import { questionnaireSubmission } from '../../schemas/studies';
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

/** Pages with questions: one per area, then the open questions' own page (when there are any). */
const pageCountOf = ({ study, pages }: Participation) => questionnairePageCount(pages.length, study.openQuestions.length);

/** The open answers as typed: trimmed, at most 2,000 characters; empty ones are left out. */
function readOpenFields(form: FormData, questionKeys: readonly string[]): Record<string, string> {
	const open: Record<string, string> = {};
	for (const key of questionKeys) {
		const value = form.get(`open:${key}`);
		if (typeof value === 'string' && value.trim()) open[key] = value.trim().slice(0, 2000);
	}
	return open;
}

/**
 * Saves the answers of page `index` into the draft (idempotent: the same form saved twice leaves
 * the same draft). Nothing is written when nothing changed, e.g. paging back and forth.
 */
async function savePage(ctx: Ctx, participation: Participation, index: number, form: FormData): Promise<void> {
	const { study, pages, draft } = participation;
	const before = JSON.stringify(draft);
	if (index <= pages.length) {
		Object.assign(draft.answers, readAnswerFields(form, itemsOf(pages[index - 1]).map((item) => item.key)));
	} else {
		const keys = study.openQuestions.map((question) => question.key);
		draft.open = { ...Object.fromEntries(Object.entries(draft.open).filter(([key]) => !keys.includes(key))), ...readOpenFields(form, keys) };
	}
	if (JSON.stringify(draft) !== before) await saveDraft(ctx.db, participation, draft);
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
	// Every rating given: the open questions' page next, unless something was written there already.
	const afterRatings = study.openQuestions.length && !Object.keys(draft.open).length ? `seite/${pages.length + 1}` : 'pruefen';
	return {
		title: study.title,
		introduction: study.introduction,
		glossary: await explainTexts(ctx.db, study.orgId, introductionParagraphs(study.introduction).map((paragraph, i) => [`intro-${i}`, paragraph] as const)),
		group: participation.group.label,
		round: participation.round,
		rounds: study.rounds,
		pageCount: pageCountOf(participation),
		// From the number of questions (pages are already in memory: no extra work per request).
		minutes: estimatedMinutes(pages.reduce((sum, page) => sum + itemsOf(page).length, 0), study.openQuestions.length),
		delphi: previous !== null,
		resumeAt: !fresh && Object.keys(draft.answers).length ? (firstOpen === -1 ? afterRatings : `seite/${firstOpen + 1}`) : null,
		personalLink: justJoined ? `${ctx.baseUrl}/t/${token}` : null
	};
}

/**
 * Where a page's form goes. Its answers are posted to the page it leads to, which saves them and
 * answers with itself — one request per page, and the address bar shows the page on screen. Page
 * 1's "Zurück" posts to page 1, which saves and redirects to the start page (no form there).
 */
function formTargets(token: string, index: number, pageCount: number) {
	const base = `/t/${token}`;
	return { next: stepPath(base, index + 1, pageCount), back: index > 1 ? stepPath(base, index - 1, pageCount) : stepPath(base, index, pageCount) };
}

/** One page of the questionnaire with the saved answers and, from round 2, the previous round's figures; after the areas, the open questions. */
export async function questionnairePage(ctx: Ctx, token: string, n: string) {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const { study, pages, draft } = participation;
	const pageCount = pageCountOf(participation);
	const index = pageIndex(n, pageCount);
	const position = { title: study.title, pageNumber: index, pageCount, targets: formTargets(token, index, pageCount) };
	if (index > pages.length) {
		return {
			...position,
			kind: 'open' as const,
			questions: study.openQuestions,
			open: draft.open,
			glossary: await explainTexts(
				ctx.db,
				study.orgId,
				study.openQuestions.map((question) => [`open-${question.key}`, question.label] as const)
			)
		};
	}
	const page = pages[index - 1];
	const items = itemsOf(page);
	const feedback = await pageFeedback(ctx, participation, items);
	// A visible cell without ratings (everybody answered "kann ich nicht einschätzen") has nothing to show.
	const withMedian = (figures: ItemFeedback['group']) => (figures && figures.median !== null ? { ...figures, median: figures.median } : null);
	return {
		...position,
		kind: 'ratings' as const,
		glossary: await explainTexts(
			ctx.db,
			study.orgId,
			page.competences.map((competence) => [`desc-${competence.code}`, competence.description_de] as const)
		),
		page,
		horizons: study.horizons,
		answers: Object.fromEntries(items.map((item) => [item.key, draft.answers[item.key]])),
		feedback: Object.fromEntries(Object.entries(feedback).map(([key, f]) => [key, { group: withMedian(f.group), all: withMedian(f.all), yours: f.yours }]))
	};
}

/** The page whose answers a form carries (`seite`); a form without it is the page it was posted to. */
const postedFrom = (form: FormData, here: number, pageCount: number) => {
	const from = form.get('seite');
	return typeof from === 'string' ? pageIndex(from, pageCount) : here;
};

/**
 * Saves a page's answers posted to page `n` (the draft save is idempotent: a reload sends the same
 * answers again and changes nothing). A form posted to the page it leads to gets that page as the
 * answer (null: no redirect). A form posted to its own page — page 1's "Zurück", or a page still
 * open from before — is redirected as before: back, next or the review.
 */
export async function saveQuestionnairePage(ctx: Ctx, token: string, n: string, form: FormData): Promise<string | null> {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const pageCount = pageCountOf(participation);
	const here = pageIndex(n, pageCount);
	const from = postedFrom(form, here, pageCount);
	await savePage(ctx, participation, from, form);
	if (from !== here) return null;
	const base = `/t/${token}`;
	return stepPath(base, form.get('go') === 'back' ? here - 1 : here + 1, pageCount);
}

/**
 * A form posted to the review: the last page's answers (the review is shown with them), or the
 * submission from the review itself (returns the receipt code).
 */
export async function reviewOrSubmit(ctx: Ctx, token: string, form: FormData): Promise<string | null> {
	if (form.has('seite')) {
		const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
		const pageCount = pageCountOf(participation);
		await savePage(ctx, participation, postedFrom(form, pageCount, pageCount), form);
		return null;
	}
	const fields = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
	return submitQuestionnaire(ctx, token, questionnaireSubmission.parse(fields));
}

/** The review page: every answer, the open answers, what is still unanswered, and a fresh idempotency key (a double click counts once). */
export async function questionnaireReview(ctx: Ctx, token: string) {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress);
	const { study, pages, draft } = participation;
	const total = pages.reduce((n, page) => n + itemsOf(page).length, 0);
	const answered = Object.keys(draft.answers).length;
	return {
		title: study.title,
		pages,
		pageCount: pageCountOf(participation),
		horizons: study.horizons,
		answers: draft.answers,
		answered,
		unanswered: total - answered,
		total,
		openQuestions: study.openQuestions,
		open: draft.open,
		idempotencyKey: randomUUID()
	};
}

/**
 * Submits the saved draft; returns the receipt code. The open answers come from their page (saved
 * in the draft); open fields sent along with the submission (older forms) are taken too.
 */
export async function submitQuestionnaire(ctx: Ctx, token: string, input: { idempotencyKey: string; emptyConfirmed?: boolean; open: Record<string, string> }): Promise<string> {
	const participation = await openParticipation(ctx.db, token, ctx.clientAddress, { forSubmission: true });
	const typed = { ...participation.draft.open, ...input.open };
	const open = Object.fromEntries(participation.study.openQuestions.map((q) => [q.key, (typed[q.key] ?? '').slice(0, 2000)]));
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
