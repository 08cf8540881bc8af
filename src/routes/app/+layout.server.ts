import { redirect } from '@sveltejs/kit';
import { orgJargon } from '$lib/server/glossary/org-jargon';
import { loadPage } from '$lib/server/http/adapter';
import type { LayoutServerLoad } from './$types';

/** Signed-in pages only; the organisation's agreed glossary goes to every text-check hint on them. */
export const load: LayoutServerLoad = (event) => {
	if (!event.locals.actor) redirect(303, `/anmelden?weiter=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return loadPage(event, 'account', async (ctx) => ({ jargon: await orgJargon(ctx) }));
};
