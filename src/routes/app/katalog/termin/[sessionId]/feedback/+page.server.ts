import { feedbackOverview } from '$lib/server/catalogue/organiser-views';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', (ctx) => feedbackOverview(ctx, event.params.sessionId));
