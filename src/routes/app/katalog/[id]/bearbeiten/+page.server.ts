import { moduleInputSchema } from '$lib/schemas/catalogue';
import { readModuleForm, withSchemaProblems } from '$lib/server/catalogue/forms';
import { getModuleEditForm } from '$lib/server/catalogue/get-module-edit-form';
import { saveModule } from '$lib/server/catalogue/save-module';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => getModuleEditForm(ctx, event.params.id, event.url.searchParams.get('rahmen')));

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: (form) => withSchemaProblems(readModuleForm(form), moduleInputSchema),
			run: (ctx, input) => saveModule(ctx, input, event.params.id),
			redirect: () => `/app/katalog/${event.params.id}?gespeichert=1`
		})
};
