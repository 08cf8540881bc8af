import { json } from '@sveltejs/kit';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { cancelRegistration } from '$lib/server/catalogue/manage-registration';
import { getDatabase } from '$lib/server/db/client';
import { apiHandler } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Cancels the registration behind a personal link's token (from the mails); repeating it is harmless. */
export const DELETE: RequestHandler = apiHandler(async ({ params, url }) => {
	const view = await cancelRegistration(getDatabase(), params.cancelToken, catalogueEnv(url));
	return json({ id: view.registration.id, status: view.registration.status });
});
