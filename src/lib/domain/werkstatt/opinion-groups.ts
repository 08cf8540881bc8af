import { seededRandom } from './random';
import { buildVoteMatrix, type Vote, type VoteMatrix } from './vote-matrix';

/** Fewer participants than this form one group: four dots do not make two opinion groups. */
export const MIN_PARTICIPANTS = 4;
export const MIN_GROUPS = 2;
export const MAX_GROUPS = 5;
const SEED = 0x5717_2026;
const RESTARTS = 8;
const MAX_ITERATIONS = 100;
/*
 * Enough for the map: when two eigenvalues are nearly equal the direction converges slowly and
 * matters little (Pol.is, too, stops its power iteration after 100 steps). The count is fixed, so
 * the result stays reproducible.
 */
const POWER_ITERATIONS = 100;
const POWER_TOLERANCE = 1e-7;
const NEGLIGIBLE = 1e-12;
/** Silhouette is O(n²); above this many participants it is computed on an evenly spaced subset. */
const SILHOUETTE_SAMPLE = 1_000;

export type OpinionGroupsReason =
	/** k-means found k groups, k chosen by the best silhouette. */
	| 'clustered'
	/** Fewer than MIN_PARTICIPANTS participants with enough votes: everyone is one group. */
	| 'too-few-participants'
	/** The participants' positions do not allow two groups (e.g. everyone voted alike): one group. */
	| 'no-structure';

export interface ParticipantPosition {
	readonly participant: string;
	readonly group: number;
	/** Position on the first and second principal component, for the map. */
	readonly x: number;
	readonly y: number;
}

export interface OpinionGroup {
	/** 0 … k−1, the largest group first (ties: the group holding the lowest participant id first). */
	readonly id: number;
	readonly size: number;
	readonly members: readonly string[];
}

export interface OpinionGroups {
	readonly reason: OpinionGroupsReason;
	/** Number of groups; 1 unless reason is 'clustered'. */
	readonly k: number;
	/** Mean silhouette of the chosen grouping (−1 … 1), null when not clustered. */
	readonly silhouette: number | null;
	/** Kept participants, sorted by id. */
	readonly participants: readonly ParticipantPosition[];
	readonly groups: readonly OpinionGroup[];
}

export interface OpinionGroupOptions {
	readonly seed?: number;
	readonly restarts?: number;
	readonly minGroups?: number;
	readonly maxGroups?: number;
}

/**
 * Principal components of the column-centred matrix by power iteration on the covariance matrix
 * (statements × statements, small beside participants × participants), with deflation. Each
 * component's sign is fixed so that its largest loading (first such statement on ties) is positive:
 * otherwise the map could mirror itself between two recomputations of the same votes. Projections
 * are the participants' positions: their centred votes times the component, scaled by
 * √(statements / statements seen).
 */
