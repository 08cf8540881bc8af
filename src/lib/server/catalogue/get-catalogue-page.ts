import { identityOfSlug } from '../identity/organisation-identity';
import { AppError } from '../errors';
import { listLearningPaths } from '../planning/list-learning-paths';
import { catalogueFilterSchema, readFilter, type CatalogueFilter } from './catalogue-filter';
import { filterOptions } from './list-filter-options';
import { listPublishedModules } from './list-published-modules';
import type { Visitor } from './catalogue-context';

/** Invalid filters are named and left out; the rest still applies. */
function lenientFilter(query: URLSearchParams): { filter: CatalogueFilter; errors: Record<string, string> } {
	try {
		return { filter: readFilter(query), errors: {} };
	} catch (cause) {
		if (!(cause instanceof AppError)) throw cause;
		const errors: Record<string, string> = {};
		for (const detail of cause.details) errors[detail.path ?? 'form'] ??= detail.message;
		const valid = Object.fromEntries([...query].filter(([key]) => key in catalogueFilterSchema.shape && !(key in errors)));
		return { filter: catalogueFilterSchema.parse(valid), errors };
	}
}

/**
 * /katalog: published modules of every organisation, filtered, each with its next three sessions;
 * for one organisation (?org=) also the learning paths of its published Qualifizierungspläne (for the chosen target group only, when one is chosen).
 */
export async function getCataloguePage(ctx: Visitor, query: URLSearchParams) {
	const { filter, errors } = lenientFilter(query);
	const modules = await listPublishedModules(ctx, filter);
	const learning = filter.org ? await listLearningPaths(ctx, filter.org) : { paths: [], competenceTitles: {} };
	return {
		// One organisation's catalogue (?org=) carries its logo, colour and legal links (root layout).
		identity: filter.org ? await identityOfSlug(ctx.db, filter.org) : null,
		learningPaths: learning.paths.filter((path) => !filter.group || path.group === filter.group),
		competenceTitles: learning.competenceTitles,
		filter,
		errors,
		options: await filterOptions(ctx.db),
		modules: modules.map((m) => ({
			id: m.id,
			title: m.title,
			subtitle: m.subtitle,
			format: m.format,
			durationMinutes: m.durationMinutes,
			priceCents: m.priceCents,
			targetGroups: m.targetGroups,
			orgName: m.orgName,
			sessionCount: m.sessions.length,
			sessions: m.sessions.slice(0, 3).map((s) => ({ id: s.id, parts: s.parts, location: s.location, online: s.onlineUrl !== '', capacity: s.capacity, status: s.status, seats: s.seats }))
		}))
	};
}
