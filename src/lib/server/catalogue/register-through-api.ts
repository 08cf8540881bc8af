import { eq } from 'drizzle-orm';
import { can, type Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { catalogueSessions } from '../db/schema';
import { requireMailHost } from '../mail/mail-host';
import { tenantFor } from '../tenant';
import { isUuid } from '../validate';
import { registerForSession } from './register-for-session';
import { registerPerson } from './register-person';
import type { Registrant, RegistrationReceipt } from './registration-intake';

/**
 * POST /api/v1/sessions/{id}/registrations: an organiser's token of the session's own
 * organisation registers the person at once (registerPerson); everybody else registers like the
 * public form, with double opt-in and the hourly limit per address.
 */
export async function registerThroughApi(ctx: Registrant & { actor: Actor | null }, sessionId: string, body: { consent?: boolean } & Record<string, unknown>): Promise<RegistrationReceipt> {
	requireMailHost(ctx);
	const { consent, ...input } = body;
	const ownOrgId = ctx.actor?.org && can(ctx.actor, 'org.manage') ? ctx.actor.org.orgId : null;
	if (ownOrgId && (await sessionOrgId(ctx.db, sessionId)) === ownOrgId) return registerPerson({ ...ctx, ...tenantFor(ctx.db, ctx.actor, 'org.manage') }, sessionId, input);
	return registerForSession(ctx, { sessionId, input, consent, source: 'api' });
}

async function sessionOrgId(db: Db, sessionId: string): Promise<string | null> {
	if (!isUuid(sessionId)) return null;
	const [row] = await db.select({ orgId: catalogueSessions.orgId }).from(catalogueSessions).where(eq(catalogueSessions.id, sessionId));
	return row?.orgId ?? null;
}
