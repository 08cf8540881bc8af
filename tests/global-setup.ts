import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/lib/server/platform/embedded-postgres';

export const TEMPLATE_DATABASE = 'stadtwissen_template';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Connection URL of the test cluster's maintenance database. */
		adminUrl: string;
	}
}

let server: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/** One PostgreSQL per test run; each test file copies the migrated template into its own database. */
export async function setup(project: TestProject): Promise<void> {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-test-'));
	fs.chmodSync(dataDir, 0o755); // reachable for the postgres system user when tests run as root
	server = await startEmbeddedPostgres({ dataDir, durable: false });
	const adminUrl = server.url.replace(/\/stadtwissen$/, '/postgres');
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
	await admin.end();
	await migrateDatabase(adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`));
	project.provide('adminUrl', adminUrl);
}

export async function teardown(): Promise<void> {
	await server?.stop();
	if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
