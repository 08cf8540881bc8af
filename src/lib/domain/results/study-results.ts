import { ALL_GROUPS, isSuppressedCell, type ResultCell } from '../anonymity/cells';
import { competenceGap, rankPriorities } from '../statistics/gap';
import { cliffsDeltaMagnitude, largestCliffsDelta, largestMedianDifference, type GroupRatings } from '../statistics/disagreement';
import { kendallsW } from '../statistics/kendall';
import { hasConsensus, type ConsensusRule } from '../statistics/summary';
import { horizonTrend } from '../statistics/trend';
import type { ProtectedRound, RatingFigures, RoundItem } from './round-table';
import type { ItemChange } from './round-change';

export interface ResultsStudy {
	id: string;
	groups: readonly { key: string; label: string }[];
	horizons: readonly { key: string; label: string }[];
	measureProficiency: boolean;
	minGroupSize: number;
	quantileType: 6 | 7;
	consensus: ConsensusRule;
}

/** A cell as views, exports and the API show it: all figures, or only `suppressed: true`. */
export type CellResult =
	| {
			group: string;
			suppressed: false;
			n: number;
			dontKnow: number;
			mean: number | null;
			sd: number | null;
			median: number | null;
			q1: number | null;
			q3: number | null;
			iqr: number | null;
			agreement: number | null;
			consensus: boolean | null;
			histogram: number[];
	  }
	| { group: string; suppressed: true };

export interface ItemResult {
	competence: string;
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	cells: CellResult[];
}

export interface GapResult {
	competence: string;
	horizon: string;
	rank: number | null;
	meanGap: number | null;
	medianGap: number | null;
	importanceMean: number | null;
	proficiencyMean: number | null;
}

export interface DisagreementResult {
	competence: string;
	measure: 'importance' | 'proficiency';
	horizon: string | null;
	higherGroup: string;
	lowerGroup: string;
	delta: number;
	magnitude: 'negligible' | 'small' | 'medium' | 'large';
	medianDifference: { higherGroup: string; lowerGroup: string; difference: number } | null;
}

export interface StudyResults {
	study: string;
	round: number;
	minGroupSize: number;
	quantileType: 6 | 7;
	groups: { key: string; label: string; n: number | null; suppressed: boolean }[];
	participants: number | null;
	items: ItemResult[];
	/** Per horizon, ranked by the mean gap of all groups together; largest first. */
	gaps: GapResult[];
	trends: { competence: string; means: (number | null)[]; slope: number | null; direction: 'steigend' | 'gleich' | 'fallend' | null }[];
	/** Items where visible groups differ most (|Cliff's delta| ≥ small), strongest first. */
	disagreement: DisagreementResult[];
	/** How far the visible groups agree on the priority order, per horizon. */
	concordance: { horizon: string; groups: string[]; w: number; chiSquared: number; degreesOfFreedom: number; pValue: number }[];
	/** Round ≥ 2: change against the previous round per item and group (roundChange), each cell shown or suppressed. */
	change?: ItemChange[];
}

function cellResult(cell: ResultCell<RatingFigures>, group: string, rule: ConsensusRule): CellResult {
	if (isSuppressedCell(cell)) return { group, suppressed: true };
	const { summary, histogram } = cell.figures;
	return {
		group,
		suppressed: false,
		n: summary.n,
		dontKnow: summary.dontKnow,
		mean: summary.mean,
		sd: summary.standardDeviation,
		median: summary.median,
		q1: summary.firstQuartile,
		q3: summary.thirdQuartile,
		iqr: summary.interquartileRange,
		agreement: summary.agreementShare,
		consensus: hasConsensus(summary, rule),
		histogram: [...histogram.counts]
	};
}

const visible = (cell: ResultCell<RatingFigures>) => (isSuppressedCell(cell) ? null : cell.figures);

/**
 * Everything the dashboard, the exports and the results API show for one round, derived only from
 * the protected table, so every derived figure inherits the minimum group size.
 */
