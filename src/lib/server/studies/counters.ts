import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Every submission picks one shard (submit_answers), so concurrent submissions rarely wait for each other. */
export const COUNTER_SHARDS = 32;

export interface CounterRow {
	round: number;
	competence: string;
	measure: string;
	horizon: string;
	group: string;
	counts: [number, number, number, number, number];
	dontKnow: number;
}

/** The summed histograms of a study round: the cost depends on the number of cells, not of participants. */
export async function readCounters(db: Db, studyId: string, round: number): Promise<CounterRow[]> {
	const result = await db.execute<{ competence: string; measure: string; horizon: string; group_key: string; c1: number; c2: number; c3: number; c4: number; c5: number; dont_know: number }>(sql`
		SELECT competence, measure, horizon, group_key, sum(c1)::int c1, sum(c2)::int c2, sum(c3)::int c3, sum(c4)::int c4, sum(c5)::int c5, sum(dont_know)::int dont_know
		FROM result_counters WHERE study_id = ${studyId} AND round = ${round}
		GROUP BY competence, measure, horizon, group_key`);
	return result.rows.map((row) => ({
		round,
		competence: row.competence,
		measure: row.measure,
		horizon: row.horizon,
		group: row.group_key,
		counts: [row.c1, row.c2, row.c3, row.c4, row.c5],
		dontKnow: row.dont_know
	}));
}

export async function readParticipation(db: Db, studyId: string, round: number): Promise<Map<string, number>> {
	const result = await db.execute<{ group_key: string; finished: number }>(sql`
		SELECT group_key, sum(finished)::int finished FROM participation_counters WHERE study_id = ${studyId} AND round = ${round} GROUP BY group_key`);
	return new Map(result.rows.map((row) => [row.group_key, row.finished]));
}

/**
 * When a round closes its counters stop changing, so the shards that spread concurrent submissions
 * are summed into shard 0: every later read of the round sums one row per cell instead of up to
 * COUNTER_SHARDS. Exactly the rows deleted are added, in one statement per table.
 */
export async function foldRoundCounters(tx: Db, studyId: string, round: number): Promise<void> {
	await tx.execute(sql`
		WITH moved AS (DELETE FROM result_counters WHERE study_id = ${studyId} AND round = ${round} AND shard <> 0 RETURNING *)
		INSERT INTO result_counters AS c (study_id, round, competence, measure, horizon, group_key, shard, c1, c2, c3, c4, c5, dont_know)
		SELECT study_id, round, competence, measure, horizon, group_key, 0, sum(c1), sum(c2), sum(c3), sum(c4), sum(c5), sum(dont_know)
		FROM moved GROUP BY study_id, round, competence, measure, horizon, group_key
		ON CONFLICT (study_id, round, competence, measure, horizon, group_key, shard) DO UPDATE SET
			c1 = c.c1 + excluded.c1, c2 = c.c2 + excluded.c2, c3 = c.c3 + excluded.c3,
			c4 = c.c4 + excluded.c4, c5 = c.c5 + excluded.c5, dont_know = c.dont_know + excluded.dont_know`);
	await tx.execute(sql`
		WITH moved AS (DELETE FROM transition_counters WHERE study_id = ${studyId} AND round = ${round} AND shard <> 0 RETURNING *)
		INSERT INTO transition_counters AS c (study_id, round, competence, measure, horizon, group_key, previous_value, current_value, shard, count)
		SELECT study_id, round, competence, measure, horizon, group_key, previous_value, current_value, 0, sum(count)
		FROM moved GROUP BY study_id, round, competence, measure, horizon, group_key, previous_value, current_value
		ON CONFLICT (study_id, round, competence, measure, horizon, group_key, previous_value, current_value, shard) DO UPDATE SET count = c.count + excluded.count`);
	await tx.execute(sql`
		WITH moved AS (DELETE FROM participation_counters WHERE study_id = ${studyId} AND round = ${round} AND shard <> 0 RETURNING *)
		INSERT INTO participation_counters AS c (study_id, round, group_key, shard, finished)
		SELECT study_id, round, group_key, 0, sum(finished) FROM moved GROUP BY study_id, round, group_key
		ON CONFLICT (study_id, round, group_key, shard) DO UPDATE SET finished = c.finished + excluded.finished`);
}
