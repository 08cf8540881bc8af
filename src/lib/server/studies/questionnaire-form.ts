import { delphiFeedback, type ItemFeedback } from '../../domain/study/delphi-feedback';
import { REASON_MAX_LENGTH, reasonKey } from '../../domain/study/delphi-reasons';
import { questionnairePageCount } from '../../domain/study/questionnaire-steps';
import type { AnswerValue, QuestionnairePage } from '../../domain/study/questionnaire';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { loadProtectedRound } from '../results/load-round';
import type { Participation } from './participation';
import { saveDraft } from './save-draft';

/*
 * The questionnaire as participants use it in the browser (no JavaScript needed): start, one page
 * per area, review, submit. The link's token is the only key; nothing here knows a person.
 * What its pages share: reading the form fields, the page numbers, saving a page into the draft.
 */

export type Ctx = Pick<RequestContext, 'db' | 'clientAddress' | 'baseUrl' | 'requestScope'>;

export const itemsOf = (page: QuestionnairePage) => page.competences.flatMap((c) => c.items);

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

export function pageIndex(n: string, pageCount: number): number {
	const index = Number(n);
	if (!Number.isInteger(index) || index < 1 || index > pageCount) throw new AppError('not_found', 'Diese Seite der Befragung gibt es nicht.');
	return index;
}

/** Pages with questions: one per area, then the open questions' own page (when there are any). */
export const pageCountOf = ({ study, pages }: Participation) => questionnairePageCount(pages.length, study.openQuestions.length);

/** The open answers as typed: trimmed, at most 2,000 characters; empty ones are left out. */
function readOpenFields(form: FormData, questionKeys: readonly string[]): Record<string, string> {
	const open: Record<string, string> = {};
	for (const key of questionKeys) {
		const value = form.get(`open:${key}`);
		if (typeof value === 'string' && value.trim()) open[key] = value.trim().slice(0, 2000);
	}
	return open;
}

/** Delphi reasons as typed (`reason:<item key>`, see domain/study/delphi-reasons.ts): trimmed, at most 500 characters; empty ones left out. */
function readReasonFields(form: FormData, itemKeys: readonly string[]): Record<string, string> {
	const reasons: Record<string, string> = {};
	for (const key of itemKeys.map(reasonKey)) {
		const value = form.get(key);
		if (typeof value === 'string' && value.trim()) reasons[key] = value.trim().slice(0, REASON_MAX_LENGTH);
	}
	return reasons;
}

const withoutKeys = (texts: Record<string, string>, keys: readonly string[]) => Object.fromEntries(Object.entries(texts).filter(([key]) => !keys.includes(key)));

/**
 * Saves the answers of page `index` into the draft (idempotent: the same form saved twice leaves
 * the same draft). Nothing is written when nothing changed, e.g. paging back and forth.
 */
export async function savePage(ctx: Ctx, participation: Participation, index: number, form: FormData): Promise<void> {
	const { study, pages, draft } = participation;
	const before = JSON.stringify(draft);
	if (index <= pages.length) {
		const itemKeys = itemsOf(pages[index - 1]).map((item) => item.key);
		Object.assign(draft.answers, readAnswerFields(form, itemKeys));
		draft.open = { ...withoutKeys(draft.open, itemKeys.map(reasonKey)), ...readReasonFields(form, itemKeys) };
	} else {
		const keys = study.openQuestions.map((question) => question.key);
		draft.open = { ...withoutKeys(draft.open, keys), ...readOpenFields(form, keys) };
	}
	if (JSON.stringify(draft) !== before) await saveDraft(ctx.db, participation, draft);
}

/** The page whose answers a form carries (`seite`); a form without it is the page it was posted to. */
export const postedFrom = (form: FormData, here: number, pageCount: number) => {
	const from = form.get('seite');
	return typeof from === 'string' ? pageIndex(from, pageCount) : here;
};