export function principalComponents(matrix: VoteMatrix, count = 2): { components: Float64Array[]; projections: Float64Array[] } {
	const rows = matrix.participants.length;
	const width = matrix.statements.length;
	const { values, seen } = matrix;
	const means = new Float64Array(width);
	for (let r = 0; r < rows; r++) {
		const offset = r * width;
		for (let i = 0; i < width; i++) means[i] += values[offset + i];
	}
	if (rows) for (let i = 0; i < width; i++) means[i] /= rows;
	// Imputing the statement mean makes an unseen cell the column mean, so after centring it is zero
	// (up to rounding): the centred matrix is as sparse as the votes. Each row keeps only its non-zero
	// cells, and XᵀX costs (votes per participant)² per participant instead of statements².
	const rowStart = new Int32Array(rows + 1);
	let cells = 0;
	for (let i = 0; i < seen.length; i++) cells += seen[i];
	let capacity = Math.max(cells, 16);
	let nonZero = new Int32Array(capacity);
	let nonZeroValue = new Float64Array(capacity);
	let filled = 0;
	for (let r = 0; r < rows; r++) {
		const offset = r * width;
		for (let i = 0; i < width; i++) {
			const x = values[offset + i] - means[i];
			if (!seen[offset + i] && !(Math.abs(x) > NEGLIGIBLE)) continue;
			if (filled === capacity) {
				capacity *= 2;
				const grownIndex = new Int32Array(capacity);
				grownIndex.set(nonZero);
				nonZero = grownIndex;
				const grownValue = new Float64Array(capacity);
				grownValue.set(nonZeroValue);
				nonZeroValue = grownValue;
			}
			nonZero[filled] = i;
			nonZeroValue[filled] = x;
			filled += 1;
		}
		rowStart[r + 1] = filled;
	}
	// Sparsity-aware projection as Pol.is does it (pca.clj): a participant who has seen few statements
	// is scaled out by √(statements / seen), so that voting less does not by itself pull them to the
	// centre of the map, where they would form a "voted little" group.
	const sparsityScale = new Float64Array(rows);
	for (let r = 0; r < rows; r++) {
		let count = 0;
		for (let i = r * width; i < (r + 1) * width; i++) count += seen[i];
		sparsityScale[r] = Math.sqrt(width / Math.max(count, 1));
	}
	// Upper triangle of XᵀX (column indices ascend within a row), then mirrored.
	const covariance = new Float64Array(width * width);
	for (let r = 0; r < rows; r++) {
		const end = rowStart[r + 1];
		for (let a = rowStart[r]; a < end; a++) {
			const xi = nonZeroValue[a];
			const base = nonZero[a] * width;
			for (let b = a; b < end; b++) covariance[base + nonZero[b]] += xi * nonZeroValue[b];
		}
	}
	for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) covariance[i * width + j] = covariance[j * width + i];

	const random = seededRandom(SEED);
	const components: Float64Array[] = [];
	const projections: Float64Array[] = [];
	const product = new Float64Array(width);
	for (let k = 0; k < count; k++) {
		let vector = new Float64Array(width);
		for (let i = 0; i < width; i++) vector[i] = random() - 0.5;
		let eigenvalue = 0;
		for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
			for (const previous of components) orthogonalise(vector, previous);
			normalise(vector);
			for (let i = 0; i < width; i++) {
				let sum = 0;
				const base = i * width;
				for (let j = 0; j < width; j++) sum += covariance[base + j] * vector[j];
				product[i] = sum;
			}
			for (const previous of components) orthogonalise(product, previous);
			let squares = 0;
			for (let i = 0; i < width; i++) squares += product[i] * product[i];
			const length = Math.sqrt(squares);
			if (length === 0) {
				eigenvalue = 0;
				break;
			}
			let change = 0;
			for (let i = 0; i < width; i++) {
				const next = product[i] / length;
				change = Math.max(change, Math.abs(next - vector[i]));
				vector[i] = next;
			}
			eigenvalue = length;
			if (change < POWER_TOLERANCE) break;
		}
		if (eigenvalue === 0) vector = new Float64Array(width);
		fixSign(vector);
		components.push(vector);
		const projection = new Float64Array(rows);
		for (let r = 0; r < rows; r++) {
			let sum = 0;
			for (let a = rowStart[r]; a < rowStart[r + 1]; a++) sum += nonZeroValue[a] * vector[nonZero[a]];
			projection[r] = sum * sparsityScale[r];
		}
		projections.push(projection);
	}
	return { components, projections };
}

function orthogonalise(vector: Float64Array, against: Float64Array): void {
	let dot = 0;
	for (let i = 0; i < vector.length; i++) dot += vector[i] * against[i];
	for (let i = 0; i < vector.length; i++) vector[i] -= dot * against[i];
}

function normalise(vector: Float64Array): void {
	let sum = 0;
	for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
	const length = Math.sqrt(sum);
	if (length > 0) for (let i = 0; i < vector.length; i++) vector[i] /= length;
}

function fixSign(vector: Float64Array): void {
	let largest = 0;
	for (let i = 1; i < vector.length; i++) if (Math.abs(vector[i]) > Math.abs(vector[largest]) + 1e-12) largest = i;
	if (vector[largest] < 0) for (let i = 0; i < vector.length; i++) vector[i] = -vector[i];
}

interface Clustering {
	labels: Int32Array;
	inertia: number;
}

const squared = (xs: Float64Array, ys: Float64Array, a: number, cx: number, cy: number) => (xs[a] - cx) ** 2 + (ys[a] - cy) ** 2;

