import { findCompetence } from '../../domain/framework/editing';
import type { MeasuredCondition, MeasuredGap } from '../../domain/planning/prioritise';
import { formatDecimal } from '../../format/numbers';
import { TARGET_GROUPS, type ModuleInput } from '../../schemas/catalogue';
import type { PlanModuleForGapInput } from '../../schemas/planning';
import { saveModule } from '../catalogue/save-module';
import type { OrgContext } from '../context';
import { planMeasures } from '../db/schema';
import { planOfOrg, requireMeasuredGap, resultsOfPlan, touchPlan, type PlanStudy } from './plan-records';

/**
 * One step for an uncovered gap: a DRAFT catalogue module (through the catalogue's own saveModule,
 * so it is checked like any other) pre-filled with the competence at the chosen level, the target
 * groups and the gap's figures as its rationale — and a measure of the plan that uses it. All or
 * nothing: a refused module leaves no measure behind.
 */
export async function createModuleForGap(ctx: OrgContext, planId: string, input: PlanModuleForGapInput): Promise<{ moduleId: string; measureId: string }> {
	return ctx.db.transaction(async (tx) => {
		const scoped = { ...ctx, db: tx };
		const plan = await planOfOrg(scoped, planId, true);
		const { study, results, document, instrument } = await resultsOfPlan(tx, plan);
		const gap = requireMeasuredGap(results, instrument, input.competence, input.horizon);
		const competenceTitle = findCompetence(document, gap.competence)?.competence.title_de ?? gap.competence;
		const module: Partial<ModuleInput> = {
			title: (input.title || competenceTitle).slice(0, 200),
			description: rationale(study, plan.round, gap),
			format: input.format ?? 'workshop',
			targetGroups: input.targetGroups ?? study.groups.map((g) => g.key).filter((key): key is (typeof TARGET_GROUPS)[number] => (TARGET_GROUPS as readonly string[]).includes(key)),
			frameworkId: study.frameworkId,
			competences: [{ code: gap.competence, level: input.level }],
			status: 'draft'
		};
		const { id: moduleId } = await saveModule(scoped, module);
		const [measure] = await tx
			.insert(planMeasures)
			.values({ planId: plan.id, competence: gap.competence, horizon: gap.horizon, moduleId, slot: input.slot, createdAt: ctx.now, updatedAt: ctx.now })
			.returning({ id: planMeasures.id });
		await touchPlan(tx, plan, ctx.now);
		return { moduleId, measureId: measure.id };
	});
}

/** Why the module exists, in the words and figures of the protected results. */
function rationale(study: PlanStudy, round: number, gap: MeasuredGap | MeasuredCondition): string {
	if ('weak' in gap) return selfCheckRationale(study, round, gap);
	const horizon = study.horizons.find((h) => h.key === gap.horizon)?.label ?? gap.horizon;
	const label = (key: string) => study.groups.find((g) => g.key === key)?.label ?? key;
	const lines = [
		`Bedarf aus der Analyse „${study.title}“, Runde ${round}, Zeithorizont „${horizon}“:`,
		`Wichtigkeit im Mittel ${formatDecimal('de', gap.importanceMean)}, Beherrschung im Mittel ${formatDecimal('de', gap.proficiencyMean)}, Lücke ${formatDecimal('de', gap.gap)} (Rang ${gap.rank}).`
	];
	if (gap.consensus !== null) lines.push(gap.consensus ? 'Die Gruppen sind sich über die Wichtigkeit einig.' : 'Über die Wichtigkeit gibt es keinen Konsens.');
	if (gap.disagreement.length) lines.push(`Unterschiedlich eingeschätzt von: ${gap.disagreement.map((d) => `${label(d.higherGroup)} und ${label(d.lowerGroup)}`).join('; ')}.`);
	return lines.join('\n\n');
}

/** A self-check's condition: today's mean is the figure, importance only where it was rated (issue 16). */
function selfCheckRationale(study: PlanStudy, round: number, condition: MeasuredCondition): string {
	const label = (key: string) => study.groups.find((g) => g.key === key)?.label ?? key;
	const figures = [`So ist es bei uns heute: im Mittel aller Gruppen ${formatDecimal('de', condition.proficiencyMean)}${condition.weak ? ' (schwache Bedingung: unter 3)' : ''}`];
	if (condition.importanceMean !== null) figures.push(`So wichtig ist es uns: ${formatDecimal('de', condition.importanceMean)}`);
	const lines = [`Aus dem Selbstcheck „${study.title}“, Runde ${round}:`, `${figures.join('; ')} (Rang ${condition.rank}).`];
	if (condition.disagreement.length) lines.push(`Unterschiedlich eingeschätzt von: ${condition.disagreement.map((d) => `${label(d.higherGroup)} und ${label(d.lowerGroup)}`).join('; ')}.`);
	return lines.join('\n\n');
}
