import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDatabase } from '$lib/server/db/client';
import { organisations } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const [org] = await getDatabase().select({ name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.slug, params.slug));
	if (!org) error(404, 'Nicht gefunden');
	return { organisation: org };
};
