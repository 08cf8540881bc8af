import { can } from '$lib/server/auth/actor';
import { requireTenant } from '$lib/server/http/guard';
import { listStudies } from '$lib/server/studies/manage-study';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = requireTenant(locals, 'results.read');
	const studies = await listStudies(ctx);
	return {
		studies: studies.map((s) => ({ id: s.id, title: s.title, status: s.status, round: s.currentRound, rounds: s.rounds, finished: s.finishedThisRound, createdAt: s.createdAt })),
		mayManage: can(locals.actor, 'org.manage')
	};
};
