import { json } from '@sveltejs/kit';
import { sessionInputSchema } from '$lib/schemas/catalogue';
import { createSession } from '$lib/server/catalogue/save-session';
import { readBody } from '$lib/server/catalogue/validate';
import { findOwnModule } from '$lib/server/catalogue/save-module';
import { AppError } from '$lib/server/errors';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import type { RequestHandler } from './$types';

/** Organiser token: adds a session to one of the organisation's modules. */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const ctx = apiTenant(locals, 'org.manage');
	// Another organisation's module is a 404 before the body is even looked at.
	if (!(await findOwnModule(ctx, params.id))) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	const input = await readBody(request, sessionInputSchema);
	const { id } = await createSession(ctx, params.id, {
		parts: input.parts.map((part) => ({ start: part.start.toISOString(), end: part.end.toISOString() })),
		location: input.location,
		onlineUrl: input.onlineUrl,
		capacity: input.capacity,
		registrationDeadline: input.registrationDeadline?.toISOString() ?? null,
		note: input.note
	});
	return json({ id }, { status: 201, headers: { location: `/api/v1/sessions/${id}.ics` } });
});
