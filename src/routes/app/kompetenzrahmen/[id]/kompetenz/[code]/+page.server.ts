import { error, redirect } from '@sveltejs/kit';
import { emptyTags, sortedByPosition } from '$lib/domain/framework';
import { findArea, findCompetence, saveCompetence, suggestCompetenceCode } from '$lib/domain/framework/editing';
import { editDraft } from '$lib/server/frameworks/edit-draft';
import { competenceFormSchema, toCompetenceFields } from '$lib/server/frameworks/forms';
import { getFramework } from '$lib/server/frameworks/get-framework';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { orPageError, requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

const TAG_GROUPS = ['principles', 'dimensions', 'levels', 'fields'];

/** `neu?bereich=A3` adds a competence to A3; any other code edits that competence. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	const framework = await orPageError(getFramework(ctx, params.id));
	if (framework.shipped) error(404, 'Nicht gefunden');
	const document = framework.document;
	const areas = sortedByPosition(document.areas).map((area) => ({ code: area.code, title: area.title_de }));
	if (areas.length === 0) redirect(303, `/app/kompetenzrahmen/${params.id}/bereich/neu`);
	if (params.code === 'neu') {
		const areaCode = findArea(document, url.searchParams.get('bereich') ?? '')?.code ?? areas[0].code;
		return {
			frameworkId: framework.id,
			isNew: true,
			areas,
			areaCode,
			competence: { code: suggestCompetenceCode(document, areaCode), title_de: '', title_en: '', description_de: '', description_en: '', type: 'skill' as const, tags: emptyTags(), escoUri: '' }
		};
	}
	const found = findCompetence(document, params.code);
	if (!found) error(404, 'Diese Kompetenz gibt es nicht.');
	return { frameworkId: framework.id, isNew: false, areas, areaCode: found.area.code, competence: { ...found.competence, escoUri: found.competence.escoUri ?? '' } };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, competenceFormSchema(), { arrays: TAG_GROUPS });
		if (!parsed.ok) return parsed.failure;
		const original = params.code === 'neu' ? undefined : params.code;
		let saved;
		try {
			saved = await editDraft(ctx, params.id, (doc) => saveCompetence(doc, parsed.data.area, toCompetenceFields(parsed.data), original));
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		redirect(303, `/app/kompetenzrahmen/${params.id}?gespeichert=${saved.versionNumber}#item-${encodeURIComponent(parsed.data.code)}`);
	}
};
