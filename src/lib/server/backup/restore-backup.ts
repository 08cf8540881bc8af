import pg from 'pg';
import { formatCount } from '../../format/numbers';
import { MIGRATION_LOCK_KEY } from '../db/advisory-locks';
import { grantAppAccess } from '../db/roles';
import { applyMigrations, appTables, BACKUP_SCHEMA, migrationLevel, quoteIdent, shippedMigrations, tableRef, type Migration } from './app-tables';
import { rowCount } from './create-backup';
import { AppError } from '../errors';
import { backupRows, RestoreFailedError, RestoreRefusedError, verifyBackup, type BackupManifest } from './backup-file';

export interface RestoreContext {
	/** The owner role's connection: it may empty tables, set sequences and run migrations. */
	ownerUrl: string;
	/** The role the app connects as, when it is not the owner: it gets its rights back after a rebuilt schema. */
	appRole?: string;
	log: (line: string) => void;
}

const count = (n: number) => formatCount('de', n);

async function rowsIn(client: pg.ClientBase, table: string): Promise<number> {
	const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tableRef(table)}`);
	return rows[0].n;
}

function checkLevel(file: string, manifest: BackupManifest, shipped: Migration[]): void {
	const { count: level, tag } = manifest.migration;
	if (level > shipped.length)
		throw new RestoreRefusedError(
			`Die Sicherung „${file}“ stammt von einer neueren Version von Stadtwissen (${manifest.appVersion}, Migrationsstand ${manifest.migration.tag}). Aktualisieren Sie Stadtwissen zuerst; es wurde nichts verändert.`
		);
	// By the migration's tag (its journal time, as drizzle tells migrations apart), not the file's hash, which line endings change.
	if (level > 0 && shipped[level - 1].tag !== tag)
		throw new RestoreRefusedError(
			`Die Sicherung „${file}“ hat einen Migrationsstand (${manifest.migration.tag ?? level}), den diese Version von Stadtwissen nicht kennt. Es wurde nichts verändert.`
		);
}

/**
 * Restores a backup in one transaction — a failure anywhere leaves the database as it was. The
 * whole file is read and its checksum checked before anything is written. A database holding
 * organisations or accounts is refused unless `replace`; the app's tables are then emptied
 * (a fresh database has only the shipped frameworks, which the file brings too). Tables load in
 * the file's foreign-key order; sequences get the snapshot's values. A file from an older
 * version is loaded into the schema of its own migration level, rebuilt from the shipped
 * migrations, and the newer migrations then run over its rows, as an upgrade would.
 */
export async function restoreBackup(
	ctx: RestoreContext,
	input: { file: string; replace: boolean }
): Promise<{ manifest: BackupManifest; migrated: string[]; replaced: boolean }> {
	const manifest = await verifyBackup(input.file);
	const shipped = shippedMigrations();
	checkLevel(input.file, manifest, shipped);
	const client = new pg.Client({ connectionString: ctx.ownerUrl });
	await client.connect();
	let step = 'Vorbereitung';
	try {
		await client.query('BEGIN');
		await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
		const current = await migrationLevel(client);
		const existing = await appTables(client);
		const has = (name: string) => existing.some((table) => table.name === name);
		const organisations = has('organisations') ? await rowsIn(client, 'organisations') : 0;
		const users = has('users') ? await rowsIn(client, 'users') : 0;
		if ((organisations || users) && !input.replace)
			throw new RestoreRefusedError(
				`Die Datenbank enthält bereits Daten (${count(organisations)} Organisation(en), ${count(users)} Konto/Konten). Stellen Sie in eine leere Datenbank wieder her oder ersetzen Sie alles mit --replace. Es wurde nichts verändert.`
			);
		if (current.count > shipped.length || (current.count > 0 && shipped[current.count - 1].tag !== current.tag))
			throw new RestoreRefusedError('Die Datenbank hat einen Migrationsstand, den diese Version von Stadtwissen nicht kennt. Es wurde nichts verändert.');
		const level = manifest.migration.count;
		if (level > current.count) {
			// The file is newer than the database, but not than this version (checked above): bring the database up first.
			await applyMigrations(client, shipped.slice(current.count, level));
		}
		const rebuild = level < current.count;
		step = 'Schema';
		if (rebuild) {
			ctx.log(`Die Sicherung hat den älteren Migrationsstand ${manifest.migration.tag ?? '(keiner)'}; das Schema wird auf diesem Stand neu angelegt …`);
			await client.query(`DROP SCHEMA ${quoteIdent(BACKUP_SCHEMA)} CASCADE`);
			await client.query(`CREATE SCHEMA ${quoteIdent(BACKUP_SCHEMA)}`);
			await client.query('DELETE FROM drizzle.__drizzle_migrations');
			await applyMigrations(client, shipped.slice(0, level));
		} else {
			const tables = (await appTables(client)).map((table) => tableRef(table.name));
			if (tables.length) await client.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY`);
		}
		let loaded = '';
		let rows = 0;
		for await (const batch of backupRows(input.file, manifest)) {
			if (batch.table.name !== loaded) {
				loaded = batch.table.name;
				step = `Tabelle ${loaded}`;
				rows = 0;
			}
			const columns = batch.table.columns.map(quoteIdent).join(', ');
			await client.query(`INSERT INTO ${tableRef(loaded)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${tableRef(loaded)}, $1::json)`, [
				`[${batch.rows.join(',')}]`
			]);
			rows += batch.rows.length;
			if (rows === batch.table.rows) ctx.log(`Stelle Tabelle ${loaded} wieder her: ${rowCount(rows)} …`);
		}
		step = 'Sequenzen';
		for (const sequence of manifest.sequences)
			await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [tableRef(sequence.name), sequence.value, sequence.isCalled]);
		const newer = shipped.slice(level, rebuild ? current.count : level);
		step = 'Migrationen';
		if (newer.length) {
			ctx.log(`Migrationen nach der Sicherung: ${newer.map((migration) => migration.tag).join(', ')} …`);
			await applyMigrations(client, newer);
		}
		if (rebuild && ctx.appRole) await grantAppAccess(client, ctx.appRole);
		await client.query('COMMIT');
		return { manifest, migrated: newer.map((migration) => migration.tag), replaced: Boolean(organisations || users) };
	} catch (error) {
		await client.query('ROLLBACK').catch(() => {});
		if (error instanceof AppError) throw error;
		throw new RestoreFailedError(step, `PostgreSQL meldet „${(error as Error).message}“.`);
	} finally {
		await client.end().catch(() => {});
	}
}
