import { catalogueEnv } from '$lib/server/catalogue/env';
import { catalogueFilterSchema, filterOptions, listPublishedModules, readFilter, type CatalogueFilter } from '$lib/server/catalogue/public-catalogue';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const db = getDatabase();
	let filter: CatalogueFilter;
	const errors: Record<string, string> = {};
	try {
		filter = readFilter(url.searchParams);
	} catch (cause) {
		if (!(cause instanceof AppError)) throw cause;
		for (const detail of cause.details) errors[detail.path ?? 'form'] ??= detail.message;
		// Invalid filters are left out; the rest still applies.
		const valid = Object.fromEntries([...url.searchParams].filter(([key]) => key in catalogueFilterSchema.shape && !(key in errors)));
		filter = catalogueFilterSchema.parse(valid);
	}
	const modules = await listPublishedModules(db, filter, catalogueEnv(url));
	return {
		filter,
		errors,
		options: await filterOptions(db),
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
			sessions: m.sessions.slice(0, 3).map((s) => ({
				id: s.id,
				parts: s.parts,
				location: s.location,
				online: s.onlineUrl !== '',
				capacity: s.capacity,
				status: s.status,
				seats: s.seats
			}))
		}))
	};
};
