import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems } from '../src/lib/domain/study/questionnaire';
import { applyMigrations, shippedMigrations } from '../src/lib/server/backup/app-tables';
import { createBackup } from '../src/lib/server/backup/create-backup';
import { createApiToken } from '../src/lib/server/auth/create-api-token';
import { createSession } from '../src/lib/server/auth/create-session';
import type { OrgContext } from '../src/lib/server/context';
import { catalogueModules } from '../src/lib/server/db/schema';
import { validate } from '../src/lib/server/validate';
import { planCreateSchema, planGapDecisionSchema, planMeasureCreateSchema } from '../src/lib/schemas/planning';
import { werkstattPostSchema } from '../src/lib/schemas/werkstatt';
import { addMeasure } from '../src/lib/server/planning/add-measure';
import { createPlan } from '../src/lib/server/planning/create-plan';
import { decideGap } from '../src/lib/server/planning/decide-gap';
import { getPlan } from '../src/lib/server/planning/get-plan';
import { changeStudyStatus } from '../src/lib/server/studies/change-study-status';
import { createInvitationBatch } from '../src/lib/server/studies/create-invitation-batch';
import { createStudy } from '../src/lib/server/studies/create-study';
import { openParticipation } from '../src/lib/server/studies/open-participation';
import { startNextRound } from '../src/lib/server/studies/start-next-round';
import { submitAnswers } from '../src/lib/server/studies/submit-answers';
import { submitQuestionnaireDocument } from '../src/lib/server/studies/submit-questionnaire-document';
import { castVote } from '../src/lib/server/werkstatt/cast-vote';
import { createWerkstatt } from '../src/lib/server/werkstatt/create-werkstatt';
import { joinWerkstatt } from '../src/lib/server/werkstatt/join-werkstatt';
import { likeQuestion } from '../src/lib/server/werkstatt/like-question';
import { postStatement } from '../src/lib/server/werkstatt/post-statement';
import { TEST_BASE_URL, tenantAs } from './helpers/actors';
import { loadDemo } from '../src/lib/server/demo/load-demo';
import { ensureShippedFrameworks } from '../src/lib/server/frameworks/default-framework';
import { runCliOn, runCliWith } from './helpers/cli';
import { createTestDatabase, type TestDatabase } from './helpers/database';

/*
 * `npx stadtwissen backup` and `restore` as an administrator runs them: the CLI against one
 * database (DATABASE_URL / DATABASE_MIGRATION_URL), the file restored into another, every table
 * compared row by row.
 */

let source: TestDatabase;
let fullBackup: string;
let dir: string;

beforeAll(async () => {
	source = await createTestDatabase();
	await ensureShippedFrameworks(source.db);
	await loadDemo(source.db);
	await fillTheRest(source);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-backup-'));
	fullBackup = path.join(dir, 'voll.swb.gz');
}, 180_000);

afterAll(() => {
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});


/** Every table of the app's schema with its rows as JSON, sorted: two databases with equal contents give equal maps. */
async function contents(database: TestDatabase): Promise<Record<string, string[]>> {
	const client = new pg.Client({ connectionString: database.ownerUrl });
	await client.connect();
	try {
		const { rows: tables } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`);
		const result: Record<string, string[]> = {};
		for (const { name } of tables) {
			const { rows } = await client.query<{ r: string }>(`SELECT row_to_json(t)::text AS r FROM "${name}" t ORDER BY 1`);
			result[name] = rows.map((row) => row.r);
		}
		// Sequences too: a restored database must not hand out an id the file already holds.
		const { rows: sequences } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`);
		for (const { name } of sequences) {
			const { rows } = await client.query<{ r: string }>(`SELECT last_value || ' ' || is_called AS r FROM "${name}"`);
			result[`sequence ${name}`] = rows.map((row) => row.r);
		}
		return result;
	} finally {
		await client.end();
	}
}

