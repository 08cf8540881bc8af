import { openLinkJoinForm } from '$lib/schemas/studies';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { keptIdentityOfOrg } from '$lib/server/identity/organisation-identity';
import { joinViaOpenLink } from '$lib/server/studies/join-via-open-link';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const { study } = await joinViaOpenLink(ctx.db, event.params.token, null, ctx.clientAddress);
		// The asking organisation's name, logo, colour and legal pages around the page (root layout), as on the questionnaire.
		return { title: study.title, introduction: study.introduction, groups: study.groups, identity: await keptIdentityOfOrg(ctx.db, study.orgId) };
	});

export const actions: Actions = {
	default: (event) =>
		runAction(event, {
			access: 'public',
			form: openLinkJoinForm,
			run: (ctx, { group }) => joinViaOpenLink(ctx.db, event.params.token, group, ctx.clientAddress),
			redirect: ({ token }) => `/t/${token}?neu`
		})
};
