import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AnswerValue, Measure } from '../../domain/study/questionnaire';
import type { Db } from '../db/client';

/** Every submission picks one shard per transaction, so concurrent submissions rarely wait for each other. */
export const COUNTER_SHARDS = 32;

/** Passes a JS array as one PostgreSQL array parameter (drizzle would otherwise expand it into a list). */
const pgArray = (values: unknown[]) => sql.param(values);

export interface CountedAnswer {
	competence: string;
	measure: Measure;
	horizon: string;
	value: AnswerValue;
}

const byKey = <T extends { competence: string; measure: string; horizon: string }>(a: T, b: T) =>
	a.competence < b.competence ? -1 : a.competence > b.competence ? 1 : a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : a.horizon < b.horizon ? -1 : a.horizon > b.horizon ? 1 : 0;

/**
 * Adds one participant's answers to the histogram counters in the same transaction as the answers.
 * Rows are written in one statement, in primary-key order, so concurrent submissions cannot deadlock.
 */
export async function addToCounters(
	tx: Db,
	input: { studyId: string; round: number; group: string; answers: CountedAnswer[]; transitions: (CountedAnswer & { previous: AnswerValue })[] }
): Promise<void> {
	const shard = randomInt(COUNTER_SHARDS);
	const sorted = [...input.answers].sort(byKey);
	if (sorted.length) {
		const column = (v: number) => sorted.map((a) => (a.value === v ? 1 : 0));
		await tx.execute(sql`
			INSERT INTO result_counters (study_id, round, competence, measure, horizon, group_key, shard, c1, c2, c3, c4, c5, dont_know)
			SELECT ${input.studyId}::uuid, ${input.round}::smallint, t.competence, t.measure, t.horizon, ${input.group}, ${shard}::smallint, t.c1, t.c2, t.c3, t.c4, t.c5, t.dont_know
			FROM unnest(${pgArray(sorted.map((a) => a.competence))}::text[], ${pgArray(sorted.map((a) => a.measure))}::text[], ${pgArray(sorted.map((a) => a.horizon))}::text[],
				${pgArray(column(1))}::int[], ${pgArray(column(2))}::int[], ${pgArray(column(3))}::int[], ${pgArray(column(4))}::int[], ${pgArray(column(5))}::int[], ${pgArray(sorted.map((a) => (a.value === null ? 1 : 0)))}::int[])
				AS t(competence, measure, horizon, c1, c2, c3, c4, c5, dont_know)
			ORDER BY t.competence, t.measure, t.horizon
			ON CONFLICT (study_id, round, competence, measure, horizon, group_key, shard) DO UPDATE SET
				c1 = result_counters.c1 + excluded.c1, c2 = result_counters.c2 + excluded.c2, c3 = result_counters.c3 + excluded.c3,
				c4 = result_counters.c4 + excluded.c4, c5 = result_counters.c5 + excluded.c5, dont_know = result_counters.dont_know + excluded.dont_know`);
	}
	await tx.execute(sql`
		INSERT INTO participation_counters (study_id, round, group_key, shard, finished) VALUES (${input.studyId}, ${input.round}, ${input.group}, ${shard}, 1)
		ON CONFLICT (study_id, round, group_key, shard) DO UPDATE SET finished = participation_counters.finished + 1`);
	const transitions = [...input.transitions].sort(byKey);
	if (transitions.length) {
		await tx.execute(sql`
			INSERT INTO transition_counters (study_id, round, competence, measure, horizon, group_key, previous_value, current_value, shard, count)
			SELECT ${input.studyId}::uuid, ${input.round}::smallint, t.competence, t.measure, t.horizon, ${input.group}, t.previous_value, t.current_value, ${shard}::smallint, 1
			FROM unnest(${pgArray(transitions.map((a) => a.competence))}::text[], ${pgArray(transitions.map((a) => a.measure))}::text[], ${pgArray(transitions.map((a) => a.horizon))}::text[],
				${pgArray(transitions.map((a) => a.previous ?? 0))}::smallint[], ${pgArray(transitions.map((a) => a.value ?? 0))}::smallint[])
				AS t(competence, measure, horizon, previous_value, current_value)
			ORDER BY t.competence, t.measure, t.horizon
			ON CONFLICT (study_id, round, competence, measure, horizon, group_key, previous_value, current_value, shard) DO UPDATE SET count = transition_counters.count + 1`);
	}
}

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
