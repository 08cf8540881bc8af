import { json } from '@sveltejs/kit';
import { unvalidatedBody } from '$lib/schemas/catalogue';
import { ownModule } from '$lib/server/catalogue/own-module';
import { createSession } from '$lib/server/catalogue/create-session';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** Organiser token: adds a session to one of the organisation's modules. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		// Another organisation's module is a 404 before the body is even looked at; createSession validates it.
		await ownModule(ctx, event.params.id);
		const { id } = await createSession(ctx, event.params.id, await readBody(event.request, unvalidatedBody));
		return json({ id }, { status: 201, headers: { location: `/api/v1/sessions/${id}.ics` } });
	});
