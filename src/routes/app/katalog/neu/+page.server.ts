import { moduleInputSchema } from '$lib/schemas/catalogue';
import { readModuleForm, withSchemaProblems } from '$lib/server/catalogue/forms';
import { getNewModuleForm } from '$lib/server/catalogue/get-new-module-form';
import { saveModule } from '$lib/server/catalogue/save-module';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => getNewModuleForm(ctx, event.url.searchParams.get('rahmen')));

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: (form) => withSchemaProblems(readModuleForm(form), moduleInputSchema),
			run: (ctx, input) => saveModule(ctx, { ...input, status: 'draft' }),
			redirect: (created) => `/app/katalog/${created.id}?gespeichert=1`
		})
};
