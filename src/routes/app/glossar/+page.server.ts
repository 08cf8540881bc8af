import { loadPage, runAction } from '$lib/server/http/adapter';
import { adoptStarterSet } from '$lib/server/glossary/adopt-starter-set';
import { listGlossaryEntries } from '$lib/server/glossary/list-entries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => listGlossaryEntries(ctx, event.url.searchParams.get('status')));

export const actions: Actions = {
	adopt: (event) => runAction(event, { access: 'org.manage', run: (ctx) => adoptStarterSet(ctx).then((outcome) => ({ adopted: outcome })) })
};