const request = (clientAddress = '192.0.2.1') => ({ db: source.db, actor: null, baseUrl: TEST_BASE_URL, clientAddress, mailHostAccepted: true, now: new Date(), locale: 'de' as const, requestId: 'test' });

/** Everything the demo does not bring: a Delphi round 2, a Werkstatt, a plan, a login session and an API key. */
async function fillTheRest(database: TestDatabase) {
	const organiser: OrgContext = { ...request(), ...(await tenantAs(database.db, 'Stadt Altenburg (Demo)', 'organiser', 'org.manage')) };
	const frameworkId = (await database.db.execute<{ id: string }>(sql`SELECT id FROM frameworks ORDER BY created_at LIMIT 1`)).rows[0].id;
	const { id: delphi } = await createStudy(organiser, { title: 'Delphi 2028', frameworkId, competences: ['A1.1', 'A1.2'], rounds: 2 });
	await changeStudyStatus(organiser, delphi, 'open');
	const { tokens } = await createInvitationBatch(organiser, { studyId: delphi, group: 'verwaltung', count: 2, baseUrl: TEST_BASE_URL });
	for (const [i, token] of tokens.entries()) {
		const first = await openParticipation(database.db, token, '192.0.2.1');
		await submitAnswers(database.db, first, randomUUID(), { answers: allItems(first.pages).map((item) => ({ ...item, value: i + 2 })) });
	}
	await changeStudyStatus(organiser, delphi, 'closed');
	await startNextRound(organiser, delphi);
	const second = await openParticipation(database.db, tokens[0], '192.0.2.1');
	await submitAnswers(database.db, second, randomUUID(), { answers: allItems(second.pages).map((item) => ({ ...item, value: 4 })) });
	// The second participant has a draft of round 2 (encrypted under the token) but has not sent it.
	await openParticipation(database.db, tokens[1], '192.0.2.1');

	const { id: werkstatt, code } = await createWerkstatt(organiser, { title: 'Zwischennutzung im Quartier', moderation: 'post' });
	const phone = request('198.51.100.7');
	const a = await joinWerkstatt(phone, code, { group: 'verwaltung' });
	const b = await joinWerkstatt(request('198.51.100.8'), code, {});
	const statement = await postStatement(phone, code, a.token, validate(werkstattPostSchema, { text: 'Leerstand ist eine Chance.', kind: 'statement' }));
	const question = await postStatement(phone, code, a.token, validate(werkstattPostSchema, { text: 'Wer entscheidet über die Flächen?', kind: 'question' }));
	await castVote(phone, code, b.token, { statement: statement.id, vote: 1 });
	await likeQuestion(phone, code, b.token, { question: question.id });
	expect(werkstatt).toBeTruthy();

	const closed = (await database.db.execute<{ id: string }>(sql`SELECT id FROM studies WHERE status = 'closed' AND title = 'Wissensbedarf Altenburg 2027'`)).rows[0].id;
	const { id: plan } = await createPlan(organiser, validate(planCreateSchema, { studyId: closed }));
	const [gap, other] = (await getPlan(organiser, plan)).gaps;
	await decideGap(organiser, plan, validate(planGapDecisionSchema, { competence: other.competence, horizon: other.horizon, status: 'dropped', reason: 'Wird im Landesprogramm geschult.' }));
	const [module] = await database.db.select({ id: catalogueModules.id }).from(catalogueModules).limit(1);
	await addMeasure(organiser, plan, validate(planMeasureCreateSchema, { competence: gap.competence, horizon: gap.horizon, moduleId: module.id, slot: 'heute', costPerParticipantCents: 45_50, expectedParticipants: 20 }));

	await createSession(database.db, organiser.actor.userId);
	await createApiToken(database.db, { userId: organiser.actor.userId, orgId: organiser.org.orgId, name: 'Auswertung' });
}

