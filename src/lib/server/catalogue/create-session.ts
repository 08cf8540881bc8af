import { sessionInputSchema } from '../../schemas/catalogue';
import { catalogueSessions } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { validate } from '../validate';
import { findOwnModule } from './own-module';
import { spanOf } from './session-span';

/** Adds a session (one or several dates) to one of the organisation's modules. */
export async function createSession(ctx: TenantContext, moduleId: string, raw: unknown): Promise<{ id: string }> {
	const module = await findOwnModule(ctx, moduleId);
	if (!module) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	const input = validate(sessionInputSchema, raw);
	const [created] = await ctx.db
		.insert(catalogueSessions)
		.values({
			moduleId: module.id,
			orgId: ctx.org.orgId,
			...spanOf(input.parts),
			location: input.location,
			onlineUrl: input.onlineUrl,
			capacity: input.capacity,
			registrationDeadline: input.registrationDeadline,
			note: input.note
		})
		.returning({ id: catalogueSessions.id });
	return created;
}
