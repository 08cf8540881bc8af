import { glossaryAcceptSchema, glossaryRejectSchema } from '$lib/schemas/glossary';
import { acceptGlossaryProposal } from '$lib/server/glossary/accept-proposal';
import { listGlossaryProposals } from '$lib/server/glossary/list-proposals';
import { rejectGlossaryProposal } from '$lib/server/glossary/reject-proposal';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'org.manage', (ctx) => listGlossaryProposals(ctx));

export const actions: Actions = {
	accept: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: glossaryAcceptSchema,
			arrays: ['agreedBy'],
			run: (ctx, input) => acceptGlossaryProposal(ctx, input.id, input),
			redirect: (entry) => `/app/glossar/vorschlaege?uebernommen=${encodeURIComponent(entry.term)}`
		}),
	reject: (event) =>
		runAction(event, {
			access: 'org.manage',
			form: glossaryRejectSchema,
			run: (ctx, input) => rejectGlossaryProposal(ctx, input.id, input),
			redirect: () => '/app/glossar/vorschlaege?abgelehnt=1'
		})
};
