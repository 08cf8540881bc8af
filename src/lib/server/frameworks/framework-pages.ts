import { DIMENSION_KEYS, diffFrameworks, emptyTags, PRINCIPLE_KEYS, sortedByPosition } from '../../domain/framework';
import { findArea, findCompetence, suggestAreaCode, suggestCompetenceCode } from '../../domain/framework/editing';
import { can } from '../auth/actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { getFramework, getVersionDocument } from './get-framework';
import { findOrganisationBySlug, listPublishedFrameworks } from './public-frameworks';

/*
 * What the framework pages show, assembled from the use cases: each function is one page's data.
 */

export async function frameworkPage(ctx: TenantContext, frameworkId: string) {
	const framework = await getFramework(ctx, frameworkId);
	const mayManage = can(ctx.actor, 'org.manage');
	return { framework, mayEdit: mayManage && !framework.shipped, mayCopy: mayManage && framework.shipped };
}

async function editableFramework(ctx: TenantContext, frameworkId: string) {
	const framework = await getFramework(ctx, frameworkId);
	if (framework.shipped) throw new AppError('not_found', 'Nicht gefunden');
	return framework;
}

/** `neu` adds an area; any other code edits that area. */
export async function areaEditing(ctx: TenantContext, frameworkId: string, code: string) {
	const framework = await editableFramework(ctx, frameworkId);
	const isNew = code === 'neu';
	const area = isNew ? undefined : findArea(framework.document, code);
	if (!isNew && !area) throw new AppError('not_found', 'Diesen Bereich gibt es nicht.');
	return {
		frameworkId: framework.id,
		isNew,
		area: area ?? { code: suggestAreaCode(framework.document), title_de: '', title_en: '', description_de: '', description_en: '' }
	};
}

/** `neu` (with the area to add to) adds a competence; any other code edits it. `areas` is empty when the framework has none yet. */
export async function competenceEditing(ctx: TenantContext, frameworkId: string, code: string, requestedArea: string | null) {
	const framework = await editableFramework(ctx, frameworkId);
	const document = framework.document;
	const areas = sortedByPosition(document.areas).map((area) => ({ code: area.code, title: area.title_de }));
	if (areas.length === 0) return { frameworkId: framework.id, isNew: true, areas, areaCode: '', competence: null };
	if (code === 'neu') {
		const areaCode = findArea(document, requestedArea ?? '')?.code ?? areas[0].code;
		return {
			frameworkId: framework.id,
			isNew: true,
			areas,
			areaCode,
			competence: { code: suggestCompetenceCode(document, areaCode), title_de: '', title_en: '', description_de: '', description_en: '', type: 'skill' as const, tags: emptyTags(), escoUri: '' }
		};
	}
	const found = findCompetence(document, code);
	if (!found) throw new AppError('not_found', 'Diese Kompetenz gibt es nicht.');
	return { frameworkId: framework.id, isNew: false, areas, areaCode: found.area.code, competence: { ...found.competence, escoUri: found.competence.escoUri ?? '' } };
}

/** Compares two versions; by default the newest with the one before. Unknown numbers fall back to those. */
export async function versionComparison(ctx: TenantContext, frameworkId: string, wanted: { from: number; to: number }) {
	const framework = await getFramework(ctx, frameworkId);
	const numbers = framework.versions.map((v) => v.number);
	const to = numbers.includes(wanted.to) ? wanted.to : numbers[0];
	const from = numbers.includes(wanted.from) ? wanted.from : Math.max(1, to - 1);
	const diff = diffFrameworks(await getVersionDocument(ctx, frameworkId, from), await getVersionDocument(ctx, frameworkId, to));
	return { framework: { id: framework.id, name_de: framework.name_de, name_en: framework.name_en, versions: framework.versions }, from, to, diff };
}

/** A published framework on the organisation's public pages, filtered by Charter principle and dimension. */
export async function publicFrameworkPage(db: Db, slug: string, frameworkId: string, filter: { principle: string | null; dimension: string | null }) {
	const org = await findOrganisationBySlug(db, slug);
	const framework = org && (await listPublishedFrameworks(db, org.id)).find((f) => f.id === frameworkId);
	if (!org || !framework) throw new AppError('not_found', 'Nicht gefunden');
	const principle = (PRINCIPLE_KEYS as readonly string[]).find((key) => key === filter.principle) ?? null;
	const dimension = (DIMENSION_KEYS as readonly string[]).find((key) => key === filter.dimension) ?? null;
	const areas = sortedByPosition(framework.document.areas)
		.filter((area) => !area.archived)
		.map((area) => ({
			...area,
			competences: sortedByPosition(area.competences).filter(
				(c) => !c.archived && (!principle || (c.tags.principles as string[]).includes(principle)) && (!dimension || (c.tags.dimensions as string[]).includes(dimension))
			)
		}))
		.filter((area) => area.competences.length > 0 || (!principle && !dimension));
	return {
		organisation: { name: org.name, slug: org.slug },
		meta: framework.document.meta,
		versionNumber: framework.versionNumber,
		areas,
		filter: { principle, dimension },
		matches: areas.reduce((n, a) => n + a.competences.length, 0)
	};
}