/** k-means++ seeding, then Lloyd's iterations until no point changes group. */
function kMeansOnce(xs: Float64Array, ys: Float64Array, k: number, random: () => number): Clustering {
	const n = xs.length;
	const cx = new Float64Array(k);
	const cy = new Float64Array(k);
	const nearest = new Float64Array(n).fill(Infinity);
	let chosen = Math.floor(random() * n);
	for (let c = 0; c < k; c++) {
		cx[c] = xs[chosen];
		cy[c] = ys[chosen];
		let total = 0;
		for (let i = 0; i < n; i++) {
			nearest[i] = Math.min(nearest[i], squared(xs, ys, i, cx[c], cy[c]));
			total += nearest[i];
		}
		if (c === k - 1) break;
		if (total === 0) return { labels: new Int32Array(n), inertia: Infinity };
		let target = random() * total;
		chosen = n - 1;
		for (let i = 0; i < n; i++) {
			target -= nearest[i];
			if (target < 0 && nearest[i] > 0) {
				chosen = i;
				break;
			}
		}
	}
	const labels = new Int32Array(n).fill(-1);
	const sumX = new Float64Array(k);
	const sumY = new Float64Array(k);
	const sizes = new Int32Array(k);
	for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
		let moved = false;
		for (let i = 0; i < n; i++) {
			let best = 0;
			let bestDistance = Infinity;
			for (let c = 0; c < k; c++) {
				const distance = squared(xs, ys, i, cx[c], cy[c]);
				if (distance < bestDistance) {
					bestDistance = distance;
					best = c;
				}
			}
			if (labels[i] !== best) {
				labels[i] = best;
				moved = true;
			}
		}
		if (!moved) break;
		sumX.fill(0);
		sumY.fill(0);
		sizes.fill(0);
		for (let i = 0; i < n; i++) {
			sumX[labels[i]] += xs[i];
			sumY[labels[i]] += ys[i];
			sizes[labels[i]] += 1;
		}
		for (let c = 0; c < k; c++) {
			if (sizes[c] === 0) return { labels, inertia: Infinity };
			cx[c] = sumX[c] / sizes[c];
			cy[c] = sumY[c] / sizes[c];
		}
	}
	let inertia = 0;
	sizes.fill(0);
	for (let i = 0; i < n; i++) {
		inertia += squared(xs, ys, i, cx[labels[i]], cy[labels[i]]);
		sizes[labels[i]] += 1;
	}
	for (let c = 0; c < k; c++) if (sizes[c] === 0) return { labels, inertia: Infinity };
	return { labels, inertia };
}

/**
 * Mean silhouette of several groupings of the same points (one per k), over all points or an
 * evenly spaced subset of them beyond SILHOUETTE_SAMPLE. One pass computes each distance once for
 * all groupings.
 */
export function meanSilhouettes(xs: Float64Array, ys: Float64Array, groupings: readonly { labels: Int32Array; k: number }[]): number[] {
	const n = xs.length;
	const step = Math.max(1, Math.ceil(n / SILHOUETTE_SAMPLE));
	const sums = groupings.map(({ k }) => new Float64Array(k));
	const counts = groupings.map(({ labels, k }) => {
		const count = new Int32Array(k);
		for (let i = 0; i < n; i++) count[labels[i]] += 1;
		return count;
	});
	const totals = new Float64Array(groupings.length);
	const distances = new Float64Array(n);
	let measured = 0;
	for (let i = 0; i < n; i += step) {
		for (let j = 0; j < n; j++) distances[j] = Math.sqrt(squared(xs, ys, j, xs[i], ys[i]));
		measured += 1;
		groupings.forEach(({ labels, k }, g) => {
			const sum = sums[g];
			const count = counts[g];
			sum.fill(0);
			for (let j = 0; j < n; j++) sum[labels[j]] += distances[j];
			const own = labels[i];
			if (count[own] <= 1) return; // a point alone in its group has silhouette 0
			const a = sum[own] / (count[own] - 1);
			let b = Infinity;
			for (let c = 0; c < k; c++) if (c !== own && count[c] > 0) b = Math.min(b, sum[c] / count[c]);
			const larger = Math.max(a, b);
			totals[g] += larger > 0 ? (b - a) / larger : 0;
		});
	}
	return [...totals].map((total) => (measured ? total / measured : 0));
}

