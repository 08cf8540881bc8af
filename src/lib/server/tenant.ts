import { can, type Actor, type Membership, type Permission } from './auth/actor';
import type { Db } from './db/client';
import { AppError } from './errors';

/**
 * The one place where the organisation scope is decided: every organisation-scoped use case
 * receives a TenantContext and filters by `org.orgId`; the organisation never comes from the
 * request body, only from the session or the API token.
 */
export interface TenantContext {
	db: Db;
	actor: Actor;
	org: Membership;
}

export function tenantFor(db: Db, actor: Actor | null, permission: Permission): TenantContext {
	if (!actor) throw new AppError('unauthorized', 'Bitte melden Sie sich an.');
	if (!actor.org) throw new AppError('forbidden', 'Sie gehören noch keiner Organisation an.');
	if (!can(actor, permission)) throw new AppError('forbidden', 'Ihre Rolle erlaubt das nicht. Bitte wenden Sie sich an die Inhaber*innen Ihrer Organisation.');
	return { db, actor, org: actor.org };
}
