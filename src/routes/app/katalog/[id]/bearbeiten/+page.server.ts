import { error, redirect } from '@sveltejs/kit';
import { moduleInputSchema } from '$lib/schemas/catalogue';
import { moduleFormContext } from '$lib/server/catalogue/form-context';
import { moduleFormValues } from '$lib/server/catalogue/form-values';
import { formRejection, precheck, readForm, readModuleForm } from '$lib/server/catalogue/forms';
import { facilitatorsOf } from '$lib/server/catalogue/get-module';
import { findOwnModule, saveModule } from '$lib/server/catalogue/save-module';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	const module = await findOwnModule(ctx, params.id);
	if (!module) error(404, 'Dieses Modul gibt es nicht.');
	const facilitators = (await facilitatorsOf(ctx.db, [module.id])).get(module.id) ?? [];
	return {
		id: module.id,
		title: module.title,
		...(await moduleFormContext(ctx, url.searchParams.get('rahmen') ?? module.frameworkId, locals.locale)),
		values: moduleFormValues(module, facilitators)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const parsed = readModuleForm(form);
		try {
			precheck(parsed, moduleInputSchema);
			await saveModule(ctx, parsed.input, params.id);
		} catch (cause) {
			return formRejection(parsed, cause);
		}
		redirect(303, `/app/katalog/${params.id}?gespeichert=1`);
	}
};
