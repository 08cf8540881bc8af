import { loadPage } from '$lib/server/http/adapter';
import { getWerkstattRoom } from '$lib/server/werkstatt/get-werkstatt-room';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', (ctx) => getWerkstattRoom(ctx, event.params.id));
