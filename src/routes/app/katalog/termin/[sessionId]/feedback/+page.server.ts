import { getFeedbackOverview } from '$lib/server/catalogue/get-feedback-overview';
import { loadPage } from '$lib/server/http/adapter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', (ctx) => getFeedbackOverview(ctx, event.params.sessionId));
