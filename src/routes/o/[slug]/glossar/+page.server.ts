import { glossaryProposalSchema } from '$lib/schemas/glossary';
import { proposeGlossaryEntry } from '$lib/server/glossary/propose-entry';
import { publicGlossary } from '$lib/server/glossary/get-public-glossary';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => publicGlossary(ctx, event.params.slug, event.url.searchParams.get('q')));

export const actions: Actions = {
	propose: (event) => runAction(event, { access: 'public', form: glossaryProposalSchema, run: (ctx, input) => proposeGlossaryEntry(ctx, event.params.slug, input) })
};
