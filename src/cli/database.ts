import { createConditionsCatalogue, createDefaultFramework } from '../lib/domain/framework';
import { readConfig, type Config } from '../lib/server/config';
import { closeDatabase, getDatabase, type Database } from '../lib/server/db/client';
import { migrateDatabase, roleOf } from '../lib/server/db/migrate';
import { ensureShippedFrameworks } from '../lib/server/frameworks/default-framework';
import { runningServerDatabase, startEmbeddedPostgres, takeLock } from '../lib/server/platform/embedded-postgres';
import fs from 'node:fs';
import { CliError } from './usage-error';

export interface RunningDatabase {
	config: Config;
	url: string;
	/** The owner role's URL (migrations, and what needs more than row access: backup and restore). */
	ownerUrl: string;
	db: Database;
	embedded: boolean;
	shutdown(): Promise<void>;
}

export const say = (line: string) => console.log(line);
/** Progress of script-friendly commands goes to stderr so stdout carries only the result. */
export const note = (line: string) => console.error(line);

/** Decodes the shipped framework before PostgreSQL starts, so an invalid file stops the start with its own message and nothing left running. */
function checkShippedFramework(): void {
	try {
		createDefaultFramework();
		createConditionsCatalogue();
	} catch (error) {
		throw new CliError((error as Error).message);
	}
}

/**
 * Starts the embedded PostgreSQL unless DATABASE_URL is set — or, for CLI commands
 * (`besideRunningServer`), connects to the one a running server started with the same data
 * directory — then applies migrations under the
 * advisory lock as the owner role (DATABASE_MIGRATION_URL, else DATABASE_URL) and grants the app
 * role (DATABASE_URL) its row access. The app itself connects as the app role only.
 */
export async function openDatabase(options: { log?: (line: string) => void; besideRunningServer?: boolean } = {}): Promise<RunningDatabase> {
	const log = options.log ?? say;
	const config = readConfig();
	checkShippedFramework();
	let url = config.DATABASE_URL;
	let migrationUrl = config.DATABASE_MIGRATION_URL ?? url;
	let stopEmbedded = async () => {};
	let releaseLock = () => {};
	const running = !url && options.besideRunningServer ? runningServerDatabase(config.dataDir) : null;
	if (running) {
		log(`Stadtwissen läuft bereits mit diesem Datenverzeichnis (Prozess ${running.pid}); der Befehl nutzt dessen Datenbank.`);
		url = running.url;
		migrationUrl = running.ownerUrl;
	} else if (!url) {
		fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
		releaseLock = takeLock(config.dataDir);
		process.on('exit', releaseLock);
		try {
			const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, log });
			url = embedded.url;
			migrationUrl = embedded.ownerUrl;
			stopEmbedded = embedded.stop;
		} catch (error) {
			releaseLock();
			throw error;
		}
	}
	process.env.DATABASE_URL = url;
	log('Datenbank wird auf den neuesten Stand gebracht …');
	await migrateDatabase(migrationUrl!, { appRole: migrationUrl === url ? undefined : await roleOf(url) });
	const db = getDatabase();
	await ensureShippedFrameworks(db);
	return {
		config,
		url,
		ownerUrl: migrationUrl!,
		db,
		embedded: !config.DATABASE_URL && !running,
		async shutdown() {
			await closeDatabase();
			await stopEmbedded();
			releaseLock();
		}
	};
}
