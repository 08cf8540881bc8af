import { and, eq } from 'drizzle-orm';
import type { OrgContext } from '../context';
import { planMeasures } from '../db/schema';
import { AppError } from '../errors';
import { findOwnModule } from '../catalogue/own-module';
import { isUuid } from '../validate';
import type { Plan } from './plan-records';

/** A module of the organisation's own catalogue (any status: a draft made for the plan counts), refused at the field otherwise. */
export async function requireOwnModule(ctx: OrgContext, moduleId: string): Promise<void> {
	if (!(await findOwnModule(ctx, moduleId))) throw new AppError('validation_failed', 'Dieses Modul gibt es im Katalog Ihrer Organisation nicht.', [{ path: 'moduleId', message: 'Unbekanntes Modul.' }]);
}

/** A measure of this plan, locked for the change; 404 for any other. */
export async function measureOfPlan(ctx: OrgContext, plan: Plan, measureId: string) {
	const refusal = new AppError('not_found', 'Diese Maßnahme gibt es in diesem Plan nicht.');
	if (!isUuid(measureId)) throw refusal;
	const [row] = await ctx.db
		.select()
		.from(planMeasures)
		.where(and(eq(planMeasures.id, measureId), eq(planMeasures.planId, plan.id)))
		.for('update');
	if (!row) throw refusal;
	return row;
}
