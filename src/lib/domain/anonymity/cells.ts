/** Group key of the row total ("alle Gruppen"); no stakeholder group may use it. */
export const ALL_GROUPS = 'all';

export type SuppressionReason = 'below_k' | 'complementary';

/** A rating figure: one measure (e.g. importance) of one competence in one horizon, for one group. */
export interface RatingCellKey {
	readonly kind: 'rating';
	readonly round: number;
	readonly competence: string;
	readonly measure: string;
	/** null for measures without a time horizon (e.g. current proficiency). */
	readonly horizon: string | null;
	readonly group: string;
}

/** How many people of a group (or ALL_GROUPS) took part in a round. */
export interface ParticipationCellKey {
	readonly kind: 'participation';
	readonly round: number;
	readonly group: string;
}

export type CellKey = RatingCellKey | ParticipationCellKey;

/**
 * A cell with its figures. n is the number of people the figures describe: for a rating cell
 * the number of 1–5 ratings, for a participation cell the number of participants.
 */
export interface VisibleCell<Figures> {
	readonly key: CellKey;
	readonly n: number;
	readonly figures: Figures;
}

/** A suppressed cell carries no figures at all, not even n. */
export interface SuppressedCell {
	readonly key: CellKey;
	readonly suppressed: SuppressionReason;
}

export type ResultCell<Figures> = VisibleCell<Figures> | SuppressedCell;

export function isSuppressedCell<Figures>(cell: ResultCell<Figures>): cell is SuppressedCell {
	return 'suppressed' in cell;
}

/** Stable string identity of a cell, used as map key. */
export function cellId(key: CellKey): string {
	return key.kind === 'rating'
		? JSON.stringify([key.kind, key.round, key.competence, key.measure, key.horizon, key.group])
		: JSON.stringify([key.kind, key.round, key.group]);
}

/** Identity of the row a cell belongs to: the key without its group. */
export function rowId(key: CellKey): string {
	return key.kind === 'rating'
		? JSON.stringify([key.kind, key.round, key.competence, key.measure, key.horizon])
		: JSON.stringify([key.kind, key.round]);
}
