import type { ItemFeedback } from '../../domain/study/delphi-feedback';
import { reasonKey, reasonOffered } from '../../domain/study/delphi-reasons';
import { stepPath } from '../../domain/study/questionnaire-steps';
import { explainTexts } from '../glossary/explain-texts';
import { delphiArgumentsFor } from '../results/delphi-reasons';
import { openParticipationOnce } from './open-participation';
import { itemsOf, pageCountOf, pageFeedback, pageIndex, type Ctx } from './questionnaire-form';

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
	const participation = await openParticipationOnce(ctx, token);
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
	const { round } = participation;
	const previousArguments = await delphiArgumentsFor(ctx.db, study, round);
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
		// eDelphi: the previous round's released reasons beside the distribution, and a reason field where the answer stands far from the group's median (or at every question, as the study chose).
		argumentsRound: round - 1,
		reasonMode: study.reasonMode,
		arguments: Object.fromEntries(items.flatMap((item) => (previousArguments[item.key] ? [[item.key, previousArguments[item.key]]] : []))),
		reasonAsked: Object.fromEntries(
			items.map((item) => [item.key, reasonOffered({ round, rounds: study.rounds, mode: study.reasonMode, answer: item.key in draft.answers ? draft.answers[item.key] : feedback[item.key]?.yours, group: feedback[item.key]?.group ?? null })])
		),
		reasons: Object.fromEntries(items.map((item) => [item.key, draft.open[reasonKey(item.key)] ?? ''])),
		feedback: Object.fromEntries(Object.entries(feedback).map(([key, f]) => [key, { group: withMedian(f.group), all: withMedian(f.all), yours: f.yours }]))
	};
}
