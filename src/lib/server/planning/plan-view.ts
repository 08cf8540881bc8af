import { asc, eq, and } from 'drizzle-orm';
import { TARGET_GROUPS } from '../../schemas/catalogue';
import { findCompetence } from '../../domain/framework/editing';
import type { InstrumentKind } from '../../domain/framework/model';
import { PRINCIPLE_KEYS } from '../../domain/framework/vocabulary';
import { planBudget, type PlanBudget, type PlanSlot } from '../../domain/planning/budget';
import { coverageSentence, modulesForCompetence, planCoverage, type CoverageFigures, type CoveringModule, type ModuleMatch, type PlanCoverage } from '../../domain/planning/coverage';
import { learningPaths, type LearningPath } from '../../domain/planning/learning-paths';
import { prioritiseGaps, type GapDisagreement } from '../../domain/planning/prioritise';
import type { Locale } from '../../i18n';
import type { Db } from '../db/client';
import { catalogueModules, planGapDecisions, planMeasures } from '../db/schema';
import { planCandidates, resultsOfPlan, type Plan } from './plan-records';

/** One gap of the plan: the figures from the protected results, the organisers' decision and the modules that address it. */
export interface PlanGap {
	competence: string;
	competenceTitle: string;
	horizon: string;
	/** Mean importance − mean „heute“; on a self-check only where importance was rated (null otherwise) and never what selects it. */
	gap: number | null;
	/** Competences: by gap, largest first. Self-check: by today's mean, weakest first. */
	rank: number;
	importanceMean: number | null;
	proficiencyMean: number | null;
	consensus: boolean | null;
	disagreement: readonly GapDisagreement[];
	/** 'rule': the plan's rule selected it; 'organiser': prioritised by hand although below the rule. */
	selectedBy: 'rule' | 'organiser';
	status: 'prioritised' | 'dropped';
	/** Why it was dropped (or prioritised by hand); '' when the rule decided. */
	reason: string;
	/** Published modules of the organisation and the plan's own modules that address the competence. */
	modules: ModuleMatch[];
	covered: boolean;
}

export interface PlanMeasure {
	id: string;
	competence: string;
	competenceTitle: string;
	horizon: string;
	module: { id: string; title: string; status: 'draft' | 'published' | 'archived' } | null;
	slot: PlanSlot;
	targetGroup: string | null;
	responsible: string;
	costPerParticipantCents: number;
	expectedParticipants: number;
	costCents: number;
	notes: string;
}

export interface PlanView {
	id: string;
	title: string;
	status: 'draft' | 'published';
	publishedAt: Date | null;
	updatedAt: Date;
	study: { id: string; title: string };
	round: number;
	rule: { minGap: number; topN: number };
	/** A plan on a Rahmenbedingungen self-check prioritises its weak conditions instead of the gap rule (issue 16). */
	instrument: InstrumentKind;
	/** What the results were computed with (for the method section). */
	method: { minGroupSize: number; quantileType: 6 | 7; participants: number | null; groups: { key: string; label: string; n: number | null; suppressed: boolean }[] };
	horizons: { key: string; label: string }[];
	gaps: PlanGap[];
	/** Measured gaps neither the rule nor an organiser prioritised: candidates to prioritise by hand. */
	otherGaps: { competence: string; competenceTitle: string; horizon: string; gap: number | null; proficiencyMean: number | null; rank: number }[];
	coverage: CoverageFigures;
	coverageDetail: PlanCoverage;
	/** „23 von 29 priorisierten Bedarfen sind durch Module abgedeckt (79 %)“ */
	coverageSentence: string;
	measures: PlanMeasure[];
	budget: PlanBudget;
	learningPaths: LearningPath[];
}

type ModuleRow = { id: string; title: string; status: 'draft' | 'published' | 'archived'; targetGroups: string[]; competences: CoveringModule['competences'] };

const moduleColumns = {
	id: catalogueModules.id,
	title: catalogueModules.title,
	status: catalogueModules.status,
	targetGroups: catalogueModules.targetGroups,
	competences: catalogueModules.competences
};

