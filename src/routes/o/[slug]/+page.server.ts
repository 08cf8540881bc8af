import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/client';
import { findOrganisationBySlug, listPublishedFrameworks } from '$lib/server/frameworks/public-frameworks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = getDatabase();
	const org = await findOrganisationBySlug(db, params.slug);
	if (!org) error(404, 'Nicht gefunden');
	const published = await listPublishedFrameworks(db, org.id);
	return {
		organisation: { name: org.name, slug: org.slug },
		frameworks: published.map((f) => ({ id: f.id, name_de: f.document.meta.name_de, name_en: f.document.meta.name_en, versionNumber: f.versionNumber }))
	};
};
