import { emptyTags, instrumentKindOf, sortedByPosition } from '../../domain/framework';
import { findArea, findCompetence, suggestCompetenceCode } from '../../domain/framework/editing';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { editableFramework } from './editable-framework';

/** `neu` (with the area to add to) adds a competence; any other code edits it. `areas` is empty when the framework has none yet. */
export async function getCompetenceEditing(ctx: TenantContext, frameworkId: string, code: string, requestedArea: string | null) {
	const framework = await editableFramework(ctx, frameworkId);
	const document = framework.document;
	const areas = sortedByPosition(document.areas).map((area) => ({ code: area.code, title: area.title_de }));
	/** A conditions catalogue's form also edits each condition's first steps (issue 16). */
	const kind = instrumentKindOf(document);
	if (areas.length === 0) return { frameworkId: framework.id, kind, isNew: true, areas, areaCode: '', competence: null };
	if (code === 'neu') {
		const areaCode = findArea(document, requestedArea ?? '')?.code ?? areas[0].code;
		return {
			frameworkId: framework.id,
			kind,
			isNew: true,
			areas,
			areaCode,
			competence: { code: suggestCompetenceCode(document, areaCode), title_de: '', title_en: '', description_de: '', description_en: '', type: 'skill' as const, tags: emptyTags(), escoUri: '', firstSteps_de: '', firstSteps_en: '' }
		};
	}
	const found = findCompetence(document, code);
	if (!found) throw new AppError('not_found', 'Diese Kompetenz gibt es nicht.');
	const { competence } = found;
	return {
		frameworkId: framework.id,
		kind,
		isNew: false,
		areas,
		areaCode: found.area.code,
		competence: { ...competence, escoUri: competence.escoUri ?? '', firstSteps_de: competence.firstSteps_de ?? '', firstSteps_en: competence.firstSteps_en ?? '' }
	};
}