export function studyResults(study: ResultsStudy, competences: readonly string[], table: ProtectedRound): StudyResults {
	const groupKeys = study.groups.map((g) => g.key);
	const horizonKeys = study.horizons.map((h) => h.key);
	const itemKeys: RoundItem[] = competences.flatMap((competence) => [
		...horizonKeys.map((horizon) => ({ competence, measure: 'importance', horizon })),
		...(study.measureProficiency ? [{ competence, measure: 'proficiency', horizon: null }] : [])
	]);
	const items: ItemResult[] = itemKeys.map((item) => ({
		competence: item.competence,
		measure: item.measure as ItemResult['measure'],
		horizon: item.horizon,
		cells: [...groupKeys, ALL_GROUPS].map((group) => cellResult(table.rating(item, group), group, study.consensus))
	}));

	const gaps: GapResult[] = study.measureProficiency
		? horizonKeys.flatMap((horizon) => {
				const candidates = competences.map((competence) => {
					const importance = visible(table.rating({ competence, measure: 'importance', horizon }, ALL_GROUPS));
					const proficiency = visible(table.rating({ competence, measure: 'proficiency', horizon: null }, ALL_GROUPS));
					const gap = importance && proficiency ? competenceGap(importance.summary, proficiency.summary) : { meanGap: null, medianGap: null };
					return { competence, gap, importanceMean: importance?.summary.mean ?? null, proficiencyMean: proficiency?.summary.mean ?? null };
				});
				const ranked = rankPriorities(candidates);
				return ranked.map((entry) => {
					const source = candidates.find((c) => c.competence === entry.competence)!;
					return { competence: entry.competence, horizon, rank: entry.rank, meanGap: entry.gap.meanGap, medianGap: entry.gap.medianGap, importanceMean: source.importanceMean, proficiencyMean: source.proficiencyMean };
				});
			})
		: [];

	const trends = competences.map((competence) => {
		const means = horizonKeys.map((horizon) => visible(table.rating({ competence, measure: 'importance', horizon }, ALL_GROUPS))?.summary.mean ?? null);
		return { competence, means, ...horizonTrend(means) };
	});

	const disagreement: DisagreementResult[] = itemKeys
		.flatMap((item) => {
			const ratings: GroupRatings[] = groupKeys.flatMap((group) => {
				const figures = visible(table.rating(item, group));
				return figures && figures.summary.n > 0 ? [{ group, histogram: figures.histogram }] : [];
			});
			const strongest = largestCliffsDelta(ratings);
			if (!strongest || cliffsDeltaMagnitude(strongest.delta) === 'negligible') return [];
			// The median difference of the same pair the headline names (the largest of any pair could name other groups).
			const pair = ratings.filter((r) => r.group === strongest.higherGroup || r.group === strongest.lowerGroup);
			return [{ competence: item.competence, measure: item.measure as DisagreementResult['measure'], horizon: item.horizon, ...strongest, medianDifference: largestMedianDifference(pair) }];
		})
		.sort((a, b) => b.delta - a.delta);

	const concordance = study.measureProficiency
		? horizonKeys.flatMap((horizon) => {
				const raters = groupKeys.flatMap((group) => {
					const scores = competences.map((competence) => {
						const importance = visible(table.rating({ competence, measure: 'importance', horizon }, group));
						const proficiency = visible(table.rating({ competence, measure: 'proficiency', horizon: null }, group));
						return importance && proficiency ? competenceGap(importance.summary, proficiency.summary).meanGap : null;
					});
					return scores.every((s) => s !== null) ? [{ group, scores: scores as number[] }] : [];
				});
				if (raters.length < 2 || competences.length < 2) return [];
				const w = kendallsW(raters.map((r) => r.scores));
				return w ? [{ horizon, groups: raters.map((r) => r.group), w: w.w, chiSquared: w.chiSquared, degreesOfFreedom: w.degreesOfFreedom, pValue: w.pValue }] : [];
			})
		: [];

	const participation = (group: string) => {
		const cell = table.participation(group);
		return isSuppressedCell(cell) ? null : cell.figures.finished;
	};
	return {
		study: study.id,
		round: table.round,
		minGroupSize: study.minGroupSize,
		quantileType: study.quantileType,
		groups: study.groups.map((g) => ({ key: g.key, label: g.label, n: participation(g.key), suppressed: participation(g.key) === null })),
		participants: participation(ALL_GROUPS),
		items,
		gaps,
		trends,
		disagreement,
		concordance
	};
}
