import { participationOrError } from '$lib/server/studies/participation-http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const participation = await participationOrError(event);
	const { study, pages, draft, previous } = participation;
	// Delphi: a later round starts from the previous answers. Until something was saved in this
	// round, start at page 1, so the participant sees the feedback instead of jumping to the review.
	const fresh =
		previous !== null &&
		Object.keys(draft.reasons).length === 0 &&
		Object.keys(draft.answers).length === Object.keys(previous.answers).length &&
		Object.entries(previous.answers).every(([key, value]) => draft.answers[key] === value);
	const firstOpen = pages.findIndex((page) => page.competences.some((c) => c.items.some((item) => !(item.key in draft.answers))));
	return {
		title: study.title,
		introduction: study.introduction,
		group: participation.group.label,
		round: participation.round,
		rounds: study.rounds,
		pageCount: pages.length,
		delphi: previous !== null,
		resumeAt: !fresh && Object.keys(draft.answers).length ? (firstOpen === -1 ? 'pruefen' : `seite/${firstOpen + 1}`) : null,
		personalLink: event.url.searchParams.has('neu') ? `${event.url.origin}/t/${event.params.token}` : null
	};
};
