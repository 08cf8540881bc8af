import { json } from '@sveltejs/kit';
import { can } from '$lib/server/auth/actor';
import { moduleJson } from '$lib/server/catalogue/api-representation';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { getModule } from '$lib/server/catalogue/get-module';
import { getPublishedModule } from '$lib/server/catalogue/public-catalogue';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import type { RequestHandler } from './$types';

/** Public for published modules; a token of the module's own organisation also sees drafts and archived ones. */
export const GET: RequestHandler = apiHandler(async ({ locals, params, url }) => {
	const env = catalogueEnv(url);
	try {
		return json(moduleJson(await getPublishedModule(getDatabase(), params.id, env), env.baseUrl));
	} catch (cause) {
		if (!(cause instanceof AppError) || cause.code !== 'not_found' || !can(locals.actor, 'sessions.facilitate')) throw cause;
	}
	const ctx = apiTenant(locals, 'sessions.facilitate');
	const { module, facilitators, sessions } = await getModule(ctx, params.id, env);
	return json(moduleJson({ ...module, orgName: ctx.org.orgName, orgSlug: ctx.org.orgSlug, facilitators, sessions }, env.baseUrl));
});
