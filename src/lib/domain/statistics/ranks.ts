/**
 * Ranks 1..n of the values in ascending order; tied values share the mean of the ranks they
 * occupy (R's rank(ties.method = "average")).
 */
export function averageRanks(values: readonly number[]): number[] {
	const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
	const ranks = new Array<number>(values.length);
	let start = 0;
	while (start < order.length) {
		let end = start;
		while (end + 1 < order.length && order[end + 1].value === order[start].value) end += 1;
		const sharedRank = (start + end) / 2 + 1;
		for (let position = start; position <= end; position += 1) ranks[order[position].index] = sharedRank;
		start = end + 1;
	}
	return ranks;
}

/** Σ (t³ − t) over the groups of t tied values — the tie correction of rank statistics. */
export function tieCorrectionSum(values: readonly number[]): number {
	const multiplicities = new Map<number, number>();
	for (const value of values) multiplicities.set(value, (multiplicities.get(value) ?? 0) + 1);
	let sum = 0;
	for (const t of multiplicities.values()) sum += t ** 3 - t;
	return sum;
}
