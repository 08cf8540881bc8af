import { json } from '@sveltejs/kit';
import { cancelRegistration } from '$lib/server/catalogue/cancel-registration';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** Cancels the registration behind a personal link's token (from the mails); repeating it is harmless. */
export const DELETE: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => {
		const view = await cancelRegistration(ctx, event.params.cancelToken);
		return json({ id: view.registration.id, status: view.registration.status });
	}, { sendsMail: true });
