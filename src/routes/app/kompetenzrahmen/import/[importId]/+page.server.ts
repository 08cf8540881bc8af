import { redirect } from '@sveltejs/kit';
import { confirmImport, getImportPreview } from '$lib/server/frameworks/exchange';
import { formFailure } from '$lib/server/http/forms';
import { orPageError, requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = requireTenant(locals, 'org.manage');
	return { preview: await orPageError(getImportPreview(ctx, params.importId)) };
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
