import { redirect } from '@sveltejs/kit';
import { asc } from 'drizzle-orm';
import { getDatabase } from '$lib/server/db/client';
import { organisations } from '$lib/server/db/schema';
import { hasAnyUser } from '$lib/server/demo/load-demo';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = getDatabase();
	if (!(await hasAnyUser(db))) redirect(303, '/einrichten');
	const orgs = await db.select({ slug: organisations.slug, name: organisations.name }).from(organisations).orderBy(asc(organisations.name));
	return { organisations: orgs };
};
