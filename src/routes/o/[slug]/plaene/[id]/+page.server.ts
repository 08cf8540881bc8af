import { loadPage } from '$lib/server/http/adapter';
import { getPublicPlanPage } from '$lib/server/planning/get-public-plan-page';
import type { PageServerLoad } from './$types';

/** A published Qualifizierungsplan: what everyone may read, without the organisers' controls, notes or named persons. */
export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => getPublicPlanPage(ctx, event.params.slug, event.params.id));
