import { error } from '@sveltejs/kit';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { listPublishedModules } from '$lib/server/catalogue/public-catalogue';
import { getDatabase } from '$lib/server/db/client';
import { findOrganisationBySlug, listPublishedFrameworks } from '$lib/server/frameworks/public-frameworks';
import { listPublishedStudies } from '$lib/server/results/results-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDatabase();
	const org = await findOrganisationBySlug(db, params.slug);
	if (!org) error(404, 'Nicht gefunden');
	const [frameworks, studies, modules] = await Promise.all([
		listPublishedFrameworks(db, org.id),
		listPublishedStudies(db, org.id),
		listPublishedModules(db, { org: org.slug, free: false }, catalogueEnv(url))
	]);
	return {
		organisation: { name: org.name, slug: org.slug },
		studies,
		modules: modules.map((m) => ({ id: m.id, title: m.title, nextSession: m.sessions[0]?.startsAt ?? null })),
		frameworks: frameworks.map((f) => ({ id: f.id, name_de: f.document.meta.name_de, name_en: f.document.meta.name_en, versionNumber: f.versionNumber }))
	};
};
