import { loadPage } from '$lib/server/http/adapter';
import { questionnaireStart } from '$lib/server/studies/get-questionnaire-start';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => questionnaireStart(ctx, event.params.token, event.url.searchParams.has('neu')));
