import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import type { DownloadFile } from '../http/download';
import type { Study } from '../studies/manage-study';
import { rawExportAllowed } from './dashboard';
import { neutralised } from './exports/csv';
import { titleSlug } from './exports/sheets';
import { resultsOfStudy } from './get-results';

export const RAW_COLUMNS = ['antwort', 'gruppe', 'gruppe_name', 'kompetenz', 'messgroesse', 'horizont', 'wert', 'weiss_nicht'] as const;

const MEASURE_NAMES: Record<string, string> = { importance: 'wichtigkeit', proficiency: 'beherrschung' };

/**
 * A closed round's answers for R or SPSS: one rating per row, the response numbered 1…N in a
 * random order (shuffled by the database, unrelated to when anyone answered), with group,
 * competence, measure, horizon and value — no date, no response id. Only when every group of
 * the round has at least k participants (decided on the protected figures the dashboard shows);
 * otherwise a 409 that says why.
 */
export async function rawAnswersCsv(db: Db, study: Study, round?: number): Promise<DownloadFile> {
	const results = await resultsOfStudy(db, study, round);
	if (!rawExportAllowed(results)) {
		throw new AppError(
			'conflict',
			`Rohdaten gibt es nur, wenn jede Gruppe in Runde ${results.round} mindestens ${results.minGroupSize} Antworten hat. Das ist hier nicht so – mit den Rohdaten ließen sich sonst einzelne Antworten erkennen. Die zusammengefassten Ergebnisse (CSV, XLSX, PDF) können Sie herunterladen.`
		);
	}
	const rows = await db.execute<{ n: string; group_key: string; competence: string; measure: string; horizon: string; value: number | null }>(sql`
		WITH responses AS (
			SELECT response_id, row_number() OVER (ORDER BY random()) AS n
			FROM (SELECT DISTINCT response_id FROM answers WHERE study_id = ${study.id} AND round = ${results.round}) AS distinct_responses
		)
		SELECT responses.n, a.group_key, a.competence, a.measure, a.horizon, a.value
		FROM answers a JOIN responses USING (response_id)
		WHERE a.study_id = ${study.id} AND a.round = ${results.round}
		ORDER BY responses.n, a.competence, a.measure, a.horizon`);
	const labels = new Map(study.groups.map((g) => [g.key, g.label]));
	const records = [
		[...RAW_COLUMNS],
		...rows.rows.map((row) => [
			String(row.n),
			row.group_key,
			neutralised(labels.get(row.group_key) ?? row.group_key),
			row.competence,
			MEASURE_NAMES[row.measure] ?? row.measure,
			row.horizon,
			row.value === null ? '' : String(row.value),
			row.value === null ? '1' : '0'
		])
	];
	return {
		body: stringify(records, { delimiter: ';', record_delimiter: 'windows', bom: true }),
		contentType: 'text/csv; charset=utf-8',
		fileName: `rohdaten-${titleSlug(study.title)}-runde-${results.round}.csv`
	};
}
