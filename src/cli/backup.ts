import path from 'node:path';
import { createBackup, defaultBackupFile, rowCount } from '../lib/server/backup/create-backup';
import { restoreBackup } from '../lib/server/backup/restore-backup';
import { roleOf } from '../lib/server/db/migrate';
import { dayAndTime } from '../lib/format/berlin-time';
import { note, openDatabase, say } from './database';
import type { Command } from './command';
import { CliError, UsageError } from './usage-error';
import { readConfig } from '../lib/server/config';
import { lockHolder } from '../lib/server/platform/embedded-postgres';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;

async function withOwner<T>(work: (running: { ownerUrl: string; url: string }) => Promise<T>): Promise<T> {
	const running = await openDatabase({ log: note, besideRunningServer: true });
	try {
		return await work(running);
	} finally {
		await running.shutdown();
	}
}

/**
 * A restore replaces what a running server works on (its sessions, caches, counters in memory):
 * with the embedded database the lock file tells whether a server runs, and then it must stop first.
 */
function refuseBesideRunningServer(): void {
	const config = readConfig();
	if (config.DATABASE_URL) return;
	const server = lockHolder(config.dataDir);
	if (server === null) return;
	throw new CliError(
		`Stadtwissen läuft gerade mit diesem Datenverzeichnis (${config.dataDir}, Prozess ${server}). Beenden Sie den Server zuerst (Strg+C im Fenster des Servers oder „kill ${server}“) und starten Sie die Wiederherstellung dann erneut; danach den Server wieder starten.\nStadtwissen is running with this data directory (process ${server}): stop it before restoring.`
	);
}

export const backupCommands: Record<string, Command> = {
	backup: {
		summary: 'Sichert alle Tabellen in eine komprimierte Datei (ein einheitlicher Stand, auch während der Server läuft).',
		usage: '[--output DATEI]',
		options: { output: { type: 'string', description: 'Zieldatei (Standard: stadtwissen-sicherung-JJJJ-MM-TT-HHMM.swb.gz im aktuellen Verzeichnis)' } },
		async run(values) {
			const now = new Date();
			const output = path.resolve(typeof values.output === 'string' && values.output ? values.output : defaultBackupFile(now));
			const { manifest, bytes } = await withOwner(({ ownerUrl }) => createBackup({ ownerUrl, log: note, now }, { output }));
			const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
			say(
				`Sicherung fertig: ${output}\n${manifest.tables.length} Tabellen, ${rowCount(rows)}, ${megabytes(bytes)}; Version ${manifest.appVersion}, Migrationsstand ${manifest.migration.tag ?? '–'}\nSHA-256 der Daten: ${manifest.sha256}`
			);
			return 0;
		}
	},
	restore: {
		summary: 'Stellt eine Sicherung wieder her (prüft sie zuerst; alles oder nichts, in einer Transaktion).',
		usage: 'DATEI [--replace]',
		positionals: 1,
		options: { replace: { type: 'boolean', description: 'Ersetzt die vorhandenen Daten (sonst nur in eine leere Datenbank)' } },
		async run(values, positionals) {
			if (positionals.length !== 1) throw new UsageError('Geben Sie genau eine Sicherungsdatei an.');
			refuseBesideRunningServer();
			const file = path.resolve(positionals[0]);
			const result = await withOwner(async ({ ownerUrl, url }) =>
				restoreBackup({ ownerUrl, appRole: ownerUrl === url ? undefined : await roleOf(url), log: note }, { file, replace: values.replace === true })
			);
			const rows = result.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
			say(
				[
					`Wiederhergestellt: ${file}, Stand ${dayAndTime('de', result.manifest.createdAt)} (Version ${result.manifest.appVersion}), ${result.manifest.tables.length} Tabellen, ${rowCount(rows)}.`,
					...(result.replaced ? ['Die vorherigen Daten wurden ersetzt.'] : []),
					...(result.migrated.length ? [`Danach ausgeführte Migrationen: ${result.migrated.join(', ')}.`] : [])
				].join('\n')
			);
			return 0;
		}
	}
};
