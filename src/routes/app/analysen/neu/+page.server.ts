import { error, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { requireTenant } from '$lib/server/http/guard';
import { createStudy } from '$lib/server/studies/manage-study';
import { defaultValues, frameworkChoice, submitStudyForm } from '../study-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	try {
		const choice = await frameworkChoice(ctx, url.searchParams.get('rahmen'));
		return { ...choice, initial: defaultValues(choice.framework.id, choice.framework.areas) };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const submitted = await submitStudyForm(ctx, request, (settings) => createStudy(ctx, settings));
		if (!submitted.ok) return submitted.failure;
		redirect(303, `/app/analysen/${submitted.result.id}?hinweis=created`);
	}
};
