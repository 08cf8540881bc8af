import { ALL_GROUPS, isSuppressedCell, type CellKey, type ResultCell } from '../anonymity/cells';
import { protectResultTable } from '../anonymity/suppression';
import { createHistogram, EMPTY_HISTOGRAM, ratedCount, sumHistograms, type RatingHistogram } from '../statistics/histogram';
import type { QuantileType } from '../statistics/quantile';
import { summarizeHistogram, type RatingSummary } from '../statistics/summary';

export interface CounterCell {
	competence: string;
	measure: string;
	/** '' for measures without a horizon. */
	horizon: string;
	group: string;
	counts: readonly number[];
	dontKnow: number;
}

export interface RoundItem {
	competence: string;
	measure: string;
	horizon: string | null;
}

export interface RoundInput {
	round: number;
	groups: readonly string[];
	items: readonly RoundItem[];
	counters: readonly CounterCell[];
	/** Finished questionnaires per group. */
	participation: ReadonlyMap<string, number>;
	minGroupSize: number;
	quantileType: QuantileType;
}

export interface RatingFigures {
	histogram: RatingHistogram;
	summary: RatingSummary;
}

export interface ParticipationFigures {
	finished: number;
}

export interface ProtectedRound {
	round: number;
	cells: ResultCell<RatingFigures | ParticipationFigures>[];
	rating(item: RoundItem, group: string): ResultCell<RatingFigures>;
	participation(group: string): ResultCell<ParticipationFigures>;
}

const ratingKey = (round: number, item: RoundItem, group: string): CellKey => ({
	kind: 'rating',
	round,
	competence: item.competence,
	measure: item.measure,
	horizon: item.horizon,
	group
});

/**
 * Turns a round's counters into the one protected table every view, export and API answer is
 * built from: every item × (each group + all), plus participation, with the minimum group size
 * applied by the single suppression function.
 */
export function protectedRound(input: RoundInput): ProtectedRound {
	const counterOf = new Map(input.counters.map((c) => [`${c.competence}|${c.measure}|${c.horizon}|${c.group}`, c]));
	const cells: ResultCell<RatingFigures | ParticipationFigures>[] = [];
	const figures = (histogram: RatingHistogram): RatingFigures => ({ histogram, summary: summarizeHistogram(histogram, { quantileType: input.quantileType }) });
	for (const item of input.items) {
		const byGroup = input.groups.map((group) => {
			const counter = counterOf.get(`${item.competence}|${item.measure}|${item.horizon ?? ''}|${group}`);
			return counter ? createHistogram(counter.counts, counter.dontKnow) : EMPTY_HISTOGRAM;
		});
		byGroup.forEach((histogram, i) => cells.push({ key: ratingKey(input.round, item, input.groups[i]), n: ratedCount(histogram), figures: figures(histogram) }));
		const total = sumHistograms(byGroup);
		cells.push({ key: ratingKey(input.round, item, ALL_GROUPS), n: ratedCount(total), figures: figures(total) });
	}
	let everyone = 0;
	for (const group of input.groups) {
		const finished = input.participation.get(group) ?? 0;
		everyone += finished;
		cells.push({ key: { kind: 'participation', round: input.round, group }, n: finished, figures: { finished } });
	}
	cells.push({ key: { kind: 'participation', round: input.round, group: ALL_GROUPS }, n: everyone, figures: { finished: everyone } });

	const protectedCells = protectResultTable(cells, { minimumGroupSize: input.minGroupSize });
	// Views look cells up thousands of times per page: a plain string key, not the JSON cellId.
	const lookupKey = (competence: string, measure: string, horizon: string | null, group: string) => `${competence}\u0000${measure}\u0000${horizon ?? ''}\u0000${group}`;
	const ratings = new Map<string, ResultCell<RatingFigures>>();
	const participation = new Map<string, ResultCell<ParticipationFigures>>();
	for (const cell of protectedCells) {
		if (cell.key.kind === 'rating') ratings.set(lookupKey(cell.key.competence, cell.key.measure, cell.key.horizon, cell.key.group), cell as ResultCell<RatingFigures>);
		else participation.set(cell.key.group, cell as ResultCell<ParticipationFigures>);
	}
	return {
		round: input.round,
		cells: protectedCells,
		rating: (item, group) => ratings.get(lookupKey(item.competence, item.measure, item.horizon, group))!,
		participation: (group) => participation.get(group)!
	};
}

export function visibleFigures<F>(cell: ResultCell<F> | undefined): F | null {
	return cell && !isSuppressedCell(cell) ? cell.figures : null;
}
