import { error, redirect } from '@sveltejs/kit';
import { ALL_GROUPS } from '$lib/domain/anonymity/cells';
import { visibleFigures } from '$lib/domain/results/round-table';
import { getDatabase } from '$lib/server/db/client';
import { loadProtectedRound } from '$lib/server/results/load-round';
import { frameworkDocumentOfStudy, saveDraft } from '$lib/server/studies/participate';
import { participationOrError, readAnswerFields } from '$lib/server/studies/participation-http';
import type { Actions, PageServerLoad } from './$types';

function pageIndex(n: string, pageCount: number): number {
	const index = Number(n);
	if (!Number.isInteger(index) || index < 1 || index > pageCount) error(404, 'Diese Seite der Befragung gibt es nicht.');
	return index;
}

export const load: PageServerLoad = async (event) => {
	const participation = await participationOrError(event);
	const { study, pages, draft, previous, round } = participation;
	const index = pageIndex(event.params.n, pages.length);
	const current = pages[index - 1];

	let feedback: Record<string, { group: { median: number; n: number } | null; all: { median: number; n: number } | null; yours: number | null | undefined }> = {};
	if (round > 1 && previous) {
		const db = getDatabase();
		const table = await loadProtectedRound(db, study, await frameworkDocumentOfStudy(db, study), round - 1);
		const medianOf = (figures: ReturnType<typeof visibleFigures<{ summary: { median: number | null; n: number } }>>) =>
			figures && figures.summary.median !== null ? { median: figures.summary.median, n: figures.summary.n } : null;
		feedback = Object.fromEntries(
			current.competences.flatMap((competence) =>
				competence.items.map((item) => {
					const key = { competence: item.competence, measure: item.measure, horizon: item.horizon };
					return [
						item.key,
						{
							group: medianOf(visibleFigures(table.rating(key, participation.group.key))),
							all: medianOf(visibleFigures(table.rating(key, ALL_GROUPS))),
							yours: previous.answers[item.key]
						}
					];
				})
			)
		);
	}
	return {
		title: study.title,
		pageNumber: index,
		pageCount: pages.length,
		page: current,
		horizons: study.horizons,
		answers: Object.fromEntries(current.competences.flatMap((c) => c.items.map((item) => [item.key, draft.answers[item.key]]))),
		reasons: Object.fromEntries(current.competences.flatMap((c) => c.items.map((item) => [item.key, draft.reasons[item.key] ?? '']))),
		feedback
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
		if (go === 'back') redirect(303, index > 1 ? `${base}/seite/${index - 1}` : base);
		redirect(303, index < participation.pages.length ? `${base}/seite/${index + 1}` : `${base}/pruefen`);
	}
};
