import { can } from '$lib/server/auth/actor';
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
		mayPlan: can(actor, 'plans.manage')
	};
};
