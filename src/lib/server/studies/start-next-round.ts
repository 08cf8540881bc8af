import { and, eq } from 'drizzle-orm';
import { studies } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { refuseOpeningAfterClosingDay } from './change-study-status';
import { type Study, notFound } from './get-study';

/** Delphi: after a closed round, the next one opens; every link of the study is valid again for it. */
export async function startNextRound(ctx: TenantContext, studyId: string): Promise<Study> {
	return ctx.db.transaction(async (tx) => {
		const [study] = await tx.select().from(studies).where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId))).for('update');
		if (!study) throw notFound();
		if (study.status !== 'closed') throw new AppError('conflict', 'Die nächste Runde kann erst beginnen, wenn die aktuelle Runde geschlossen ist.');
		if (study.currentRound >= study.rounds) throw new AppError('conflict', `Die Analyse hat nur ${study.rounds} ${study.rounds === 1 ? 'Runde' : 'Runden'}.`);
		refuseOpeningAfterClosingDay(study.closesOn, 'now' in ctx ? (ctx.now as Date) : new Date());
		const [updated] = await tx.update(studies).set({ status: 'open', currentRound: study.currentRound + 1 }).where(eq(studies.id, studyId)).returning();
		return updated;
	});
}
