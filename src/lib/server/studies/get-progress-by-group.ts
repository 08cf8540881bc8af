import { and, eq, sql } from 'drizzle-orm';
import { invitations, participationCounters } from '../db/schema';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';

/** Invited, started and finished per group for the current round; says nothing about who. */
export async function getProgressByGroup(ctx: TenantContext, studyId: string) {
	const study = await getStudy(ctx, studyId);
	const invited = await ctx.db
		.select({
			group: invitations.groupKey,
			invited: sql<number>`count(*)::int`,
			started: sql<number>`count(*) FILTER (WHERE ${study.currentRound} = ANY(${invitations.startedRounds}))::int`
		})
		.from(invitations)
		.where(eq(invitations.studyId, studyId))
		.groupBy(invitations.groupKey);
	const finished = await ctx.db
		.select({ group: participationCounters.groupKey, finished: sql<number>`sum(${participationCounters.finished})::int` })
		.from(participationCounters)
		.where(and(eq(participationCounters.studyId, studyId), eq(participationCounters.round, study.currentRound)))
		.groupBy(participationCounters.groupKey);
	return study.groups.map((group) => ({
		key: group.key,
		label: group.label,
		invited: invited.find((row) => row.group === group.key)?.invited ?? 0,
		started: invited.find((row) => row.group === group.key)?.started ?? 0,
		finished: finished.find((row) => row.group === group.key)?.finished ?? 0
	}));
}
