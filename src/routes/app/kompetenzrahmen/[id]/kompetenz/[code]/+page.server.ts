import { redirect } from '@sveltejs/kit';
import { saveCompetence } from '$lib/domain/framework/editing';
import { competenceFormSchema, TAG_GROUPS, toCompetenceFields } from '$lib/schemas/frameworks';
import { editDraft } from '$lib/server/frameworks/edit-draft';
import { getCompetenceEditing } from '$lib/server/frameworks/get-competence-editing';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

/** `neu?bereich=A3` adds a competence to A3; any other code edits that competence. Without areas, the first area comes first. */
export const load: PageServerLoad = (event) =>
	loadPage(event, 'org.manage', async (ctx) => {
		const editing = await getCompetenceEditing(ctx, event.params.id, event.params.code, event.url.searchParams.get('bereich'));
		if (!editing.competence) redirect(303, `/app/kompetenzrahmen/${event.params.id}/bereich/neu`);
		return { ...editing, competence: editing.competence };
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: competenceFormSchema(),
			arrays: TAG_GROUPS,
			run: (ctx, input) => editDraft(ctx, event.params.id, (doc) => saveCompetence(doc, input.area, toCompetenceFields(input), event.params.code === 'neu' ? undefined : event.params.code)),
			redirect: ({ versionNumber }, { code }) => `/app/kompetenzrahmen/${event.params.id}?gespeichert=${versionNumber}#item-${encodeURIComponent(code)}`
		})
};
