import { werkstattCreateForm } from '$lib/schemas/werkstatt-room';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { createWerkstatt } from '$lib/server/werkstatt/create-werkstatt';
import { listWerkstaetten } from '$lib/server/werkstatt/list-werkstaetten';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', async (ctx) => ({ ...(await listWerkstaetten(ctx)), deleted: event.url.searchParams.get('geloescht') }));

export const actions: Actions = {
	create: (event) => runAction(event, { access: 'org.manage', form: werkstattCreateForm, run: createWerkstatt, redirect: (created) => `/app/werkstatt/${created.id}?angelegt` })
};