const KINDS_OF_DATA = [
	'frameworks', 'framework_versions', 'organisations', 'users', 'memberships', 'sessions', 'api_tokens', 'audit_log',
	'studies', 'invitations', 'answers', 'open_answers', 'participation_counters', 'result_counters', 'transition_counters', 'encrypted_drafts', 'submission_receipts', 'spent_markers',
	'catalogue_modules', 'catalogue_sessions', 'catalogue_registrations', 'catalogue_feedback', 'glossary_entries',
	'werkstaetten', 'werkstatt_participants', 'werkstatt_statements', 'werkstatt_votes', 'werkstatt_likes', 'werkstatt_events',
	'qualification_plans', 'plan_gap_decisions', 'plan_measures'
];

describe('npx stadtwissen backup / restore', { timeout: 90_000 }, () => {
	it('restores every table of a database with every kind of data into a fresh one, row by row', async () => {
		const file = fullBackup;
		const backup = await runCliOn(source, 'backup', '--output', file);
		expect(backup.err).toMatch(/Sichere Tabelle answers: [\d.]+ Zeilen …/);
		expect(backup.out, backup.err.slice(-800)).toContain(`Sicherung fertig: ${file}`);
		expect(backup.code).toBe(0);
		const manifest = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')[0]);
		expect(manifest).toMatchObject({ format: 'stadtwissen-backup', appVersion: expect.any(String), migration: { count: expect.any(Number) } });

		const before = await contents(source);
		// Every kind of data the brief of issue 19 names is in the file, not just empty tables.
		const filled = Object.entries(before).filter(([name, rows]) => rows.length > 0 && !name.startsWith('sequence ')).map(([name]) => name);
		expect(before['sequence audit_log_id_seq']).not.toEqual(['1 false']);
		expect(filled).toEqual(expect.arrayContaining(KINDS_OF_DATA));
		for (const table of manifest.tables) expect(table.rows, table.name).toBe(before[table.name].length);
		expect(manifest.tables.map((table: { name: string }) => table.name).sort()).toEqual(Object.keys(before).filter((name) => !name.startsWith('sequence ')).sort());

		const target = await createTestDatabase();
		const restore = await runCliOn(target, 'restore', file);
		expect(restore.err).not.toContain('Fehler');
		expect(restore.out).toContain('Wiederhergestellt');
		expect(restore.code).toBe(0);
		expect(await contents(target)).toEqual(before);
	});

	it('takes one consistent snapshot while submissions arrive: every counter equals the answers it counts', async () => {
		const organiser: OrgContext = { ...request(), ...(await tenantAs(source.db, 'Stadt Altenburg (Demo)', 'organiser', 'org.manage')) };
		const frameworkId = (await source.db.execute<{ id: string }>(sql`SELECT id FROM frameworks ORDER BY created_at LIMIT 1`)).rows[0].id;
		const { id: study } = await createStudy(organiser, { title: 'Befragung während der Sicherung', frameworkId, competences: ['A1.1', 'A1.2', 'A3.1'] });
		await changeStudyStatus(organiser, study, 'open');
		const links = [
			...(await createInvitationBatch(organiser, { studyId: study, group: 'verwaltung', count: 150, baseUrl: TEST_BASE_URL })).tokens,
			...(await createInvitationBatch(organiser, { studyId: study, group: 'politik', count: 150, baseUrl: TEST_BASE_URL })).tokens
		];
		let submitted = 0;
		let stop = false;
		const participate = async (worker: number) => {
			for (let i = worker; i < links.length && !stop; i += 4) {
				const participant = { db: source.db, clientAddress: `203.0.113.${worker + 1}` };
				const participation = await openParticipation(source.db, links[i], participant.clientAddress);
				const answers = allItems(participation.pages).map((item, n) => ({ ...item, value: ((i + n) % 5) + 1 }));
				await submitQuestionnaireDocument(participant, links[i], randomUUID(), { answers });
				submitted++;
			}
		};
		const workers = [0, 1, 2, 3].map(participate);
		while (submitted < 8) await new Promise((resolve) => setTimeout(resolve, 20));
		const startedAfter = submitted;
		const file = path.join(dir, 'waehrend.swb.gz');
		const backup = await runCliOn(source, 'backup', '--output', file);
		stop = true;
		await Promise.all(workers);
		expect(backup.code).toBe(0);

		const target = await createTestDatabase();
		expect((await runCliOn(target, 'restore', file)).code).toBe(0);
		const restored = await submissionsOf(target, study);
		expect(restored.responses).toBeGreaterThanOrEqual(startedAfter);
		expect(restored.responses).toBeLessThanOrEqual(submitted);
		// The same snapshot for every table: counters, receipts and spent links agree with the answers.
		expect(restored).toEqual({ responses: restored.responses, finished: restored.responses, receipts: restored.responses, spent: restored.responses, perGroup: restored.perGroup });
		for (const group of restored.perGroup) expect(group.finished, group.group).toBe(group.responses);
		const now = await submissionsOf(source, study);
		expect(now.responses).toBe(submitted);
	});

	it('refuses a damaged file and a non-empty database in German, changing nothing', async () => {
		const target = await createTestDatabase();
		// A fresh instance as its first start leaves it: migrated, with the shipped frameworks.
		expect((await runCliOn(target, 'migrate')).code).toBe(0);
		const untouched = await contents(target);

		const lines = gunzipSync(fs.readFileSync(fullBackup)).toString('utf8').split('\n');
		lines[5] = lines[5].replace(/"[^"]*"/, '"verändert"');
		const tampered = path.join(dir, 'verändert.swb.gz');
		fs.writeFileSync(tampered, gzipSync(lines.join('\n')));
		const changed = await runCliOn(target, 'restore', tampered);
		expect(changed.code).toBe(1);
		expect(changed.err).toContain(`Die Datei „${tampered}“ ist keine gültige Stadtwissen-Sicherung oder beschädigt: Die Prüfsumme stimmt nicht mit dem Inhalt überein. Es wurde nichts verändert.`);

		const bytes = fs.readFileSync(fullBackup);
		const cut = path.join(dir, 'abgeschnitten.swb.gz');
		fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
		const truncated = await runCliOn(target, 'restore', cut);
		expect(truncated.code).toBe(1);
		expect(truncated.err).toMatch(/ist keine gültige Stadtwissen-Sicherung oder beschädigt: Sie lässt sich nicht entpacken/);
		const [head, ...rest] = gunzipSync(fs.readFileSync(fullBackup)).toString('utf8').split('\n');
		const future = JSON.parse(head);
		future.migration = { count: future.migration.count + 1, tag: '9999_zukunft', hash: 'x' };
		const newer = path.join(dir, 'zukunft.swb.gz');
		fs.writeFileSync(newer, gzipSync([JSON.stringify(future), ...rest].join('\n')));
		const fromTheFuture = await runCliOn(target, 'restore', newer);
		expect(fromTheFuture.err).toContain('stammt von einer neueren Version von Stadtwissen');
		expect(fromTheFuture.err).toContain('Migrationsstand 9999_zukunft). Aktualisieren Sie Stadtwissen zuerst; es wurde nichts verändert.');
		expect(fromTheFuture.code).toBe(1);

		const text = path.join(dir, 'notizen.txt');
		fs.writeFileSync(text, 'Keine Sicherung\n');
		const plain = await runCliOn(target, 'restore', text);
		expect(plain.err).toContain(`Die Datei „${text}“ ist keine gültige Stadtwissen-Sicherung oder beschädigt: Sie lässt sich nicht entpacken`);
		const missing = await runCliOn(target, 'restore', path.join(dir, 'gibt-es-nicht.swb.gz'));
		expect(missing.err).toContain('gibt es nicht.');
		expect([plain.code, missing.code]).toEqual([1, 1]);
		expect(await contents(target)).toEqual(untouched);

		const nowhere = await runCliOn(source, 'backup', '--output', path.join(dir, 'fehlt', 'x.swb.gz'));
		expect(nowhere.err).toContain(`Das Verzeichnis „${path.join(dir, 'fehlt')}“ gibt es nicht.`);
		expect(nowhere.code).toBe(1);

		const before = await contents(source);
		const full = await runCliOn(source, 'restore', fullBackup);
		expect(full.code).toBe(1);
		expect(full.err).toMatch(/Die Datenbank enthält bereits Daten \(\d+ Organisation\(en\), \d+ Konto\/Konten\)\. Stellen Sie in eine leere Datenbank wieder her oder ersetzen Sie alles mit --replace\. Es wurde nichts verändert\./);
		expect(await contents(source)).toEqual(before);
	});

	it('replaces what is there with --replace, in one go', async () => {
		const target = await createTestDatabase();
		expect((await runCliOn(target, 'restore', fullBackup)).code).toBe(0);
		const restored = await contents(target);
		await tenantAs(target.db, 'Gemeinde Später', 'owner');
		const replaced = await runCliOn(target, 'restore', fullBackup, '--replace');
		expect(replaced.out).toContain('Die vorherigen Daten wurden ersetzt.');
		expect(replaced.code).toBe(0);
		expect(await contents(target)).toEqual(restored);
		// The app's role still reads and writes what the restore wrote.
		await tenantAs(target.db, 'Gemeinde Danach', 'owner');
	});

	it('leaves the database as it was when a row is refused part way, even with --replace', async () => {
		const target = await createTestDatabase();
		expect((await runCliOn(target, 'restore', fullBackup)).code).toBe(0);
		await tenantAs(target.db, 'Gemeinde Vorher', 'owner');
		const before = await contents(target);
		// A file whose checksum is right but whose last table holds one row twice (its primary key).
		const [head, ...rows] = gunzipSync(fs.readFileSync(fullBackup)).toString('utf8').replace(/\n$/, '').split('\n');
		const manifest = JSON.parse(head);
		const last = manifest.tables.findLast((table: { rows: number }) => table.rows > 0);
		const at = manifest.tables.reduce((sum: number, table: { rows: number }) => sum + table.rows, 0) - 1;
		rows.splice(at, 0, rows[at]);
		last.rows++;
		const data = rows.map((row) => row + '\n').join('');
		manifest.sha256 = createHash('sha256').update(data).digest('hex');
		const doubled = path.join(dir, 'doppelt.swb.gz');
		fs.writeFileSync(doubled, gzipSync(JSON.stringify(manifest) + '\n' + data));

		const refused = await runCliOn(target, 'restore', doubled, '--replace');
		expect(refused.err).toContain(`Die Wiederherstellung ist gescheitert (Tabelle ${last.name}): PostgreSQL meldet „duplicate key value violates unique constraint`);
		expect(refused.err).toContain('Die Datenbank ist unverändert.');
		expect(refused.code).toBe(1);
		expect(await contents(target)).toEqual(before);
	});

	it('restores a file of an older version and then runs the newer migrations over its rows', async () => {
		const shipped = shippedMigrations();
		const level = shipped.findIndex((migration) => migration.tag.startsWith('0009_'));
		const old = await createTestDatabase();
		const owner = new pg.Client({ connectionString: old.ownerUrl });
		await owner.connect();
		await owner.query('DROP SCHEMA public CASCADE');
		await owner.query('CREATE SCHEMA public');
		await owner.query('DROP SCHEMA IF EXISTS drizzle CASCADE');
		await applyMigrations(owner, shipped.slice(0, level));
		await owner.query(`INSERT INTO organisations (slug, name) VALUES ('altdorf', 'Gemeinde Altdorf')`);
		await owner.query(`INSERT INTO outbox_mails (recipient, subject, body, sent_at) VALUES ('a@altdorf.example', 'Ihr Zugang', 'Ihr Link: https://x/geheim', now())`);
		await owner.end();
		const file = path.join(dir, 'alt.swb.gz');
		const { manifest } = await createBackup({ ownerUrl: old.ownerUrl, log: () => {}, now: new Date() }, { output: file });
		expect(manifest.migration).toMatchObject({ count: level, tag: shipped[level - 1].tag });

		const target = await createTestDatabase();
		const restore = await runCliOn(target, 'restore', file);
		expect(restore.err).toContain(`Die Sicherung hat den älteren Migrationsstand ${shipped[level - 1].tag}`);
		expect(restore.out).toContain(`Danach ausgeführte Migrationen: ${shipped.slice(level).map((m) => m.tag).join(', ')}.`);
		expect(restore.code).toBe(0);
		// The app role reads the rebuilt tables, and 0009 did to the old mail what it does on an upgrade.
		const mails = await target.db.execute<{ body: string | null; status: string }>(sql`SELECT body, status FROM outbox_mails`);
		expect(mails.rows).toEqual([{ body: null, status: 'sent' }]);
		expect((await target.db.execute(sql`SELECT name FROM organisations`)).rows).toEqual([{ name: 'Gemeinde Altdorf' }]);
		await tenantAs(target.db, 'Gemeinde Neu', 'owner');
		const levels = new pg.Client({ connectionString: target.ownerUrl });
		await levels.connect();
		expect((await levels.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0].n).toBe(shipped.length);
		await levels.end();
	});
});

