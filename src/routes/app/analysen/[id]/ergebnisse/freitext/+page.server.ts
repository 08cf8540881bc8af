import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { orPageError, requireTenant } from '$lib/server/http/guard';
import { parseRound } from '$lib/server/results/parse-round';
import { getOpenAnswerReview, setOpenAnswerHidden, setOpenAnswerRelease } from '$lib/server/results/review-open-answers';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['release', 'withdraw', 'hide', 'show'] as const;

/** Owners and organisers read a closed round's free-text answers before anyone else, hide single texts and release questions. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	const review = await orPageError((async () => getOpenAnswerReview(ctx, params.id, parseRound(url.searchParams.get('runde'))))());
	const notice = url.searchParams.get('hinweis');
	return { review, notice: (NOTICES as readonly string[]).includes(notice ?? '') ? (notice as (typeof NOTICES)[number]) : null };
};

const roundField = z.string({ message: 'Bitte wählen Sie eine Runde.' }).trim().regex(/^\d{1,2}$/, 'Bitte wählen Sie eine Runde.').transform(Number);
const releaseForm = z.object({ round: roundField, question: z.string({ message: 'Bitte wählen Sie eine offene Frage.' }).max(200, 'Diese offene Frage gibt es in der Analyse nicht.') });
const hideForm = z.object({ round: roundField, answerId: z.string({ message: 'Diese Antwort gibt es nicht.' }).max(100, 'Diese Antwort gibt es nicht.') });

/** Back to the review of the same round, at the question or answer just changed (works without JavaScript). */
function back(id: string, round: number, notice: (typeof NOTICES)[number], anchor: string): never {
	redirect(303, `/app/analysen/${id}/ergebnisse/freitext?runde=${round}&hinweis=${notice}#${anchor}`);
}

function release(released: boolean) {
	return async ({ locals, params, request }: Parameters<Actions[string]>[0]) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, releaseForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await setOpenAnswerRelease(ctx, params.id!, { round: parsed.data.round, question: parsed.data.question, released });
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		back(params.id!, parsed.data.round, released ? 'release' : 'withdraw', `frage-${parsed.data.question}`);
	};
}

function hide(hidden: boolean) {
	return async ({ locals, params, request }: Parameters<Actions[string]>[0]) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, hideForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await setOpenAnswerHidden(ctx, params.id!, { round: parsed.data.round, answerId: parsed.data.answerId, hidden });
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		back(params.id!, parsed.data.round, hidden ? 'hide' : 'show', `antwort-${parsed.data.answerId}`);
	};
}

export const actions: Actions = {
	release: release(true),
	withdraw: release(false),
	hide: hide(true),
	show: hide(false)
};
