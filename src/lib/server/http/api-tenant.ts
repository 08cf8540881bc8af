import type { Permission } from '../auth/actor';
import { getDatabase } from '../db/client';
import { AppError } from '../errors';
import { tenantFor, type TenantContext } from '../tenant';

/** For /api/v1 handlers: the token's organisation, or a 401/403 AppError for apiHandler to answer. */
export function apiTenant(locals: App.Locals, permission: Permission): TenantContext {
	if (!locals.actor) throw new AppError('unauthorized', 'Bitte senden Sie einen API-Schlüssel im Header „Authorization: Bearer …“.');
	return tenantFor(getDatabase(), locals.actor, permission);
}
