import { Readable, Transform, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { Database, Db } from '../db/client';
import { AppError } from '../errors';
import type { DownloadFile } from '../http/download';
import { getStudy, type Study } from '../studies/get-study';
import type { TenantContext } from '../tenant';
import { parseRound } from './parse-round';
import { rawExportAllowed } from '../../domain/anonymity/raw-export';
import { protectFromFormula } from '../../format/spreadsheet';
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
	const labels = new Map(study.groups.map((g) => [g.key, g.label]));
	// A state-wide study has millions of answers: rows flow from a cursor through the CSV writer
	// to the response, never all in memory at once.
	const query = new QueryStream(
		`WITH responses AS (
			SELECT response_id, row_number() OVER (ORDER BY random()) AS n
			FROM (SELECT DISTINCT response_id FROM answers WHERE study_id = $1 AND round = $2) AS distinct_responses
		)
		SELECT responses.n, a.group_key, a.competence, a.measure, a.horizon, a.value
		FROM answers a JOIN responses USING (response_id)
		WHERE a.study_id = $1 AND a.round = $2
		ORDER BY responses.n, a.competence, a.measure, a.horizon`,
		[study.id, results.round],
		{ batchSize: 2000 }
	);
	const toRecord = new Transform({
		objectMode: true,
		transform(row: RawRow, _encoding, done) {
			done(null, [
				String(row.n),
				row.group_key,
				protectFromFormula(labels.get(row.group_key) ?? row.group_key),
				row.competence,
				MEASURE_NAMES[row.measure] ?? row.measure,
				row.horizon,
				row.value === null ? '' : String(row.value),
				row.value === null ? '1' : '0'
			]);
		}
	});
	const client = await poolOf(db).connect();
	const csv = pipeline(client.query(query), toRecord, stringify({ delimiter: ';', record_delimiter: 'windows', bom: true, header: true, columns: [...RAW_COLUMNS] }), (error) =>
		client.release(error ?? undefined)
	);
	return {
		body: Readable.toWeb(csv) as ReadableStream<Uint8Array>,
		contentType: 'text/csv; charset=utf-8',
		fileName: `rohdaten-${titleSlug(study.title)}-runde-${results.round}.csv`
	};
}

interface RawRow {
	n: string;
	group_key: string;
	competence: string;
	measure: string;
	horizon: string;
	value: number | null;
}

/** The pool behind `db`: a cursor needs a connection of its own for as long as the download runs. */
function poolOf(db: Db): pg.Pool {
	return (db as Database).$client;
}

/** The raw answers of a study's round (`runde` as sent; the latest closed round by default) for its organisation. */
export async function rawAnswersFile(ctx: TenantContext, studyId: string, round: string | null): Promise<DownloadFile> {
	return rawAnswersCsv(ctx.db, await getStudy(ctx, studyId), parseRound(round));
}
