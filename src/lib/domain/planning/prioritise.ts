import { ALL_GROUPS } from '../anonymity/cells';
import { isWeak, todayMeans } from '../results/self-check-view';
import type { DisagreementResult, StudyResults } from '../results/study-results';

/**
 * Which measured gaps a Qualifizierungsplan starts from: per time horizon, every competence whose
 * gap (mean importance − mean proficiency, all groups together) reaches `minGap`, and the
 * horizon's `topN` largest positive gaps even when they stay below it.
 */
export interface PlanRule {
	readonly minGap: number;
	readonly topN: number;
}

export const DEFAULT_PLAN_RULE: PlanRule = { minGap: 0.5, topN: 10 };

/** Two groups that rate the competence differently (Cliff's delta of at least "small"), from the protected results. */
export interface GapDisagreement {
	readonly measure: 'importance' | 'proficiency';
	readonly higherGroup: string;
	readonly lowerGroup: string;
	readonly delta: number;
	readonly magnitude: DisagreementResult['magnitude'];
}

export interface PrioritisedGap {
	readonly competence: string;
	readonly horizon: string;
	/** Mean importance − mean proficiency of all groups together. */
	readonly gap: number;
	/** 1 = largest gap of the horizon; equal gaps share a rank ("1, 2, 2, 4"). */
	readonly rank: number;
	readonly importanceMean: number | null;
	readonly proficiencyMean: number | null;
	/** Selected because the gap reaches minGap … */
	readonly aboveThreshold: boolean;
	/** … and/or because it is among the horizon's top N positive gaps. */
	readonly inTopN: boolean;
	/** Whether all groups together agree on the importance (the study's consensus rule); null when not shown. */
	readonly consensus: boolean | null;
	/** The group pairs that disagree most on this competence's importance (in this horizon) or proficiency. */
	readonly disagreement: readonly GapDisagreement[];
}

/** A gap of the results with a figure: what an organiser may prioritise (also below the rule). */
export type MeasuredGap = Omit<PrioritisedGap, 'aboveThreshold' | 'inTopN'>;

export interface HorizonPriorities {
	readonly horizon: string;
	readonly gaps: readonly PrioritisedGap[];
}

/** Gaps of 1–5 means are compared after rounding to 9 decimals, as rankPriorities does: 3.2 − 2.1 equals 4.2 − 3.1. */
const comparable = (gap: number) => Math.round(gap * 1e9);

/**
 * Every gap of the results that has a figure (suppressed cells have none and never appear),
 * per horizon in the study's order, largest first; equal gaps in the competences' order.
 */
export function measuredGaps(results: StudyResults): { horizon: string; gaps: MeasuredGap[] }[] {
	const competenceOrder = new Map<string, number>();
	for (const item of results.items) if (!competenceOrder.has(item.competence)) competenceOrder.set(item.competence, competenceOrder.size);
	const order = (code: string) => competenceOrder.get(code) ?? Number.MAX_SAFE_INTEGER;
	const horizons = [...new Set(results.gaps.map((g) => g.horizon))];
	return horizons.map((horizon) => {
		const known = results.gaps
			.filter((g) => g.horizon === horizon && g.meanGap !== null)
			.map((g) => ({ source: g, gap: g.meanGap as number }))
			.sort((a, b) => comparable(b.gap) - comparable(a.gap) || order(a.source.competence) - order(b.source.competence) || a.source.competence.localeCompare(b.source.competence));
		let rank = 0;
		const gaps = known.map((entry, position): MeasuredGap => {
			if (position === 0 || comparable(known[position - 1].gap) !== comparable(entry.gap)) rank = position + 1;
			const { competence } = entry.source;
			return {
				competence,
				horizon,
				gap: entry.gap,
				rank,
				importanceMean: entry.source.importanceMean,
				proficiencyMean: entry.source.proficiencyMean,
				consensus: consensusOf(results, competence, horizon),
				disagreement: disagreementOf(results, competence, horizon)
			};
		});
		return { horizon, gaps };
	});
}

/** A plan's candidate on a self-check: its figure is today's mean; a gap is shown only where importance was rated too. */
export type MeasuredCondition = Omit<MeasuredGap, 'gap'> & {
	readonly gap: number | null;
	/** All groups together see it below 3 today (the results page's rule): the plan takes it in. */
	readonly weak: boolean;
};

/**
 * A Rahmenbedingungen self-check's plan candidates (issue 16): every condition whose „So ist es bei
 * uns heute“ mean of all groups is visible, weakest first (equal means share a rank, then the
 * questionnaire's order), in the study's first horizon. What makes one weak is today's mean alone —
 * never a gap, so a self-check whose „So wichtig ist es uns“ nobody rated (or whose importance is
 * hidden below k) plans its weak conditions all the same.
 */
export function measuredConditions(results: StudyResults): { horizon: string; gaps: MeasuredCondition[] }[] {
	const horizon = results.gaps[0]?.horizon ?? results.items.find((i) => i.measure === 'importance')?.horizon;
	if (!horizon) return [];
	const known = [...todayMeans(results)].map(([competence, mean], order) => ({ competence, mean, order })).sort((a, b) => comparable(a.mean) - comparable(b.mean) || a.order - b.order);
	let rank = 0;
	const gaps = known.map((entry, position): MeasuredCondition => {
		if (position === 0 || comparable(known[position - 1].mean) !== comparable(entry.mean)) rank = position + 1;
		const measured = results.gaps.find((g) => g.competence === entry.competence && g.horizon === horizon);
		return {
			competence: entry.competence,
			horizon,
			gap: measured?.meanGap ?? null,
			rank,
			importanceMean: measured?.importanceMean ?? null,
			proficiencyMean: entry.mean,
			consensus: consensusOf(results, entry.competence, horizon),
			disagreement: disagreementOf(results, entry.competence, horizon),
			weak: isWeak(entry.mean)
		};
	});
	return [{ horizon, gaps }];
}

function consensusOf(results: StudyResults, competence: string, horizon: string): boolean | null {
	const item = results.items.find((i) => i.competence === competence && i.measure === 'importance' && i.horizon === horizon);
	const cell = item?.cells.find((c) => c.group === ALL_GROUPS);
	return cell && !cell.suppressed ? cell.consensus : null;
}

function disagreementOf(results: StudyResults, competence: string, horizon: string): GapDisagreement[] {
	return results.disagreement
		.filter((d) => d.competence === competence && (d.measure === 'proficiency' || d.horizon === horizon))
		.map((d) => ({ measure: d.measure, higherGroup: d.higherGroup, lowerGroup: d.lowerGroup, delta: d.delta, magnitude: d.magnitude }));
}

/**
 * The prioritised gaps per horizon under `rule`: gap ≥ minGap, or rank ≤ topN with a positive gap
 * (a competence the administration masters better than it is needed is no need, whatever its
 * rank). Gaps tied with the N-th are all in. Suppressed figures never appear.
 */
export function prioritiseGaps(results: StudyResults, rule: PlanRule = DEFAULT_PLAN_RULE): HorizonPriorities[] {
	const threshold = comparable(rule.minGap);
	return measuredGaps(results).map(({ horizon, gaps }) => ({
		horizon,
		gaps: gaps.flatMap((gap) => {
			const aboveThreshold = comparable(gap.gap) >= threshold;
			const inTopN = gap.rank <= rule.topN && comparable(gap.gap) > 0;
			return aboveThreshold || inTopN ? [{ ...gap, aboveThreshold, inTopN }] : [];
		})
	}));
}
