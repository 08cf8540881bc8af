import { planDecideForm, planMeasureAddForm, planMeasureEditForm, planMeasureRemoveForm, planModuleForm, planPublishForm } from '$lib/schemas/planning-forms';
import { formAction, loadPage } from '$lib/server/http/adapter';
import { addMeasure } from '$lib/server/planning/add-measure';
import { createModuleForGap } from '$lib/server/planning/create-module-for-gap';
import { decideGap } from '$lib/server/planning/decide-gap';
import { getPlan } from '$lib/server/planning/get-plan';
import { getPlanComparisonView } from '$lib/server/planning/get-plan-comparison-view';
import { publishPlan } from '$lib/server/planning/publish-plan';
import { removeMeasure } from '$lib/server/planning/remove-measure';
import { updateMeasure } from '$lib/server/planning/update-measure';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'plans.manage', async (ctx) => ({ plan: await getPlan(ctx, event.params.id), comparison: await getPlanComparisonView(ctx, event.params.id, event.url), created: event.url.searchParams.has('angelegt') }));

export const actions: Actions = {
	decide: formAction('plans.manage', planDecideForm, (ctx, input, { params }) => decideGap(ctx, params.id, input).then((r) => ({ done: r.status })), { failure: { formName: 'decide' } }),
	module: formAction('plans.manage', planModuleForm, (ctx, input, { params }) => createModuleForGap(ctx, params.id, input).then((r) => ({ done: 'module', moduleId: r.moduleId })), { failure: { formName: 'module' } }),
	addMeasure: formAction('plans.manage', planMeasureAddForm, (ctx, input, { params }) => addMeasure(ctx, params.id, input).then(() => ({ done: 'measureAdded' })), { failure: { formName: 'addMeasure' } }),
	editMeasure: formAction('plans.manage', planMeasureEditForm, (ctx, { measure, ...input }, { params }) => updateMeasure(ctx, params.id, measure, input).then(() => ({ done: 'measureSaved' })), { failure: { formName: 'editMeasure' } }),
	removeMeasure: formAction('plans.manage', planMeasureRemoveForm, (ctx, { measure }, { params }) => removeMeasure(ctx, params.id, measure).then(() => ({ done: 'measureRemoved' })), { failure: { formName: 'removeMeasure' } }),
	publish: formAction('plans.manage', planPublishForm, (ctx, input, { params }) => publishPlan(ctx, params.id, input).then((r) => ({ done: r.status })), { failure: { formName: 'publish' } })
};
