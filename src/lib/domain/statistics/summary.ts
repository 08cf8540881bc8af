import { ratedCount, type RatingHistogram } from './histogram';
import { DEFAULT_QUANTILE_TYPE, quantileFromHistogram, type QuantileType } from './quantile';

/**
 * Descriptive figures of one item's 1–5 ratings. Every figure is null when n = 0; the standard
 * deviation is also null when n < 2. Quartiles and IQR follow `quantileType` (the median is the
 * same under types 6 and 7).
 */
export interface RatingSummary {
	readonly n: number;
	readonly dontKnow: number;
	readonly mean: number | null;
	/** Sample standard deviation (divisor n − 1). */
	readonly standardDeviation: number | null;
	readonly median: number | null;
	readonly firstQuartile: number | null;
	readonly thirdQuartile: number | null;
	readonly interquartileRange: number | null;
	/** Share (0–1) of ratings that are 4 or 5. */
	readonly agreementShare: number | null;
	readonly quantileType: QuantileType;
}

export interface SummaryOptions {
	readonly quantileType?: QuantileType;
}

function meanOf(histogram: RatingHistogram, n: number): number {
	const total = histogram.counts.reduce((sum, count, index) => sum + count * (index + 1), 0);
	return total / n;
}

function sampleStandardDeviation(histogram: RatingHistogram, n: number, mean: number): number | null {
	if (n < 2) return null;
	const squaredDeviations = histogram.counts.reduce(
		(sum, count, index) => sum + count * (index + 1 - mean) ** 2,
		0
	);
	return Math.sqrt(squaredDeviations / (n - 1));
}

export function summarizeHistogram(histogram: RatingHistogram, options: SummaryOptions = {}): RatingSummary {
	const quantileType = options.quantileType ?? DEFAULT_QUANTILE_TYPE;
	const n = ratedCount(histogram);
	if (n === 0) {
		return {
			n,
			dontKnow: histogram.dontKnow,
			mean: null,
			standardDeviation: null,
			median: null,
			firstQuartile: null,
			thirdQuartile: null,
			interquartileRange: null,
			agreementShare: null,
			quantileType
		};
	}
	const mean = meanOf(histogram, n);
	// n > 0, so every quantile exists.
	const firstQuartile = quantileFromHistogram(histogram, 0.25, quantileType) as number;
	const thirdQuartile = quantileFromHistogram(histogram, 0.75, quantileType) as number;
	return {
		n,
		dontKnow: histogram.dontKnow,
		mean,
		standardDeviation: sampleStandardDeviation(histogram, n, mean),
		median: quantileFromHistogram(histogram, 0.5, quantileType),
		firstQuartile,
		thirdQuartile,
		interquartileRange: thirdQuartile - firstQuartile,
		agreementShare: (histogram.counts[3] + histogram.counts[4]) / n,
		quantileType
	};
}

/** A consensus rule fixed before the study: IQR ≤ maxIqr and agreement share ≥ minAgreement. */
export interface ConsensusRule {
	readonly maxIqr: number;
	readonly minAgreement: number;
}

export const DEFAULT_CONSENSUS_RULE: ConsensusRule = { maxIqr: 1, minAgreement: 0.7 };

/**
 * Whether an item reached consensus under the rule; null when there are no ratings. The IQR
 * depends on the summary's quantile type, so the same data can pass under one type and fail
 * under the other — show the type wherever the verdict is shown.
 */
export function hasConsensus(summary: RatingSummary, rule: ConsensusRule = DEFAULT_CONSENSUS_RULE): boolean | null {
	if (!(rule.maxIqr >= 0) || !(rule.minAgreement >= 0 && rule.minAgreement <= 1)) {
		throw new RangeError(`invalid consensus rule: maxIqr ${rule.maxIqr}, minAgreement ${rule.minAgreement}`);
	}
	if (summary.interquartileRange === null || summary.agreementShare === null) return null;
	return summary.interquartileRange <= rule.maxIqr && summary.agreementShare >= rule.minAgreement;
}
