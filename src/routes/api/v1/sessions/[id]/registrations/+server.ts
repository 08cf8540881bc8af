import { json } from '@sveltejs/kit';
import { apiRegistrationSchema } from '$lib/schemas/catalogue';
import { receiptJson } from '$lib/server/catalogue/api-representation';
import { registerThroughApi } from '$lib/server/catalogue/register-through-api';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/**
 * Public: registers a person with double opt-in (the person confirms by mail within 48 hours).
 * With an organiser token of the session's organisation the registration is confirmed at once.
 */
export const POST: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => {
		const receipt = await registerThroughApi(ctx, event.params.id, await readBody(event.request, apiRegistrationSchema));
		return json(receiptJson(receipt), { status: 201 });
	}, { sendsMail: true });
