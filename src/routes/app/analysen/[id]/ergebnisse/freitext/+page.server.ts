import type { z } from 'zod';
import { reviewAnchor } from '$lib/domain/study/delphi-reasons';
import { openAnswerHideForm, openAnswerReleaseForm } from '$lib/schemas/results';
import type { OrgContext } from '$lib/server/context';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { parseRound } from '$lib/server/results/parse-round';
import { getOpenAnswerReview } from '$lib/server/results/get-open-answer-review';
import { setOpenAnswerHidden } from '$lib/server/results/set-open-answer-hidden';
import { setOpenAnswerRelease } from '$lib/server/results/set-open-answer-release';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NOTICES = ['release', 'withdraw', 'hide', 'show'] as const;
type Notice = (typeof NOTICES)[number];

/** Owners and organisers read a closed round's free-text answers before anyone else, hide single texts and release questions. */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'org.manage', async (ctx) => {
		const notice = event.url.searchParams.get('hinweis');
		return {
			review: await getOpenAnswerReview(ctx, event.params.id, parseRound(event.url.searchParams.get('runde'))),
			notice: (NOTICES as readonly string[]).includes(notice ?? '') ? (notice as Notice) : null
		};
	});

/** Back to the review of the same round, at the question or answer just changed (works without JavaScript). */
const back = (event: RequestEvent, round: number, notice: Notice, anchor: string) => `/app/analysen/${event.params.id}/ergebnisse/freitext?runde=${round}&hinweis=${notice}#${anchor}`;

/** A review step on a question or a single answer, back at the same place. */
const review =
	<I extends { round: number }>(form: z.ZodType<I>, apply: (ctx: OrgContext, studyId: string, input: I) => Promise<void>, notice: Notice, anchor: (input: I) => string) =>
	(event: RequestEvent) =>
		runAction(event, { access: 'org.manage', form, run: (ctx, input) => apply(ctx, event.params.id, input), redirect: (_, input) => back(event, input.round, notice, anchor(input)) });

const atQuestion = ({ question }: { question: string }) => reviewAnchor(question);
const atAnswer = ({ answerId }: { answerId: string }) => `antwort-${answerId}`;

export const actions: Actions = {
	release: review(openAnswerReleaseForm, (ctx, id, input) => setOpenAnswerRelease(ctx, id, { ...input, released: true }), 'release', atQuestion),
	withdraw: review(openAnswerReleaseForm, (ctx, id, input) => setOpenAnswerRelease(ctx, id, { ...input, released: false }), 'withdraw', atQuestion),
	hide: review(openAnswerHideForm, (ctx, id, input) => setOpenAnswerHidden(ctx, id, { ...input, hidden: true }), 'hide', atAnswer),
	show: review(openAnswerHideForm, (ctx, id, input) => setOpenAnswerHidden(ctx, id, { ...input, hidden: false }), 'show', atAnswer)
};
