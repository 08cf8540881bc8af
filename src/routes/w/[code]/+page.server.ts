import { redirect, type RequestEvent } from '@sveltejs/kit';
import { werkstattJoinFormSchema, werkstattLikeSchema, werkstattPostSchema, werkstattVoteFormSchema } from '$lib/schemas/werkstatt';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { participantToken, setParticipantCookie } from '$lib/server/http/werkstatt-cookie';
import { castVote } from '$lib/server/werkstatt/cast-vote';
import { joinWerkstatt } from '$lib/server/werkstatt/join-werkstatt';
import { likeQuestion } from '$lib/server/werkstatt/like-question';
import { postStatement } from '$lib/server/werkstatt/post-statement';
import { showPhoneBoard } from '$lib/server/werkstatt/show-phone-board';
import type { Actions, PageServerLoad } from './$types';

/** After each form: back to the board (303), at the part the form belongs to. */
const board = (event: RequestEvent, part = '') => () => `/w/${event.params.code}${part}`;

export const load: PageServerLoad = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const page = await showPhoneBoard(ctx, event.params.code, participantToken(event.cookies));
		// The code as printed: the participant cookie's path, so a typed "k7m-2qx" finds it too.
		if (page.board.werkstatt.code !== event.params.code) redirect(307, `/w/${page.board.werkstatt.code}`);
		return page;
	});

export const actions: Actions = {
	join: (event) =>
		runAction(event, {
			access: 'public',
			form: werkstattJoinFormSchema,
			failure: { form: 'join' },
			run: async (ctx, input) => setParticipantCookie(event.cookies, event.url, event.params.code, (await joinWerkstatt(ctx, event.params.code, input)).token),
			redirect: board(event)
		}),
	post: (event) =>
		runAction(event, { access: 'public', form: werkstattPostSchema, failure: { form: 'post' }, run: (ctx, input) => postStatement(ctx, event.params.code, participantToken(event.cookies), input), redirect: board(event, '#beitrag') }),
	vote: (event) =>
		runAction(event, { access: 'public', form: werkstattVoteFormSchema, failure: { form: 'vote' }, run: (ctx, input) => castVote(ctx, event.params.code, participantToken(event.cookies), input), redirect: board(event, '#abstimmen') }),
	like: (event) =>
		runAction(event, { access: 'public', form: werkstattLikeSchema, failure: { form: 'like' }, run: (ctx, input) => likeQuestion(ctx, event.params.code, participantToken(event.cookies), input), redirect: board(event, '#fragen') })
};
