import { DIMENSION_KEYS, PRINCIPLE_KEYS, sortedByPosition } from '../../domain/framework';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { findOrganisationBySlug, listPublishedFrameworks } from './public-frameworks';

/** A published framework on the organisation's public pages, filtered by Charter principle and dimension. */
export async function getPublicFrameworkPage(db: Db, slug: string, frameworkId: string, filter: { principle: string | null; dimension: string | null }) {
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
