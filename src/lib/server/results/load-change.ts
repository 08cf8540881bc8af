import { sql } from 'drizzle-orm';
import { roundChange, type ItemChange, type TransitionCount } from '../../domain/results/round-change';
import type { ProtectedRound, RoundItem } from '../../domain/results/round-table';
import type { Db } from '../db/client';
import type { Study } from '../studies/get-study';

/** The summed transition counters of a round (previous → current value per item and group). */
export async function readTransitions(db: Db, studyId: string, round: number): Promise<TransitionCount[]> {
	const result = await db.execute<{ competence: string; measure: string; horizon: string; group_key: string; previous_value: number; current_value: number; count: number }>(sql`
		SELECT competence, measure, horizon, group_key, previous_value, current_value, sum(count)::int count
		FROM transition_counters WHERE study_id = ${studyId} AND round = ${round}
		GROUP BY competence, measure, horizon, group_key, previous_value, current_value`);
	return result.rows.map((row) => ({
		competence: row.competence,
		measure: row.measure,
		horizon: row.horizon,
		group: row.group_key,
		previous: row.previous_value,
		current: row.current_value,
		count: row.count
	}));
}

/**
 * Round R against R − 1 (R ≥ 2): the pair figures from the transition counters, the rest from the
 * two protected rounds, with the visibility rules of roundChange.
 */
export async function loadRoundChange(db: Db, study: Pick<Study, 'id' | 'groups' | 'minGroupSize'>, previous: ProtectedRound, current: ProtectedRound, items: readonly RoundItem[]): Promise<ItemChange[]> {
	return roundChange({
		previous,
		current,
		groups: study.groups.map((g) => g.key),
		items,
		transitions: await readTransitions(db, study.id, current.round),
		minGroupSize: study.minGroupSize
	});
}
