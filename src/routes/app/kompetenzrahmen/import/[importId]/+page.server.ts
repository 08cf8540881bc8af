import { confirmImport } from '$lib/server/frameworks/confirm-import';
import { getImportPreview } from '$lib/server/frameworks/get-import-preview';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', async (ctx) => ({ preview: await getImportPreview(ctx, event.params.importId) }));

export const actions: Actions = {
	default: (event) => runAction(event, { access: 'org.manage', run: (ctx) => confirmImport(ctx, event.params.importId), redirect: ({ id }) => `/app/kompetenzrahmen/${id}` })
};
