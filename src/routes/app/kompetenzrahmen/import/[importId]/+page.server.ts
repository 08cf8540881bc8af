import { error, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { confirmImport, getImportPreview } from '$lib/server/frameworks/exchange';
import { formFailure } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = requireTenant(locals, 'org.manage');
	try {
		return { preview: await getImportPreview(ctx, params.importId) };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		let created;
		try {
			created = await confirmImport(ctx, params.importId);
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/kompetenzrahmen/${created.id}`);
	}
};
