import type { RatingSummary } from './summary';

/**
 * Importance − proficiency of one competence in one time horizon, on the 1–5 scale. Positive:
 * the competence matters more than the administration currently masters it. Null where one of
 * the two has no ratings.
 */
export interface CompetenceGap {
	readonly meanGap: number | null;
	readonly medianGap: number | null;
}

function difference(minuend: number | null, subtrahend: number | null): number | null {
	return minuend === null || subtrahend === null ? null : minuend - subtrahend;
}

export function competenceGap(importance: RatingSummary, proficiency: RatingSummary): CompetenceGap {
	return {
		meanGap: difference(importance.mean, proficiency.mean),
		medianGap: difference(importance.median, proficiency.median)
	};
}

export type GapBasis = 'mean' | 'median';

export interface PriorityCandidate {
	readonly competence: string;
	readonly gap: CompetenceGap;
}

export interface RankedPriority extends PriorityCandidate {
	/** 1 = largest gap; tied gaps share a rank ("1, 2, 2, 4"); null when the gap is unknown. */
	readonly rank: number | null;
}

/** Means of 1–5 ratings differ by far more than this unless they are equal, so this is noise. */
const TIE_DECIMALS = 1e9;

function gapKey(candidate: PriorityCandidate, basis: GapBasis): number | null {
	const gap = basis === 'mean' ? candidate.gap.meanGap : candidate.gap.medianGap;
	return gap === null ? null : Math.round(gap * TIE_DECIMALS);
}

/**
 * Priority ranking of the competences of one time horizon: largest gap first. Gaps are compared
 * after rounding to 9 decimals, so floating-point noise (3.2 − 2.1 vs 4.2 − 3.1) cannot split a
 * tie. Tied competences keep their input order (the sort is stable) and share the rank of the
 * first of them; competences without a gap come last, in input order, with rank null.
 */
export function rankPriorities(
	candidates: readonly PriorityCandidate[],
	basis: GapBasis = 'mean'
): RankedPriority[] {
	const known: { candidate: PriorityCandidate; key: number }[] = [];
	const unknown: RankedPriority[] = [];
	for (const candidate of candidates) {
		const key = gapKey(candidate, basis);
		if (key === null) unknown.push({ ...candidate, rank: null });
		else known.push({ candidate, key });
	}
	known.sort((a, b) => b.key - a.key);
	let rank = 0;
	const ranked = known.map((entry, position): RankedPriority => {
		if (position === 0 || known[position - 1].key !== entry.key) rank = position + 1;
		return { ...entry.candidate, rank };
	});
	return [...ranked, ...unknown];
}
