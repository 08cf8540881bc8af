import { can } from '../auth/actor';
import type { TenantContext } from '../tenant';
import { listStudies } from './list-studies';

/** The organisation's studies with this round's finished count, for the list page. */
export async function studyList(ctx: TenantContext) {
	const studies = await listStudies(ctx);
	return {
		studies: studies.map((s) => ({ id: s.id, title: s.title, status: s.status, round: s.currentRound, rounds: s.rounds, finished: s.finishedThisRound, createdAt: s.createdAt })),
		mayManage: can(ctx.actor, 'org.manage')
	};
}
