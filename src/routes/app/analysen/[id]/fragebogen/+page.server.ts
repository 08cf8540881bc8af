import { loadPage } from '$lib/server/http/adapter';
import { questionnairePreview } from '$lib/server/studies/preview-questionnaire';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'results.read', (ctx) => questionnairePreview(ctx, event.params.id));
