import { participationOrError } from '$lib/server/studies/participation-http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const participation = await participationOrError(event);
	const { study, pages, draft } = participation;
	const firstOpen = pages.findIndex((page) => page.competences.some((c) => c.items.some((item) => !(item.key in draft.answers))));
	return {
		title: study.title,
		introduction: study.introduction,
		group: participation.group.label,
		round: participation.round,
		rounds: study.rounds,
		pageCount: pages.length,
		resumeAt: Object.keys(draft.answers).length ? (firstOpen === -1 ? 'pruefen' : `seite/${firstOpen + 1}`) : null,
		personalLink: event.url.searchParams.has('neu') ? `${event.url.origin}/t/${event.params.token}` : null
	};
};