/** What the snapshot says about one study's submissions. */
async function submissionsOf(database: TestDatabase, study: string) {
	const one = async (query: ReturnType<typeof sql>) => (await database.db.execute<{ n: number }>(query)).rows[0].n;
	const perGroup = await database.db.execute<{ group: string; responses: number; finished: number }>(sql`
		SELECT a.group_key AS "group", a.responses, coalesce(p.finished, 0) AS finished
		FROM (SELECT group_key, count(DISTINCT response_id)::int AS responses FROM answers WHERE study_id = ${study} GROUP BY 1) a
		FULL JOIN (SELECT group_key, sum(finished)::int AS finished FROM participation_counters WHERE study_id = ${study} GROUP BY 1) p USING (group_key)
		ORDER BY 1`);
	return {
		responses: await one(sql`SELECT count(DISTINCT response_id)::int AS n FROM answers WHERE study_id = ${study}`),
		finished: await one(sql`SELECT coalesce(sum(finished), 0)::int AS n FROM participation_counters WHERE study_id = ${study}`),
		receipts: await one(sql`SELECT count(*)::int AS n FROM submission_receipts WHERE study_id = ${study}`),
		spent: await one(sql`SELECT count(*)::int AS n FROM spent_markers WHERE study_id = ${study}`),
		perGroup: perGroup.rows
	};
}

