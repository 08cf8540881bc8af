import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors';

/**
 * A Stadtwissen backup is one gzip file of text lines: the manifest (one JSON line), then the rows
 * of every table in the manifest's order, one JSON object per line (PostgreSQL's row_to_json), so
 * `zcat datei | head -1` shows what a file holds. The checksum covers every byte after the
 * manifest line.
 */
export const BACKUP_FORMAT = 'stadtwissen-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTable {
	name: string;
	columns: string[];
	rows: number;
}

export interface BackupManifest {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	appVersion: string;
	createdAt: string;
	/** Drizzle migrations applied: how many, and the last one's tag and hash. */
	migration: { count: number; tag: string | null; hash: string | null };
	/** In foreign-key order: a table's rows may refer only to tables before it. */
	tables: BackupTable[];
	/** Values of the schema's sequences at the snapshot (restored with setval). */
	sequences: { name: string; value: string; isCalled: boolean }[];
	sha256: string;
}

/** The database refused the restore part way (a row, a migration): the transaction is rolled back. */
export class RestoreFailedError extends AppError {
	constructor(step: string, reason: string) {
		super('conflict', `Die Wiederherstellung ist gescheitert (${step}): ${reason} Die Datenbank ist unverändert.`);
	}
}

/** A file that is not a backup, or one that changed after it was written: nothing was written. */
export class DamagedBackupError extends AppError {
	constructor(file: string, reason: string) {
		super('validation_failed', `Die Datei „${file}“ ist keine gültige Stadtwissen-Sicherung oder beschädigt: ${reason} Es wurde nichts verändert.`);
	}
}

/** The restore refuses: the target is not empty, or the file's migration level does not fit. */
export class RestoreRefusedError extends AppError {
	constructor(message: string) {
		super('conflict', message);
	}
}

/** The lines of a backup file, gunzipped; gzip errors surface as DamagedBackupError. */
export async function* backupLines(file: string): AsyncGenerator<string> {
	const gunzip = createGunzip();
	const source = fs.createReadStream(file);
	let failure: Error | undefined;
	source.on('error', (error) => gunzip.destroy(error));
	gunzip.on('error', (error) => (failure = error));
	const lines = readline.createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
	try {
		for await (const line of lines) yield line;
	} catch (error) {
		failure ??= error as Error;
	}
	if (failure) {
		if ((failure as NodeJS.ErrnoException).code === 'ENOENT') throw new RestoreRefusedError(`Die Datei „${file}“ gibt es nicht.`);
		throw new DamagedBackupError(file, `Sie lässt sich nicht entpacken (${failure.message}).`);
	}
}

function parseManifest(file: string, line: string | undefined): BackupManifest {
	let manifest: BackupManifest;
	try {
		manifest = JSON.parse(line ?? '');
	} catch {
		throw new DamagedBackupError(file, 'Die erste Zeile ist kein Verzeichnis der Sicherung.');
	}
	if (manifest?.format !== BACKUP_FORMAT || !Array.isArray(manifest.tables)) throw new DamagedBackupError(file, 'Die erste Zeile ist kein Verzeichnis der Sicherung.');
	if (manifest.formatVersion !== BACKUP_FORMAT_VERSION)
		throw new RestoreRefusedError(`Die Sicherung „${file}“ hat das Format ${manifest.formatVersion}; diese Version von Stadtwissen liest Format ${BACKUP_FORMAT_VERSION}.`);
	return manifest;
}

/**
 * Reads the whole file once before anything is written: the manifest, the checksum of the rows,
 * and the row count of every table.
 */
export async function verifyBackup(file: string): Promise<BackupManifest> {
	const hash = createHash('sha256');
	let manifest: BackupManifest | undefined;
	let rows = 0;
	for await (const line of backupLines(file)) {
		if (!manifest) {
			manifest = parseManifest(file, line);
			continue;
		}
		hash.update(line + '\n');
		rows++;
	}
	if (!manifest) throw new DamagedBackupError(file, 'Sie ist leer.');
	const expected = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
	if (hash.digest('hex') !== manifest.sha256 || rows !== expected)
		throw new DamagedBackupError(file, 'Die Prüfsumme stimmt nicht mit dem Inhalt überein.');
	return manifest;
}

/** Rows of each table of a verified file, in the manifest's order. */
export async function* backupRows(file: string, manifest: BackupManifest): AsyncGenerator<{ table: BackupTable; rows: string[] }> {
	const batchSize = 500;
	const lines = backupLines(file);
	await lines.next();
	for (const table of manifest.tables) {
		let left = table.rows;
		while (left > 0) {
			const rows: string[] = [];
			while (rows.length < Math.min(batchSize, left)) {
				const next = await lines.next();
				if (next.done) throw new DamagedBackupError(file, `Die Zeilen der Tabelle ${table.name} enden zu früh.`);
				rows.push(next.value);
			}
			left -= rows.length;
			yield { table, rows };
		}
	}
	await lines.return(undefined);
}
