import { glossaryProposalSchema } from '$lib/schemas/glossary';
import { proposeGlossaryEntry } from '$lib/server/glossary/propose-entry';
import { publicGlossaryEntry } from '$lib/server/glossary/get-public-glossary-entry';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'public', (ctx) => publicGlossaryEntry(ctx, event.params.slug, event.params.entry));

export const actions: Actions = {
	propose: (event) => runAction(event, { access: 'public', form: glossaryProposalSchema, run: (ctx, input) => proposeGlossaryEntry(ctx, event.params.slug, input) })
};
