import { loadPage } from '$lib/server/http/adapter';
import { getWerkstattRoom } from '$lib/server/werkstatt/get-werkstatt-room';
import type { PageServerLoad } from './$types';

/** `fullScreen`: the root layout leaves out header, navigation and footer — the projector shows only the room. */
export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', async (ctx) => ({ ...(await getWerkstattRoom(ctx, event.params.id)), fullScreen: true }));