describe('npx stadtwissen backup beside a running server', () => {
	it('uses the running server’s embedded PostgreSQL and writes a file that restores', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-backup-server-'));
		fs.chmodSync(dataDir, 0o755);
		const env: NodeJS.ProcessEnv = { ...process.env, STADTWISSEN_DATA_DIR: dataDir };
		delete env.DATABASE_URL;
		delete env.DATABASE_MIGRATION_URL;
		const server = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/hold-data-dir.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
		try {
			await new Promise<void>((resolve, reject) => {
				server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('bereit') && resolve());
				server.on('exit', (code) => reject(new Error(`the stand-in server ended with ${code}`)));
			});
			const file = path.join(dir, 'neben-dem-server.swb.gz');
			const backup = await runCliWith({ STADTWISSEN_DATA_DIR: dataDir, DATABASE_URL: undefined, DATABASE_MIGRATION_URL: undefined }, 'backup', '--output', file);
			expect(backup.err).toContain(`Stadtwissen läuft bereits mit diesem Datenverzeichnis (Prozess ${server.pid}); der Befehl nutzt dessen Datenbank.`);
			expect(backup.code).toBe(0);
			expect(fs.statSync(file).mode & 0o777).toBe(0o600);
			const target = await createTestDatabase();
			expect((await runCliOn(target, 'restore', file)).code).toBe(0);
		} finally {
			await new Promise<void>((resolve) => {
				server.once('exit', () => resolve());
				server.kill('SIGTERM');
			});
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	}, 120_000);
});
