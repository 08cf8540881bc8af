import { ALL_GROUPS } from '../anonymity/cells';
import { visibleFigures, type ProtectedRound, type RatingFigures, type RoundItem } from '../results/round-table';

/** The previous round's figures of a group or of all groups, as a participant may see them. */
export interface FeedbackFigures {
	median: number | null;
	n: number;
	/** Number of answers 1…5. */
	histogram: number[];
}

/** Per item: own group and all groups (null where hidden to protect a small group), and the participant's previous answer. */
export interface ItemFeedback {
	group: FeedbackFigures | null;
	all: FeedbackFigures | null;
	yours: number | null | undefined;
}

const shown = (figures: RatingFigures | null): FeedbackFigures | null =>
	figures ? { median: figures.summary.median, n: figures.summary.n, histogram: [...figures.histogram.counts] } : null;

/**
 * Delphi feedback (round ≥ 2) for the given items, only from the protected table of the previous
 * round: a group below k — or one hidden to protect another — shows nothing.
 */
export function delphiFeedback(
	previousRound: ProtectedRound,
	items: readonly (RoundItem & { key: string })[],
	groupKey: string,
	previousAnswers: Readonly<Record<string, number | null>>
): Record<string, ItemFeedback> {
	return Object.fromEntries(
		items.map((item) => {
			const key = { competence: item.competence, measure: item.measure, horizon: item.horizon };
			return [item.key, { group: shown(visibleFigures(previousRound.rating(key, groupKey))), all: shown(visibleFigures(previousRound.rating(key, ALL_GROUPS))), yours: previousAnswers[item.key] }];
		})
	);
}
