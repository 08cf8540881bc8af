import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { apiHandler } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Who the token belongs to and where it acts: the first call an integration makes. */
export const GET: RequestHandler = apiHandler(async ({ locals }) => {
	const actor = locals.actor;
	if (!actor?.org) throw new AppError('unauthorized', 'Bitte senden Sie einen API-Schlüssel im Header „Authorization: Bearer …“.');
	return json({
		user: { id: actor.userId, name: actor.name, email: actor.email },
		organisation: { id: actor.org.orgId, slug: actor.org.orgSlug, name: actor.org.orgName },
		role: actor.org.role
	});
});
