import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

/** Who the token belongs to and where it acts: the first call an integration makes. */
export const GET: RequestHandler = (event) =>
	runApi(event, 'tokens.own', async ({ actor, org }) =>
		json({ user: { id: actor.userId, name: actor.name, email: actor.email }, organisation: { id: org.orgId, slug: org.orgSlug, name: org.orgName }, role: org.role })
	);
