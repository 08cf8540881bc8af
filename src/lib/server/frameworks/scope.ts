import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { frameworks } from '../db/schema';
import type { TenantContext } from '../tenant';

/** Frameworks an organisation may read: its own and the one shipped with Stadtwissen. */
export function readableBy(ctx: Pick<TenantContext, 'org'>): SQL {
	return and(or(eq(frameworks.orgId, ctx.org.orgId), isNull(frameworks.orgId)), isNull(frameworks.archivedAt))!;
}

/** Frameworks an organisation may change: only its own. */
export function ownedBy(ctx: Pick<TenantContext, 'org'>): SQL {
	return and(eq(frameworks.orgId, ctx.org.orgId), isNull(frameworks.archivedAt))!;
}
