import { desc, eq, inArray, sql } from 'drizzle-orm';
import { participationCounters, studies } from '../db/schema';
import type { TenantContext } from '../tenant';

export async function listStudies(ctx: TenantContext) {
	const rows = await ctx.db.select().from(studies).where(eq(studies.orgId, ctx.org.orgId)).orderBy(desc(studies.createdAt));
	if (!rows.length) return [];
	const finished = await ctx.db
		.select({ studyId: participationCounters.studyId, round: participationCounters.round, finished: sql<number>`sum(${participationCounters.finished})::int` })
		.from(participationCounters)
		.where(inArray(participationCounters.studyId, rows.map((r) => r.id)))
		.groupBy(participationCounters.studyId, participationCounters.round);
	return rows.map((study) => ({
		...study,
		finishedThisRound: finished.find((f) => f.studyId === study.id && f.round === study.currentRound)?.finished ?? 0
	}));
}
