/*
 * The one suppression function every view, export and API response passes its figures through.
 *
 * Model. A result table is a set of cells keyed by (round, competence, measure, horizon, group)
 * plus one participation cell per (round, group). group is a stakeholder group or ALL_GROUPS.
 * Cells sharing everything but the group form a row; within a row the ALL_GROUPS cell is the
 * sum of the group cells — for n and for every count behind the figures (histogram bars,
 * "don't know"). Groups must partition the participants (model "keine Angabe" as a group) and
 * every row should hold a cell for every group of the round (n = 0 if nobody rated), so that a
 * missing cell cannot itself tell something.
 *
 * What an attacker can derive, and the rule that stops it:
 * 1. A cell itself: hidden when 0 < n < k ('below_k').
 * 2. A row: with the total visible, total − visible groups gives the sum of the hidden group
 *    cells. If one group cell is hidden it is recovered exactly; if several are, their union is
 *    published as if it were one cell. So with the total visible, a row must hide no group or at
 *    least two, and the hidden groups together must have n = 0 or n ≥ k (n = 0 tells, as a visible
 *    n = 0 cell does, that none of them rated; their "don't know" counts stay mixed). Complements
 *    are the visible groups with the smallest positive n, then groups with n = 0, then the total;
 *    ties go by group key, so two publications of one table in different orders hide the same
 *    cells.
 * 3. Participation across measures: n + "don't know" + not answered = participants of the group.
 *    Items are usually mandatory (there is a "don't know" option), so not answered is known to be
 *    0, and any visible rating cell of a group reveals the group's participation count. Hence a
 *    group whose participation cell is hidden — below k or as complement — is hidden in every
 *    cell of that round, with the same reason. Were the complementary group's ratings shown,
 *    they would give away its participation count, and total − the others the small group's.
 *    The same holds for ALL_GROUPS: a round with fewer than k participants shows nothing.
 * 4. Across rounds: no figure of one round is a sum or difference of figures of another, so a
 *    group visible in rounds 1 and 2 exposes nothing hidden; each round is protected on its
 *    own. This would break with pooled "all rounds" cells (pooled − round 1 = round 2) or with
 *    results refreshed while a round is open (two snapshots differ by the latest answers): both
 *    must stay out of the published table.
 * 5. Derived figures (a group's gap = importance − proficiency, Delphi change figures) must be
 *    computed from the protected table only, so they inherit the suppression of their inputs.
 *
 * Monotone in k: the table is protected for every threshold 3, 4, …, k in turn, each step keeping
 * what the previous hid. A single pass at k alone could hide a complementary cell at k = 5 that
 * it shows at k = 8 (when a group that only crosses the threshold at 8 takes over its role);
 * publishing both versions would then reveal the hidden group. So raising k never reveals a
 * cell, and because the output is protected at every lower threshold too, protecting it again
 * (with suppressed cells as input) changes nothing.
 *
 * Not covered: bounds. With participation counts visible, a hidden cell's n can sometimes be
 * narrowed to an interval; only exact recovery is prevented. Several overlapping breakdowns of
 * the same people (e.g. group × department) are linked tables and need their own analysis.
 */
import { ALL_GROUPS, cellId, isSuppressedCell, rowId, type ResultCell, type SuppressionReason } from './cells';

export const DEFAULT_MINIMUM_GROUP_SIZE = 5;
export const SMALLEST_ALLOWED_MINIMUM_GROUP_SIZE = 3;

export interface SuppressionOptions {
	/** k: the smallest group whose figures may be shown. Default 5, never below 3. */
	readonly minimumGroupSize?: number;
}

/** Checks k and returns it (the default when undefined). */
export function validMinimumGroupSize(minimumGroupSize: number = DEFAULT_MINIMUM_GROUP_SIZE): number {
	if (!Number.isInteger(minimumGroupSize) || minimumGroupSize < SMALLEST_ALLOWED_MINIMUM_GROUP_SIZE) {
		throw new RangeError(
			`minimum group size k must be an integer ≥ ${SMALLEST_ALLOWED_MINIMUM_GROUP_SIZE}, got ${minimumGroupSize}`
		);
	}
	return minimumGroupSize;
}

/** Cells are referred to by their position in the input. */
interface Row {
	readonly description: string;
	total: number | undefined;
	readonly groups: number[];
}

