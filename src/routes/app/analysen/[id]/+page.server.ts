import { emailInvitationForm, handedOutForm, invitationBatchForm, studyStatusForm } from '$lib/schemas/studies';
import { formAction, loadPage, runAction } from '$lib/server/http/adapter';
import { mailConfigured } from '$lib/server/mail/mailer';
import { confirmHandedOut } from '$lib/server/studies/confirm-handed-out';
import { createInvitationBatch } from '$lib/server/studies/create-invitation-batch';
import { createOpenLink } from '$lib/server/studies/create-open-link';
import { disableOpenLink } from '$lib/server/studies/disable-open-link';
import { inviteByEmail } from '$lib/server/studies/invite-by-email';
import { remindUnfinished } from '$lib/server/studies/remind-unfinished';
import { changeStudyStatus } from '$lib/server/studies/change-study-status';
import { startNextRound } from '$lib/server/studies/start-next-round';
import { studyOverview } from '$lib/server/studies/study-overview';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'results.read', async (ctx) => ({
		...(await studyOverview(ctx, event.params.id, { confirm: event.url.searchParams.get('bestaetigen'), handOut: event.url.searchParams.get('ausgabe') })),
		notice: event.url.searchParams.get('hinweis'),
		// Without SMTP the page offers no e-mail invitations (they would be refused) but points to link batches.
		mailConfigured: mailConfigured(),
		highlightedBatch: event.url.searchParams.get('stapel')
	}));

export const actions: Actions = {
	status: formAction('org.manage', studyStatusForm, (ctx, { status }, { params }) => changeStudyStatus(ctx, params.id, status), {
		redirect: (_, { status }, { params }) => `/app/analysen/${params.id}?hinweis=${status}#status`
	}),
	nextRound: (event) =>
		runAction(event, { access: 'org.manage', run: (ctx) => startNextRound(ctx, event.params.id), redirect: () => `/app/analysen/${event.params.id}?hinweis=round#status` }),
	batch: formAction(
		'org.manage',
		invitationBatchForm,
		(ctx, input, { params }) => createInvitationBatch(ctx, { studyId: params.id, group: input.batchGroup, count: input.batchCount, baseUrl: ctx.baseUrl }),
		{ renames: { group: 'batchGroup', count: 'batchCount' }, redirect: ({ batchId }, _, { params }) => `/app/analysen/${params.id}?hinweis=batch&stapel=${batchId}#stapel-${batchId}` }
	),
	handedOut: formAction('org.manage', handedOutForm, (ctx, { batchId }, { params }) => confirmHandedOut(ctx, params.id, batchId), {
		redirect: (_, { batchId }, { params }) => `/app/analysen/${params.id}?hinweis=handedOut&stapel=${batchId}#stapel-${batchId}`
	}),
	email: formAction(
		'org.manage',
		emailInvitationForm,
		async (ctx, input, { params }) => ({ emailed: (await inviteByEmail(ctx, { studyId: params.id, group: input.emailGroup, emails: input.emails, baseUrl: ctx.baseUrl })).invited }),
		{ renames: { group: 'emailGroup' } }
	),
	remind: (event) => runAction(event, { access: 'org.manage', run: (ctx) => remindUnfinished(ctx, event.params.id) }),
	openLinkOn: (event) => runAction(event, { access: 'org.manage', run: async (ctx) => ({ openLink: await createOpenLink(ctx, event.params.id, ctx.baseUrl) }) }),
	openLinkOff: (event) =>
		runAction(event, { access: 'org.manage', run: (ctx) => disableOpenLink(ctx, event.params.id), redirect: () => `/app/analysen/${event.params.id}?hinweis=openLinkOff#offener-link` })
};
