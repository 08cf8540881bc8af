import { estimatedMinutes } from '../../domain/study/duration';
import { explainTexts } from '../glossary/explain-texts';
import { openParticipation } from './open-participation';
import { introductionParagraphs, itemsOf, pageCountOf, type Ctx } from './questionnaire-form';

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
		// Competence study or Rahmenbedingungen self-check: decides the words of „So geht es“.
		instrument: pages[0]?.instrument ?? ('competences' as const),
		resumeAt: !fresh && Object.keys(draft.answers).length ? (firstOpen === -1 ? afterRatings : `seite/${firstOpen + 1}`) : null,
		personalLink: justJoined ? `${ctx.baseUrl}/t/${token}` : null
	};
}
