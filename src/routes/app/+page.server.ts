import { loadPage } from '$lib/server/http/adapter';
import { getNextSteps } from '$lib/server/onboarding/get-next-steps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'account', async (ctx) => ({ steps: await getNextSteps(ctx) }));
