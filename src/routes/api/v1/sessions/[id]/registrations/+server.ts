import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { registrationInputSchema } from '$lib/schemas/catalogue';
import { can } from '$lib/server/auth/actor';
import { hitRateLimit } from '$lib/server/auth/rate-limit';
import { isoBerlin } from '$lib/server/catalogue/api-representation';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { REGISTRATION_LIMIT, registerForSession, registerPerson, type RegistrationReceipt } from '$lib/server/catalogue/register';
import { readBody } from '$lib/server/catalogue/validate';
import { catalogueSessions } from '$lib/server/db/schema';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { apiHandler } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { clientIp } from '$lib/server/http/cookies';
import { eq } from 'drizzle-orm';
import type { RequestHandler } from './$types';

const bodySchema = registrationInputSchema.extend({
	/** The client must have shown the consent text; `false` is refused. */
	consent: z
		.boolean({ error: 'consent ist true oder false.' })
		.optional()
		.refine((consent) => consent !== false, 'Ohne Zustimmung zur Verarbeitung der Angaben ist keine Anmeldung möglich.')
});

function receiptJson(receipt: RegistrationReceipt) {
	return {
		id: receipt.id,
		status: receipt.status,
		...(receipt.position !== undefined ? { position: receipt.position } : {}),
		...(receipt.holdUntil ? { holdUntil: isoBerlin(receipt.holdUntil) } : {})
	};
}

/**
 * Public: registers a person with double opt-in (the person confirms by mail within 48 hours).
 * With an organiser token of the session's organisation the registration is confirmed at once.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { locals, params, request, url } = event;
	const db = getDatabase();
	const env = catalogueEnv(url);
	const body = await readBody(request, bodySchema);
	const { consent, ...input } = body;
	if (can(locals.actor, 'org.manage') && locals.actor?.org) {
		const [session] = /^[0-9a-f-]{36}$/i.test(params.id) ? await db.select({ orgId: catalogueSessions.orgId }).from(catalogueSessions).where(eq(catalogueSessions.id, params.id)) : [];
		if (session?.orgId === locals.actor.org.orgId) {
			const ctx = apiTenant(locals, 'org.manage');
			return json(receiptJson(await registerPerson(ctx, params.id, input, env)), { status: 201 });
		}
	}
	const verdict = await hitRateLimit(db, `catalogue-register:${clientIp(event)}`, REGISTRATION_LIMIT, 3600);
	if (!verdict.allowed) throw new AppError('rate_limited', 'Zu viele Anmeldungen von dieser Adresse. Bitte versuchen Sie es später noch einmal.', [], verdict.retryAfterSeconds);
	const receipt = await registerForSession(db, { sessionId: params.id, input, consent, env, source: 'api' });
	return json(receiptJson(receipt), { status: 201 });
});
