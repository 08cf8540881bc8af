import { error, redirect } from '@sveltejs/kit';
import { ALL_GROUPS } from '$lib/domain/anonymity/cells';
import { visibleFigures, type RatingFigures } from '$lib/domain/results/round-table';
import { getDatabase } from '$lib/server/db/client';
import { loadProtectedRound } from '$lib/server/results/load-round';
import { frameworkDocumentOfStudy } from '$lib/server/frameworks/pinned-document';
import { saveDraft, type Participation } from '$lib/server/studies/participate';
import { participationOrError, readAnswerFields } from '$lib/server/studies/participation-http';
import type { Actions, PageServerLoad } from './$types';

function pageIndex(n: string, pageCount: number): number {
	const index = Number(n);
	if (!Number.isInteger(index) || index < 1 || index > pageCount) error(404, 'Diese Seite der Befragung gibt es nicht.');
	return index;
}

/** The previous round's figures of a group or all groups, as a participant may see them (null when hidden or without ratings). */
interface FeedbackFigures {
	median: number;
	n: number;
	/** Number of answers 1…5. */
	histogram: number[];
}

type Feedback = Record<string, { group: FeedbackFigures | null; all: FeedbackFigures | null; yours: number | null | undefined }>;

/**
 * Delphi feedback for one page (round ≥ 2, a link that took part before): the previous round's
 * distribution of the participant's group and of all groups, only from the protected table, so a
 * group below k (or hidden to protect one) shows nothing.
 */
async function feedbackFor(participation: Participation, page: Participation['pages'][number]): Promise<Feedback> {
	const { study, previous, round } = participation;
	if (round < 2 || !previous) return {};
	const db = getDatabase();
	const table = await loadProtectedRound(db, study, await frameworkDocumentOfStudy(db, study), round - 1);
	const shown = (figures: RatingFigures | null): FeedbackFigures | null =>
		figures && figures.summary.median !== null ? { median: figures.summary.median, n: figures.summary.n, histogram: [...figures.histogram.counts] } : null;
	return Object.fromEntries(
		page.competences.flatMap((competence) =>
			competence.items.map((item) => {
				const key = { competence: item.competence, measure: item.measure, horizon: item.horizon };
				return [
					item.key,
					{ group: shown(visibleFigures(table.rating(key, participation.group.key))), all: shown(visibleFigures(table.rating(key, ALL_GROUPS))), yours: previous.answers[item.key] }
				];
			})
		)
	);
}

/** An answer at least two points from the group's median asks for a (voluntary) reason. */
function farFromMedian(answer: number | null | undefined, group: FeedbackFigures | null): boolean {
	return Boolean(group) && typeof answer === 'number' && Math.abs(answer - group!.median) >= 2;
}

export const load: PageServerLoad = async (event) => {
	const participation = await participationOrError(event);
	const { study, pages, draft } = participation;
	const index = pageIndex(event.params.n, pages.length);
	const current = pages[index - 1];
	const feedback = await feedbackFor(participation, current);
	return {
		title: study.title,
		pageNumber: index,
		pageCount: pages.length,
		page: current,
		horizons: study.horizons,
		answers: Object.fromEntries(current.competences.flatMap((c) => c.items.map((item) => [item.key, draft.answers[item.key]]))),
		reasons: Object.fromEntries(current.competences.flatMap((c) => c.items.map((item) => [item.key, draft.reasons[item.key] ?? '']))),
		feedback,
		/** Sent back because a new answer is far from the group's median and no reason field was on the page yet. */
		reasonAsked: event.url.searchParams.has('begruendung')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const participation = await participationOrError(event);
		const index = pageIndex(event.params.n, participation.pages.length);
		const form = await event.request.formData().catch(() => new FormData());
		const keys = participation.pages[index - 1].competences.flatMap((c) => c.items.map((item) => item.key));
		const entered = readAnswerFields(form, keys);
		const sheet = participation.draft;
		for (const key of keys) {
			if (key in entered.answers) sheet.answers[key] = entered.answers[key];
			if (key in entered.reasons) sheet.reasons[key] = entered.reasons[key];
			else delete sheet.reasons[key];
		}
		await saveDraft(getDatabase(), participation, sheet);
		const base = `/t/${event.params.token}`;
		const go = form.get('go');
		if (go !== 'back' && participation.round > 1 && participation.previous) {
			// Without JavaScript the reason field appears only after the page is shown again: ask once,
			// for answers now far from the group median whose field was not on the page.
			const feedback = await feedbackFor(participation, participation.pages[index - 1]);
			const unasked = keys.find((key) => !form.has(`r:${key}`) && farFromMedian(sheet.answers[key], feedback[key]?.group ?? null));
			if (unasked) redirect(303, `${base}/seite/${index}?begruendung#r-${unasked.replace(/[^A-Za-z0-9_-]/g, '-')}`);
		}
		if (go === 'back') redirect(303, index > 1 ? `${base}/seite/${index - 1}` : base);
		redirect(303, index < participation.pages.length ? `${base}/seite/${index + 1}` : `${base}/pruefen`);
	}
};
