import { sql } from 'drizzle-orm';
import { nextSteps, type NextStep, type OrgProgress } from '../../domain/onboarding/next-steps';
import { can } from '../auth/actor';
import type { AccountContext } from '../context';

/** The start page's next steps for the organisation the person works in; none without one. */
export async function getNextSteps(ctx: AccountContext): Promise<NextStep[]> {
	const org = ctx.actor.org;
	if (!org) return [];
	const result = await ctx.db.execute<{ [K in keyof OrgProgress]: number }>(sql`
		SELECT
			(SELECT count(*) FROM frameworks WHERE org_id = ${org.orgId} AND archived_at IS NULL)::int AS "frameworks",
			(SELECT count(*) FROM studies WHERE org_id = ${org.orgId})::int AS "studies",
			(SELECT count(*) FROM studies WHERE org_id = ${org.orgId} AND status <> 'draft')::int AS "openedStudies",
			(SELECT count(*) FROM studies WHERE org_id = ${org.orgId} AND status IN ('closed', 'published'))::int AS "studiesWithResults",
			(SELECT count(*) FROM catalogue_modules WHERE org_id = ${org.orgId})::int AS "modules",
			(SELECT count(*) FROM glossary_entries WHERE org_id = ${org.orgId} AND status = 'abgestimmt')::int AS "agreedGlossaryEntries",
			(SELECT count(*) FROM memberships WHERE org_id = ${org.orgId})::int AS "members"`);
	return nextSteps(result.rows[0], { manage: can(ctx.actor, 'org.manage'), readResults: can(ctx.actor, 'results.read'), manageMembers: can(ctx.actor, 'members.manage') });
}
