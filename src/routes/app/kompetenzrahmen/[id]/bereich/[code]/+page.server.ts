import { error, redirect } from '@sveltejs/kit';
import { findArea, saveArea, suggestAreaCode } from '$lib/domain/framework/editing';
import { editDraft } from '$lib/server/frameworks/edit-draft';
import { areaFormSchema } from '$lib/server/frameworks/forms';
import { getFramework } from '$lib/server/frameworks/get-framework';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { orPageError, requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

/** `neu` adds an area; any other code edits that area. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = requireTenant(locals, 'org.manage');
	const framework = await orPageError(getFramework(ctx, params.id));
	if (framework.shipped) error(404, 'Nicht gefunden');
	const isNew = params.code === 'neu';
	const area = isNew ? undefined : findArea(framework.document, params.code);
	if (!isNew && !area) error(404, 'Diesen Bereich gibt es nicht.');
	return {
		frameworkId: framework.id,
		isNew,
		area: area ?? { code: suggestAreaCode(framework.document), title_de: '', title_en: '', description_de: '', description_en: '' }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, areaFormSchema);
		if (!parsed.ok) return parsed.failure;
		const original = params.code === 'neu' ? undefined : params.code;
		let saved;
		try {
			saved = await editDraft(ctx, params.id, (doc) => saveArea(doc, parsed.data, original));
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		redirect(303, `/app/kompetenzrahmen/${params.id}?gespeichert=${saved.versionNumber}#item-${encodeURIComponent(parsed.data.code)}`);
	}
};
