import { error } from '@sveltejs/kit';
import { DIMENSION_KEYS, PRINCIPLE_KEYS, sortedByPosition } from '$lib/domain/framework';
import { getDatabase } from '$lib/server/db/client';
import { findOrganisationBySlug, listPublishedFrameworks } from '$lib/server/frameworks/public-frameworks';
import type { PageServerLoad } from './$types';

/** Read-only, filterable by Charter principle (?grundsatz=P3) and dimension (?dimension=green). */
export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDatabase();
	const org = await findOrganisationBySlug(db, params.slug);
	const framework = org && (await listPublishedFrameworks(db, org.id)).find((f) => f.id === params.id);
	if (!org || !framework) error(404, 'Nicht gefunden');
	const principle = (PRINCIPLE_KEYS as readonly string[]).find((key) => key === url.searchParams.get('grundsatz')) ?? null;
	const dimension = (DIMENSION_KEYS as readonly string[]).find((key) => key === url.searchParams.get('dimension')) ?? null;
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
};
