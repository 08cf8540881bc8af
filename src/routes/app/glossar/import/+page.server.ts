import { importGlossary } from '$lib/server/glossary/import-glossary';
import { readGlossaryUpload } from '$lib/server/glossary/read-upload';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', () => ({}));

export const actions: Actions = {
	default: (event) => runAction(event, { access: 'org.manage', form: readGlossaryUpload, run: (ctx, input) => importGlossary(ctx, input).then((imported) => ({ imported })) })
};
