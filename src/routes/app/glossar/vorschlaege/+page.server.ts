import { glossaryAcceptSchema, glossaryRejectSchema } from '$lib/schemas/glossary';
import { acceptGlossaryProposal } from '$lib/server/glossary/accept-proposal';
import { listGlossaryProposals } from '$lib/server/glossary/list-proposals';
import { rejectGlossaryProposal } from '$lib/server/glossary/reject-proposal';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => listGlossaryProposals(ctx));

export const actions: Actions = {
	accept: formAction('org.manage', glossaryAcceptSchema, (ctx, input) => acceptGlossaryProposal(ctx, input.id, input), {
		arrays: ['agreedBy'],
		redirect: (entry) => `/app/glossar/vorschlaege?uebernommen=${encodeURIComponent(entry.term)}`
	}),
	reject: formAction('org.manage', glossaryRejectSchema, (ctx, input) => rejectGlossaryProposal(ctx, input.id, input), { redirect: () => '/app/glossar/vorschlaege?abgelehnt=1' })
};
