import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** Every submission picks one shard for its participation and transition counts (submit_answers), so concurrent submissions rarely wait for each other. */
export const COUNTER_SHARDS = 256;

export interface CounterRow {
	round: number;
	competence: string;
	measure: string;
	horizon: string;
	group: string;
	counts: [number, number, number, number, number];
	dontKnow: number;
}

/** The histograms of a closed round (none before it closed): the cost depends on the number of cells, not of participants. */
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
 * When a round closes, its histograms are counted from its answers (one row per cell) and the
 * shards of the transition and participation counters, which spread concurrent submissions, are
 * summed into shard 0: every later read sums one row per cell. Runs in the closing transaction,
 * after running submissions finished and while new ones wait (see waitForRunningSubmissions).
 */
export async function countClosedRound(tx: Db, studyId: string, round: number): Promise<void> {
	await tx.execute(sql`DELETE FROM result_counters WHERE study_id = ${studyId} AND round = ${round}`);
	await tx.execute(sql`
		INSERT INTO result_counters (study_id, round, competence, measure, horizon, group_key, shard, c1, c2, c3, c4, c5, dont_know)
		SELECT ${studyId}::uuid, ${round}::smallint, competence, measure, horizon, group_key, 0,
			count(*) FILTER (WHERE value = 1), count(*) FILTER (WHERE value = 2), count(*) FILTER (WHERE value = 3),
			count(*) FILTER (WHERE value = 4), count(*) FILTER (WHERE value = 5), count(*) FILTER (WHERE value IS NULL)
		FROM answers WHERE study_id = ${studyId} AND round = ${round}
		GROUP BY competence, measure, horizon, group_key`);
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
