import { can } from '../auth/actor';
import { AppError } from '../errors';
import { tenantFor } from '../tenant';
import { getModule } from './get-module';
import { getPublishedModule, type PublicModule } from './get-published-module';
import type { Reader } from './catalogue-context';

/** GET /api/v1/modules/{id}: published modules for everybody; drafts and archived ones also for their own organisation's facilitators and organisers. */
export async function getReadableModule(ctx: Reader, moduleId: string): Promise<PublicModule> {
	try {
		return await getPublishedModule(ctx, moduleId);
	} catch (cause) {
		if (!(cause instanceof AppError) || cause.code !== 'not_found' || !can(ctx.actor, 'sessions.facilitate')) throw cause;
	}
	const tenant = { ...ctx, ...tenantFor(ctx.db, ctx.actor, 'sessions.facilitate') };
	const { module, facilitators, sessions } = await getModule(tenant, moduleId);
	return { ...module, orgName: tenant.org.orgName, orgSlug: tenant.org.orgSlug, facilitators, sessions };
}
