import { previewImport } from '$lib/server/frameworks/preview-import';
import { readFrameworkUpload } from '$lib/server/frameworks/upload';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', () => undefined);

export const actions: Actions = {
	default: (event) =>
		runAction(event, { access: 'org.manage', form: readFrameworkUpload, run: previewImport, redirect: ({ importId }) => `/app/kompetenzrahmen/import/${importId}` })
};
