import { saveArea } from '$lib/domain/framework/editing';
import { areaFormSchema } from '$lib/schemas/frameworks';
import { editDraft } from '$lib/server/frameworks/edit-draft';
import { getAreaEditing } from '$lib/server/frameworks/get-area-editing';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

/** `neu` adds an area; any other code edits that area. */
export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => getAreaEditing(ctx, event.params.id, event.params.code));

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: areaFormSchema,
			run: (ctx, area) => editDraft(ctx, event.params.id, (doc) => saveArea(doc, area, event.params.code === 'neu' ? undefined : event.params.code)),
			redirect: ({ versionNumber }, { code }) => `/app/kompetenzrahmen/${event.params.id}?gespeichert=${versionNumber}#item-${encodeURIComponent(code)}`
		})
};