interface IndexedTable {
	readonly ids: readonly string[];
	readonly groups: readonly string[];
	/** n of each cell; null when the cell arrived suppressed. */
	readonly sizes: readonly (number | null)[];
	readonly inputReasons: readonly (SuppressionReason | undefined)[];
	readonly participationRows: readonly Row[];
	readonly ratingRows: readonly Row[];
	/** For each participation cell, the rating cells of the same round and group. */
	readonly ratingCellsOfParticipation: ReadonlyMap<number, readonly number[]>;
}

function assertCellSize(n: number, id: string): void {
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cell ${id}: n must be a non-negative integer, got ${n}`);
}

function assertTotalMatchesGroups(row: Row, sizes: readonly (number | null)[]): void {
	const total = row.total === undefined ? null : sizes[row.total];
	if (total === null) return;
	const visibleSizes = row.groups.flatMap((cell) => sizes[cell] ?? []);
	const visibleSum = visibleSizes.reduce((sum, n) => sum + n, 0);
	const allVisible = visibleSizes.length === row.groups.length;
	if (allVisible ? visibleSum !== total : visibleSum > total) {
		throw new RangeError(
			`row ${row.description}: the ${ALL_GROUPS} cell (n = ${total}) must equal the sum of its groups (${visibleSum}${allVisible ? '' : ' visible'})`
		);
	}
}

function addToRow(rows: Map<string, Row>, description: string, cell: number, group: string): void {
	let row = rows.get(description);
	if (row === undefined) {
		row = { description, total: undefined, groups: [] };
		rows.set(description, row);
	}
	if (group === ALL_GROUPS) row.total = cell;
	else row.groups.push(cell);
}

function indexTable(cells: readonly ResultCell<unknown>[]): IndexedTable {
	const ids = cells.map((cell) => cellId(cell.key));
	const seen = new Set<string>();
	for (const id of ids) {
		if (seen.has(id)) throw new RangeError(`cell ${id} appears twice`);
		seen.add(id);
	}
	const sizes = cells.map((cell, index) => {
		if (isSuppressedCell(cell)) return null;
		assertCellSize(cell.n, ids[index]);
		return cell.n;
	});
	const participationRows = new Map<string, Row>();
	const ratingRows = new Map<string, Row>();
	const participationCells = new Map<number, Map<string, number>>();
	cells.forEach(({ key }, cell) => {
		if (key.kind !== 'participation') return;
		addToRow(participationRows, rowId(key), cell, key.group);
		const round = participationCells.get(key.round) ?? new Map<string, number>();
		participationCells.set(key.round, round.set(key.group, cell));
	});
	const ratingCellsOfParticipation = new Map<number, number[]>();
	cells.forEach(({ key }, cell) => {
		if (key.kind !== 'rating') return;
		addToRow(ratingRows, rowId(key), cell, key.group);
		const participation = participationCells.get(key.round)?.get(key.group);
		if (participation === undefined) return;
		const ratingCells = ratingCellsOfParticipation.get(participation);
		if (ratingCells) ratingCells.push(cell);
		else ratingCellsOfParticipation.set(participation, [cell]);
	});
	const table: IndexedTable = {
		ids,
		groups: cells.map((cell) => cell.key.group),
		sizes,
		inputReasons: cells.map((cell) => (isSuppressedCell(cell) ? cell.suppressed : undefined)),
		participationRows: [...participationRows.values()],
		ratingRows: [...ratingRows.values()],
		ratingCellsOfParticipation
	};
	for (const row of [...table.participationRows, ...table.ratingRows]) assertTotalMatchesGroups(row, sizes);
	return table;
}

/** total − visible groups reveals nothing: no single hidden group, and a union of 0 or ≥ k. */
function isRowSafe(hiddenGroups: number, residual: number, threshold: number): boolean {
	return hiddenGroups !== 1 && !(residual > 0 && residual < threshold);
}

/**
 * Cells of the row that must be hidden at this threshold, given what is hidden already.
 * Complements are tried smallest positive n first (they protect most for least), then n = 0,
 * then the total; ties by group key.
 */
function protectRow(row: Row, threshold: number, table: IndexedTable, hidden: Uint8Array): number[] {
	const size = (cell: number) => table.sizes[cell] ?? 0;
	const isHidden = (cell: number) => hidden[cell] === 1 || (size(cell) > 0 && size(cell) < threshold);
	const cells = row.total === undefined ? row.groups : [row.total, ...row.groups];
	const toHide = cells.filter(isHidden);
	if (row.total === undefined || isHidden(row.total)) return toHide;
	const visibleGroups = row.groups.filter((cell) => !isHidden(cell));
	let hiddenGroups = row.groups.length - visibleGroups.length;
	let residual = size(row.total) - visibleGroups.reduce((sum, cell) => sum + size(cell), 0);
	const complementRank = (cell: number) => (size(cell) === 0 ? Number.POSITIVE_INFINITY : size(cell));
	const byGroup = (a: number, b: number) => (table.groups[a] < table.groups[b] ? -1 : table.groups[a] > table.groups[b] ? 1 : 0);
	const candidates = visibleGroups.sort((a, b) => complementRank(a) - complementRank(b) || byGroup(a, b));
	for (const candidate of candidates) {
		if (isRowSafe(hiddenGroups, residual, threshold)) return toHide;
		toHide.push(candidate);
		hiddenGroups += 1;
		residual += size(candidate);
	}
	if (!isRowSafe(hiddenGroups, residual, threshold)) toHide.push(row.total);
	return toHide;
}

/**
 * One protection pass at a threshold, adding to `hidden`: participation rows first, then each of
 * their hidden groups across the round, then the rating rows.
 */
function protectAtThreshold(table: IndexedTable, threshold: number, hidden: Uint8Array): void {
	for (const cell of table.participationRows.flatMap((row) => protectRow(row, threshold, table, hidden))) {
		hidden[cell] = 1;
		for (const ratingCell of table.ratingCellsOfParticipation.get(cell) ?? []) hidden[ratingCell] = 1;
	}
	for (const cell of table.ratingRows.flatMap((row) => protectRow(row, threshold, table, hidden))) hidden[cell] = 1;
}

function reasonsFor(table: IndexedTable, hidden: Uint8Array, k: number): Map<string, SuppressionReason> {
	const ownReason = (cell: number): SuppressionReason => {
		const n = table.sizes[cell];
		return table.inputReasons[cell] ?? (n !== null && n > 0 && n < k ? 'below_k' : 'complementary');
	};
	const reasons = table.sizes.map((_, cell) => (hidden[cell] === 1 ? ownReason(cell) : undefined));
	for (const [participation, ratingCells] of table.ratingCellsOfParticipation) {
		if (reasons[participation] !== 'below_k') continue;
		for (const cell of ratingCells) reasons[cell] = table.inputReasons[cell] ?? 'below_k';
	}
	return new Map(reasons.flatMap((reason, cell) => (reason === undefined ? [] : [[table.ids[cell], reason]])));
}

/**
 * Decides which cells of a result table must not be shown, and why, keyed by cellId. Cells that
 * arrive already suppressed stay suppressed with their reason, so a protected table can be
 * passed through again. Throws on k < 3, on duplicate cells, on negative or fractional n and on
 * a total that does not equal the sum of its groups. Cost: O(cells · (k − 2)).
 */
export function findSuppressedCells(
	cells: readonly ResultCell<unknown>[],
	options: SuppressionOptions = {}
): ReadonlyMap<string, SuppressionReason> {
	const k = validMinimumGroupSize(options.minimumGroupSize);
	const table = indexTable(cells);
	const hidden = Uint8Array.from(table.sizes, (n) => (n === null ? 1 : 0));
	for (let threshold = SMALLEST_ALLOWED_MINIMUM_GROUP_SIZE; threshold <= k; threshold += 1) {
		protectAtThreshold(table, threshold, hidden);
	}
	return reasonsFor(table, hidden, k);
}

/** Replaces every suppressed cell by one that carries only its key and the reason. */
export function stripSuppressedFigures<Figures>(
	cells: readonly ResultCell<Figures>[],
	suppressed: ReadonlyMap<string, SuppressionReason>
): ResultCell<Figures>[] {
	return cells.map((cell) => {
		const reason = suppressed.get(cellId(cell.key));
		return reason === undefined ? cell : { key: cell.key, suppressed: reason };
	});
}

/** findSuppressedCells + stripSuppressedFigures: what a view, export or API response shows. */
export function protectResultTable<Figures>(
	cells: readonly ResultCell<Figures>[],
	options: SuppressionOptions = {}
): ResultCell<Figures>[] {
	return stripSuppressedFigures(cells, findSuppressedCells(cells, options));
}
