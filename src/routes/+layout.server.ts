import { can } from '$lib/server/auth/actor';
import { operatorLegal } from '$lib/server/identity/operator-legal';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const actor = locals.actor;
	return {
		locale: locals.locale,
		user: actor ? { name: actor.name, email: actor.email } : null,
		org: actor?.org ?? null,
		memberships: actor?.memberships ?? [],
		mayManage: can(actor, 'org.manage'),
		mayFacilitate: can(actor, 'sessions.facilitate'),
		mayPlan: can(actor, 'plans.manage'),
		// Footer links of pages that belong to no organisation (pages of one show its own, see `identity`).
		operatorLegal: operatorLegal()
	};
};
