import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { APP_ROLE, OWNER_ROLE } from '../src/lib/server/db/roles';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/lib/server/platform/embedded-postgres';

export const TEMPLATE_DATABASE = 'stadtwissen_template';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Connection URL of the test cluster's maintenance database (superuser). */
		adminUrl: string;
		/** The owner role's and the app role's connection URLs to the cluster's `stadtwissen` database (the name is replaced per test). */
		ownerUrl: string;
		appUrl: string;
	}
}

let server: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/** One PostgreSQL per test run; each test file copies the migrated template into its own database. */
export async function setup(project: TestProject): Promise<void> {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-test-'));
	fs.chmodSync(dataDir, 0o755); // reachable for the postgres system user when tests run as root
	server = await startEmbeddedPostgres({ dataDir, durable: false });
	const { adminUrl } = server;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE} OWNER ${OWNER_ROLE}`);
	await admin.end();
	// Migrated by the owner role with the app role's grants, as the app does: every test that uses a test database's `db` proves the grants suffice.
	await migrateDatabase(server.ownerUrl.replace(/\/stadtwissen$/, `/${TEMPLATE_DATABASE}`), { appRole: APP_ROLE });
	project.provide('adminUrl', adminUrl);
	project.provide('ownerUrl', server.ownerUrl);
	project.provide('appUrl', server.url);
}

export async function teardown(): Promise<void> {
	await server?.stop();
	if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
