import { loadPage } from '$lib/server/http/adapter';
import { questionnaireIdentity } from '$lib/server/identity/get-questionnaire-identity';
import type { LayoutServerLoad } from './$types';

// The asking organisation's logo, colour and legal links around the questionnaire (root layout); the pages are unchanged.
export const load: LayoutServerLoad = (event) => loadPage(event, 'public', (ctx) => questionnaireIdentity(ctx, event.params.token));
