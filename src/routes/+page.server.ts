import { redirect } from '@sveltejs/kit';
import { instanceDirectory } from '$lib/server/accounts/instance-directory';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const directory = await instanceDirectory(ctx.db);
		if (directory.setUpNeeded) redirect(303, '/einrichten');
		return { organisations: directory.organisations };
	});