function bestKMeans(xs: Float64Array, ys: Float64Array, k: number, seed: number, restarts: number): Clustering {
	const random = seededRandom(seed + k);
	let best: Clustering = { labels: new Int32Array(xs.length), inertia: Infinity };
	for (let run = 0; run < restarts; run++) {
		const candidate = kMeansOnce(xs, ys, k, random);
		// Strictly smaller only: among equal inertias the earliest run wins.
		if (candidate.inertia < best.inertia) best = candidate;
	}
	return best;
}

function oneGroup(matrix: VoteMatrix, reason: OpinionGroupsReason, xs: Float64Array, ys: Float64Array): OpinionGroups {
	const participants = matrix.participants.map((participant, i) => ({ participant, group: 0, x: xs[i] ?? 0, y: ys[i] ?? 0 }));
	return {
		reason,
		k: 1,
		silhouette: null,
		participants,
		groups: participants.length ? [{ id: 0, size: participants.length, members: [...matrix.participants] }] : []
	};
}

/**
 * Opinion groups as Pol.is forms them, but reproducible: PCA of the vote matrix to two components,
 * k-means in that plane for k = 2 … 5 (seeded k-means++, several restarts, the lowest inertia
 * kept), k chosen by the highest mean silhouette (the smaller k on ties). The same matrix always
 * gives the same groups, ids and positions.
 */
export function opinionGroupsOf(matrix: VoteMatrix, options: OpinionGroupOptions = {}): OpinionGroups {
	const seed = options.seed ?? SEED;
	const restarts = options.restarts ?? RESTARTS;
	const n = matrix.participants.length;
	if (n < MIN_PARTICIPANTS) {
		const empty = new Float64Array(n);
		const { projections } = n > 0 && matrix.statements.length > 0 ? principalComponents(matrix) : { projections: [empty, empty] };
		return oneGroup(matrix, 'too-few-participants', projections[0], projections[1]);
	}
	const {
		projections: [xs, ys]
	} = principalComponents(matrix);
	const distinct = new Set<string>();
	for (let i = 0; i < n && distinct.size < 2; i++) distinct.add(`${xs[i]}:${ys[i]}`);
	if (distinct.size < 2) return oneGroup(matrix, 'no-structure', xs, ys);

	const candidates: { k: number; clustering: Clustering }[] = [];
	const maxGroups = Math.min(options.maxGroups ?? MAX_GROUPS, n - 1);
	for (let k = options.minGroups ?? MIN_GROUPS; k <= maxGroups; k++) {
		const clustering = bestKMeans(xs, ys, k, seed, restarts);
		if (Number.isFinite(clustering.inertia)) candidates.push({ k, clustering });
	}
	const silhouettes = meanSilhouettes(
		xs,
		ys,
		candidates.map(({ k, clustering }) => ({ k, labels: clustering.labels }))
	);
	let chosen: { k: number; clustering: Clustering; silhouette: number } | null = null;
	for (const [i, { k, clustering }] of candidates.entries()) {
		if (chosen === null || silhouettes[i] > chosen.silhouette + 1e-12) chosen = { k, clustering, silhouette: silhouettes[i] };
	}
	if (chosen === null) return oneGroup(matrix, 'no-structure', xs, ys);

	// Renumber: the largest group is 0; among equal sizes the group whose first member comes first.
	const { k, clustering } = chosen;
	const members: string[][] = Array.from({ length: k }, () => []);
	const first = new Int32Array(k).fill(n);
	for (let i = 0; i < n; i++) {
		members[clustering.labels[i]].push(matrix.participants[i]);
		first[clustering.labels[i]] = Math.min(first[clustering.labels[i]], i);
	}
	const order = [...members.keys()].sort((a, b) => members[b].length - members[a].length || first[a] - first[b]);
	const idOf = new Int32Array(k);
	order.forEach((label, id) => (idOf[label] = id));
	return {
		reason: 'clustered',
		k,
		silhouette: chosen.silhouette,
		participants: matrix.participants.map((participant, i) => ({ participant, group: idOf[clustering.labels[i]], x: xs[i], y: ys[i] })),
		groups: order.map((label, id) => ({ id, size: members[label].length, members: members[label] }))
	};
}

/** Votes → opinion groups in one call: buildVoteMatrix (≥ 7 votes, imputation) and opinionGroupsOf. */
export function opinionGroups(votes: readonly Vote[], visibleStatements: readonly string[], options: OpinionGroupOptions = {}): OpinionGroups {
	return opinionGroupsOf(buildVoteMatrix(votes, visibleStatements), options);
}
