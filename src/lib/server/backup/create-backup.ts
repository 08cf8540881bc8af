import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { berlinWallClock } from '../../format/berlin-time';
import { formatCount } from '../../format/numbers';
import { AppError } from '../errors';
import { appSequences, appTables, migrationLevel, tableRef } from './app-tables';
import { appVersion } from './app-version';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest, type BackupTable } from './backup-file';

/** A backup holds e-mail addresses and password hashes: readable by its owner only (umask may narrow further, never widen). */
const PRIVATE = 0o600;

export interface BackupContext {
	/** The owner role's connection (it owns every table, and drizzle's record of migrations). */
	ownerUrl: string;
	log: (line: string) => void;
	now: Date;
}

/** `stadtwissen-sicherung-2026-12-07-0130.swb.gz` (German time) in the current directory, unless the operator names a file. */
export function defaultBackupFile(now: Date): string {
	const { year, month, day, hour, minute } = berlinWallClock(now);
	const two = (n: number) => String(n).padStart(2, '0');
	return `stadtwissen-sicherung-${year}-${two(month)}-${two(day)}-${two(hour)}${two(minute)}.swb.gz`;
}

/** „1 Zeile“, „20.338 Zeilen“ */
export const rowCount = (n: number) => `${formatCount('de', n)} ${n === 1 ? 'Zeile' : 'Zeilen'}`;

/**
 * One consistent snapshot of every table of the app's schema: a single read-only REPEATABLE READ
 * transaction sees the database as at its first query, while the server goes on writing. Rows
 * go gzipped into a temporary file while their checksum is taken; the manifest (which needs the
 * counts and the checksum) is then written as the first gzip member and the rows appended as
 * the second — one gzip stream to every reader. The file appears under its name only when complete.
 */
export async function createBackup(ctx: BackupContext, input: { output: string }): Promise<{ file: string; manifest: BackupManifest; bytes: number }> {
	const folder = path.dirname(input.output);
	if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new AppError('bad_request', `Das Verzeichnis „${folder}“ gibt es nicht. Legen Sie es an oder wählen Sie mit --output ein anderes.`);
	const client = new pg.Client({ connectionString: ctx.ownerUrl });
	const rowsFile = `${input.output}.zeilen.tmp`;
	const partFile = `${input.output}.tmp`;
	await client.connect();
	try {
		await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
		const migration = await migrationLevel(client);
		const tables = await appTables(client);
		const sequences = await appSequences(client);
		const hash = createHash('sha256');
		const gzip = createGzip();
		const written = pipeline(gzip, fs.createWriteStream(rowsFile, { mode: PRIVATE }));
		const counted: BackupTable[] = [];
		for (const table of tables) {
			const stream = client.query(new QueryStream(`SELECT row_to_json(t)::text AS r FROM ${tableRef(table.name)} t`, [], { batchSize: 1000 }));
			let rows = 0;
			for await (const row of stream as AsyncIterable<{ r: string }>) {
				const line = row.r + '\n';
				hash.update(line);
				rows++;
				if (!gzip.write(line)) await once(gzip, 'drain');
			}
			counted.push({ name: table.name, columns: table.columns, rows });
			ctx.log(`Sichere Tabelle ${table.name}: ${rowCount(rows)} …`);
		}
		gzip.end();
		await written;
		await client.query('COMMIT');
		const manifest: BackupManifest = {
			format: BACKUP_FORMAT,
			formatVersion: BACKUP_FORMAT_VERSION,
			appVersion: appVersion(),
			createdAt: ctx.now.toISOString(),
			migration,
			tables: counted,
			sequences,
			sha256: hash.digest('hex')
		};
		fs.writeFileSync(partFile, gzipSync(JSON.stringify(manifest) + '\n'), { mode: PRIVATE });
		await pipeline(fs.createReadStream(rowsFile), fs.createWriteStream(partFile, { flags: 'a' }));
		fs.renameSync(partFile, input.output);
		return { file: input.output, manifest, bytes: fs.statSync(input.output).size };
	} finally {
		await client.end().catch(() => {});
		fs.rmSync(rowsFile, { force: true });
		fs.rmSync(partFile, { force: true });
	}
}
