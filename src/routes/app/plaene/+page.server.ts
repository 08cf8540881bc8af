import { planCreateForm } from '$lib/schemas/planning-forms';
import { formAction, loadPage } from '$lib/server/http/adapter';
import { createPlan } from '$lib/server/planning/create-plan';
import { listPlanOverview } from '$lib/server/planning/list-plan-overview';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'plans.manage', async (ctx) => ({ ...(await listPlanOverview(ctx)), preselect: event.url.searchParams.get('analyse') }));

export const actions: Actions = {
	create: formAction('plans.manage', planCreateForm, createPlan, { redirect: (created) => `/app/plaene/${created.id}?angelegt` })
};