/** Everything a plan shows, recomputed from the protected results on every read (nothing of the figures is stored). */
export async function planView(db: Db, plan: Plan, locale: Locale): Promise<PlanView> {
	const { study, results, document, instrument } = await resultsOfPlan(db, plan);
	const [decisions, measureRows, published] = await Promise.all([
		db.select().from(planGapDecisions).where(eq(planGapDecisions.planId, plan.id)),
		db
			.select({ measure: planMeasures, module: moduleColumns })
			.from(planMeasures)
			.leftJoin(catalogueModules, eq(catalogueModules.id, planMeasures.moduleId))
			.where(eq(planMeasures.planId, plan.id))
			.orderBy(asc(planMeasures.createdAt), asc(planMeasures.id)),
		db
			.select(moduleColumns)
			.from(catalogueModules)
			.where(and(eq(catalogueModules.orgId, plan.orgId), eq(catalogueModules.status, 'published')))
			.orderBy(asc(catalogueModules.title), asc(catalogueModules.id))
	]);

	const titleOf = (code: string) => {
		const found = findCompetence(document, code);
		return found ? (locale === 'en' && found.competence.title_en ? found.competence.title_en : found.competence.title_de) : code;
	};
	const principlesOf = (code: string) => findCompetence(document, code)?.competence.tags.principles ?? [];

	const planModules = new Map<string, ModuleRow>();
	for (const row of measureRows) if (row.module) planModules.set(row.module.id, row.module as ModuleRow);
	const pool: ModuleRow[] = [...published.filter((m) => !planModules.has(m.id)), ...planModules.values()];

	const decisionOf = (competence: string, horizon: string) => decisions.find((d) => d.competence === competence && d.horizon === horizon);
	const selected = prioritiseGaps(results, { minGap: plan.minGap, topN: plan.topN });
	const gaps: PlanGap[] = [];
	const otherGaps: PlanView['otherGaps'] = [];
	for (const { horizon, gaps: measured } of planCandidates(results, instrument)) {
		// A self-check's plan starts from its weak conditions (all groups together below 3 today), as its results page shows them — whatever the gap.
		const ruled = new Set(selected.find((h) => h.horizon === horizon)?.gaps.map((g) => g.competence));
		for (const { weak, ...gap } of measured.map((g) => ({ weak: 'weak' in g ? g.weak : ruled.has(g.competence), ...g }))) {
			const decision = decisionOf(gap.competence, horizon);
			if (!weak && !decision) {
				otherGaps.push({ competence: gap.competence, competenceTitle: titleOf(gap.competence), horizon, gap: gap.gap, proficiencyMean: gap.proficiencyMean, rank: gap.rank });
				continue;
			}
			const modules = dedupe(modulesForCompetence(pool, gap.competence));
			gaps.push({
				competence: gap.competence,
				horizon,
				gap: gap.gap,
				rank: gap.rank,
				importanceMean: gap.importanceMean,
				proficiencyMean: gap.proficiencyMean,
				consensus: gap.consensus,
				disagreement: gap.disagreement,
				competenceTitle: titleOf(gap.competence),
				selectedBy: weak ? 'rule' : 'organiser',
				status: decision?.status ?? 'prioritised',
				reason: decision?.reason ?? '',
				modules,
				covered: modules.length > 0
			});
		}
	}

	const measures: PlanMeasure[] = measureRows.map(({ measure, module }) => ({
		id: measure.id,
		competence: measure.competence,
		competenceTitle: titleOf(measure.competence),
		horizon: measure.horizon,
		module: module ? { id: module.id, title: module.title, status: module.status } : null,
		slot: measure.slot,
		targetGroup: measure.targetGroup,
		responsible: measure.responsible,
		costPerParticipantCents: measure.costPerParticipantCents,
		expectedParticipants: measure.expectedParticipants,
		costCents: measure.costPerParticipantCents * measure.expectedParticipants,
		notes: measure.notes
	}));

	const pathModules = [...planModules.values()].map((module) => ({
		id: module.id,
		title: module.title,
		competences: module.competences,
		targetGroups: [...new Set([...module.targetGroups, ...measureRows.filter((r) => r.module?.id === module.id && r.measure.targetGroup).map((r) => r.measure.targetGroup!)])]
	}));

	const coverageDetail = planCoverage(gaps, study.horizons.map((h) => h.key), PRINCIPLE_KEYS, principlesOf);
	return {
		id: plan.id,
		title: plan.title,
		status: plan.status,
		publishedAt: plan.publishedAt,
		updatedAt: plan.updatedAt,
		study: { id: study.id, title: study.title },
		round: plan.round,
		rule: { minGap: plan.minGap, topN: plan.topN },
		instrument,
		method: { minGroupSize: results.minGroupSize, quantileType: results.quantileType, participants: results.participants, groups: results.groups },
		horizons: study.horizons.map((h) => ({ key: h.key, label: h.label })),
		gaps,
		otherGaps,
		coverage: coverageDetail.overall,
		coverageDetail,
		coverageSentence: coverageSentence(locale, coverageDetail.overall, instrument),
		measures,
		budget: planBudget(measures),
		learningPaths: learningPaths(pathModules, TARGET_GROUPS, study.competences)
	};
}

/** A module addressing the competence at two levels appears once, at its lowest. */
function dedupe(matches: ModuleMatch[]): ModuleMatch[] {
	const seen = new Set<string>();
	return matches.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
}
