/** A rating on the 1–5 scale. */
export type Rating = 1 | 2 | 3 | 4 | 5;

/** One answer to a rating item: a rating or "kann ich nicht einschätzen". */
export type RatingAnswer = Rating | 'dontKnow';

export const RATINGS: readonly Rating[] = [1, 2, 3, 4, 5];

/**
 * Counts of the answers to one item: `counts[0]` is the number of 1s, …, `counts[4]` the number
 * of 5s. "Don't know" answers are counted apart and never enter n, means or quantiles.
 */
export interface RatingHistogram {
	readonly counts: readonly [number, number, number, number, number];
	readonly dontKnow: number;
}

export const EMPTY_HISTOGRAM: RatingHistogram = { counts: [0, 0, 0, 0, 0], dontKnow: 0 };

function assertCount(value: number, label: string): void {
	if (!Number.isSafeInteger(value) || value < 0) {
		throw new RangeError(`${label} must be a non-negative integer, got ${value}`);
	}
}

/** Builds a validated histogram from the counts of 1..5 and the "don't know" count. */
export function createHistogram(counts: readonly number[], dontKnow = 0): RatingHistogram {
	if (counts.length !== RATINGS.length) {
		throw new RangeError(`a rating histogram needs exactly 5 counts, got ${counts.length}`);
	}
	counts.forEach((count, index) => assertCount(count, `count of rating ${index + 1}`));
	assertCount(dontKnow, 'dontKnow count');
	const [ones, twos, threes, fours, fives] = counts;
	return { counts: [ones, twos, threes, fours, fives], dontKnow };
}

export function histogramFromAnswers(answers: Iterable<RatingAnswer>): RatingHistogram {
	const counts = [0, 0, 0, 0, 0];
	let dontKnow = 0;
	for (const answer of answers) {
		if (answer === 'dontKnow') dontKnow += 1;
		else counts[answer - 1] += 1;
	}
	return createHistogram(counts, dontKnow);
}

/** n: the number of 1–5 ratings ("don't know" excluded). */
export function ratedCount(histogram: RatingHistogram): number {
	return histogram.counts.reduce((sum, count) => sum + count, 0);
}

/** Adds histograms cell by cell, e.g. the groups of a study into the "all groups" histogram. */
export function sumHistograms(histograms: readonly RatingHistogram[]): RatingHistogram {
	return histograms.reduce<RatingHistogram>(
		(total, histogram) =>
			createHistogram(
				total.counts.map((count, index) => count + histogram.counts[index]),
				total.dontKnow + histogram.dontKnow
			),
		EMPTY_HISTOGRAM
	);
}
