import { redirect } from '@sveltejs/kit';
import { moduleInputSchema } from '$lib/schemas/catalogue';
import { moduleFormContext } from '$lib/server/catalogue/form-context';
import { formRejection, precheck, readForm, readModuleForm } from '$lib/server/catalogue/forms';
import { saveModule } from '$lib/server/catalogue/save-module';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	return { ...(await moduleFormContext(ctx, url.searchParams.get('rahmen'), locals.locale)), values: { format: 'workshop', language: 'de' } as Record<string, string> };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const parsed = readModuleForm(form);
		let created;
		try {
			precheck(parsed, moduleInputSchema);
			created = await saveModule(ctx, { ...parsed.input, status: 'draft' });
		} catch (error) {
			return formRejection(parsed, error);
		}
		redirect(303, `/app/katalog/${created.id}?gespeichert=1`);
	}
};
