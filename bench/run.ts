/**
 * Benchmarks (see ENGINEERING.md): results-API server time at 1,000 / 10,000 / 100,000 participants
 * against a naive percentile_cont baseline over the raw answers, and HTTP submissions per second
 * against a bare INSERT over the same pool. `npm run bench` runs everything and writes
 * bench/RESULTS.md; `npm run bench -- --smoke` runs a short version for CI and writes nothing.
 * BENCH_POOL sets the database pool of both the app and the bare-INSERT baseline (default: the app's, 10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createUserInOrganisation } from '../src/lib/server/accounts/create-user';
import { createApiToken } from '../src/lib/server/auth/create-api-token';
import { membershipsOf } from '../src/lib/server/auth/list-memberships';
import { createDatabase, DEFAULT_POOL_SIZE, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { APP_ROLE } from '../src/lib/server/db/roles';
import { ensureDefaultFramework } from '../src/lib/server/frameworks/default-framework';
import { freePort, startEmbeddedPostgres } from '../src/lib/server/platform/embedded-postgres';
import { computeResultsOfStudy } from '../src/lib/server/results/get-results';
import { changeStudyStatus } from '../src/lib/server/studies/change-study-status';
import { createStudy } from '../src/lib/server/studies/create-study';
import { getStudy, type Study } from '../src/lib/server/studies/get-study';
import { invitationHash, newInvitationToken } from '../src/lib/server/studies/token-crypto';
import { COUNTER_SHARDS, countClosedRound } from '../src/lib/server/studies/counters';
import { tenantFor, type TenantContext } from '../src/lib/server/tenant';
import { allItems, questionnairePages } from '../src/lib/domain/study/questionnaire';
import { frameworkDocumentOfStudy } from '../src/lib/server/frameworks/pinned-document';
import { languageBench, writeLanguageSection } from './language';
import { werkstattGroupsBench, writeWerkstattGroupsSection } from './werkstatt-groups';
import { cpuShares, cpuSnapshot, describeCpu, type CpuShares } from './cpu';
import { resultsOverHttp } from './results-http';
import { answerQuestionnaire, percentile, runQuestionnaireFlow } from './questionnaire-flow';
import { instancesBench } from './instances';
import { werkstattLiveBench } from './werkstatt-live';
import { writeResultsSection } from './section';

const smoke = process.argv.includes('--smoke');
/** Only the questionnaire over HTML, e.g. while profiling it; prints its figures and writes nothing. */
const onlyQuestionnaire = process.argv.includes('--only-questionnaire');
const SIZES = onlyQuestionnaire ? [] : smoke ? [1_000] : [1_000, 10_000, 100_000];
const RUNS = smoke ? 3 : 7;
const HTTP_SECONDS = smoke ? 10 : 15;
const HTTP_RUNS = onlyQuestionnaire ? 0 : smoke ? 1 : 3;
const WARM_UP_SECONDS = 3;
const FLOW_SECONDS = smoke ? 10 : 60;
const FLOW_WARM_UP_SECONDS = smoke ? 3 : 10;
const FLOW_RUNS = smoke ? 1 : 3;
const FLOW_PARTICIPANTS = 20;
const CONNECTIONS = 50;
const POOL = Number(process.env.BENCH_POOL ?? DEFAULT_POOL_SIZE);

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const log = (line: string) => console.log(line);

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
	await work(); // warm-up
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	return median(times);
}

async function organiserContext(db: Database): Promise<TenantContext> {
	const { userId } = await createUserInOrganisation(db, { email: 'bench@stadtwissen.example', name: 'Bench', password: 'bench-passwort-1', orgName: 'Benchmark-Stadt', role: 'organiser' });
	const memberships = await membershipsOf(db, userId);
	return tenantFor(db, { userId, email: 'bench@stadtwissen.example', name: 'Bench', via: 'session', org: memberships[0], memberships }, 'org.manage');
}

/**
 * Bulk path: answers generated inside PostgreSQL (no HTTP), participation counted as submissions
 * would have, then the round closed the way the app closes it. Group sizes are uneven; values
 * follow a skewed pattern. Returns how long closing took (it counts every answer of the round).
 */
async function loadParticipants(db: Database, studyId: string, participants: number): Promise<number> {
	const groups = ['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft', 'wissenschaft'];
	await db.execute(sql`
		INSERT INTO answers (response_id, study_id, round, group_key, competence, measure, horizon, value, submitted_on)
		SELECT md5(${studyId} || p)::uuid, ${studyId}::uuid, 1, (${sql.param(groups)}::text[])[1 + (p * 7 % 6)], item.competence, item.measure, item.horizon,
			CASE WHEN (p * 31 + item.n) % 23 = 0 THEN NULL ELSE 1 + ((p * 13 + item.n * 7 + p / 3) % 5) END, current_date
		FROM generate_series(0, ${participants - 1}::int) AS p
		CROSS JOIN (SELECT competence, measure, horizon, row_number() OVER ()::int AS n FROM bench.items) AS item`);
	await db.execute(sql`DELETE FROM participation_counters WHERE study_id = ${studyId}`);
	await db.execute(sql`
		INSERT INTO participation_counters (study_id, round, group_key, shard, finished)
		SELECT study_id, round, group_key, (abs(hashtext(response_id::text)::bigint) % ${COUNTER_SHARDS})::smallint, count(*)
		FROM (SELECT DISTINCT study_id, round, group_key, response_id FROM answers WHERE study_id = ${studyId}) AS responses GROUP BY 1, 2, 3, 4`);
	// Weeks of answers would have been analysed by autovacuum long before the close; without fresh
	// statistics the planner reads the round through the index in random order (33 s instead of 7 s at 100,000).
	await db.execute(sql`ANALYZE answers`);
	// What closing the round does: count the histograms from the answers, sum the shards.
	const closing = performance.now();
	await db.transaction((tx) => countClosedRound(tx, studyId, 1));
	const closeMs = performance.now() - closing;
	// Measure the settled database a results request meets, not the bulk load's aftermath: without this,
	// autovacuum of millions of fresh answer rows and the checkpoint after them compete for the 2 cores.
	await db.execute(sql`VACUUM ANALYZE answers, result_counters, participation_counters`);
	await db.execute(sql`CHECKPOINT`);
	return closeMs;
}

/** The app as in production: it connects as the app role and migrates as the owner. */
async function startServer(database: { url: string; ownerUrl: string }, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
	// e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app under load.
	const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...nodeArgs, 'bin/stadtwissen.js', 'serve'], {
		env: { ...process.env, DATABASE_URL: database.url, DATABASE_MIGRATION_URL: database.ownerUrl, PORT: String(port), STADTWISSEN_DEMO: '0', STADTWISSEN_POOL_SIZE: String(POOL), ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const listen = (chunk: Buffer) => (output += chunk);
	child.stdout!.on('data', listen);
	child.stderr!.on('data', listen);
	await new Promise<void>((resolve, reject) => {
		const started = () => {
			if (output.includes('Stadtwissen läuft')) resolve();
		};
		child.stdout!.on('data', started);
		child.stderr!.on('data', started);
		child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
	});
	// Once it runs the server logs every request: keep reading (a full pipe would stall it) but keep nothing.
	// Collecting and searching that log cost the bench as much CPU as the participants it simulates.
	for (const stream of [child.stdout!, child.stderr!]) {
		stream.removeAllListeners('data');
		stream.resume();
	}
	return child;
}

async function main() {
	// The text check and the opinion groups are CPU only: measured first, before PostgreSQL and the app server start.
	const language = languageBench(smoke || onlyQuestionnaire);
	for (const line of language.lines) log(line);
	const werkstattGroups = werkstattGroupsBench(smoke || onlyQuestionnaire);
	for (const line of werkstattGroups.lines) log(line);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-bench-'));
	fs.chmodSync(dataDir, 0o755);
	log(`Stadtwissen benchmarks${smoke ? ' (smoke)' : ''}: PostgreSQL in ${dataDir}`);
	const server = await startEmbeddedPostgres({ dataDir });
	let app: ChildProcess | undefined;
	try {
		await migrateDatabase(server.ownerUrl, { appRole: APP_ROLE });
		// Loading, VACUUM and CHECKPOINT need more than the app role may; the bench sets up as the superuser.
		const setupUrl = server.adminUrl.replace(/\/postgres$/, '/stadtwissen');
		const db = createDatabase(setupUrl, 20);
		const frameworkId = await ensureDefaultFramework(db);
		const ctx = await organiserContext(db);
		const versionInfo = (await db.execute<{ server_version: string }>(sql`SHOW server_version`)).rows[0].server_version;

		// Results: one closed study per size, each with 40 competences × (3 horizons + proficiency) × 6 groups.
		const document = (await db.execute<{ document: { areas: { competences: { code: string }[] }[] } }>(sql`SELECT document FROM framework_versions WHERE framework_id = ${frameworkId}`)).rows[0].document;
		const forty = document.areas.flatMap((a) => a.competences.map((c) => c.code)).slice(0, 40);
		const closedStudy = async (title: string) => {
			const { id } = await createStudy(ctx, { title, frameworkId, competences: forty });
			await changeStudyStatus(ctx, id, 'open');
			await changeStudyStatus(ctx, id, 'closed');
			return getStudy(ctx, id);
		};
		// The bench's own tables stay out of the app's schema: the app's grants cover everything in public, which the owner must own.
		await db.$client.query('CREATE SCHEMA IF NOT EXISTS bench');
		const studies: { size: number; study: Study; closeMs: number }[] = [];
		for (const size of SIZES) {
			const study = await closedStudy(`Benchmark ${size}`);
			if (studies.length === 0) {
				const items = allItems(questionnairePages(study, await frameworkDocumentOfStudy(db, study)));
				await db.$client.query('CREATE TABLE bench.items (competence text, measure text, horizon text)');
				for (const item of items) await db.$client.query('INSERT INTO bench.items VALUES ($1, $2, $3)', [item.competence, item.measure, item.horizon ?? '']);
			}
			const start = performance.now();
			const closeMs = await loadParticipants(db, study.id, size);
			log(`  ${size.toLocaleString('de-DE')} Teilnehmende geladen (${((performance.now() - start) / 1000).toFixed(1)} s)`);
			studies.push({ size, study, closeMs });
		}
		// The sizes take turns, so a slower moment of the machine hits all of them alike.
		for (const { study } of studies) for (let i = 0; i < 5; i++) await computeResultsOfStudy(db, study); // JIT and caches, as in a running server
		const times = studies.map(() => [] as number[]);
		for (let run = 0; run < RUNS * 2; run++) {
			for (const [i, { study }] of studies.entries()) {
				const start = performance.now();
				await computeResultsOfStudy(db, study);
				times[i].push(performance.now() - start);
			}
		}
		const resultRows: { size: number; ours: number; naive: number; closeMs: number }[] = [];
		for (const [i, { size, study, closeMs }] of studies.entries()) {
			const ours = median(times[i]);
			const naive = await timed(Math.min(RUNS, 5), () =>
				db.execute(sql`SELECT competence, measure, horizon, group_key, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median,
					percentile_cont(0.25) WITHIN GROUP (ORDER BY value) AS q1, percentile_cont(0.75) WITHIN GROUP (ORDER BY value) AS q3, avg(value), stddev_samp(value)
					FROM answers WHERE study_id = ${study.id} AND round = 1 AND value IS NOT NULL GROUP BY GROUPING SETS ((competence, measure, horizon, group_key), (competence, measure, horizon))`)
			);
			resultRows.push({ size, ours, naive, closeMs });
			log(`  Ergebnisse bei ${size.toLocaleString('de-DE')}: ${ms(ours)} (naiv: ${ms(naive)}, Faktor ${(naive / ours).toFixed(1)})`);
		}

		// HTTP submissions against the real app process.
		const { id: httpStudyId } = await createStudy(ctx, { title: 'HTTP-Benchmark', frameworkId, competences: forty.slice(0, 10) });
		await changeStudyStatus(ctx, httpStudyId, 'open');
		// Fresh links for every run: a spent link would answer 410 instead of storing anything.
		const tokenCount = (smoke ? 8_000 : 20_000) * HTTP_RUNS + 4_000;
		const tokens = Array.from({ length: tokenCount }, newInvitationToken);
		for (let i = 0; i < tokens.length; i += 5000) {
			const chunk = tokens.slice(i, i + 5000);
			await db.execute(sql`INSERT INTO invitations (study_id, group_key, token_hash) SELECT ${httpStudyId}::uuid, 'verwaltung', unnest(${sql.param(chunk.map(invitationHash))}::text[])`);
		}
		const httpStudy = await getStudy(ctx, httpStudyId);
		const httpItems = allItems(questionnairePages(httpStudy, await frameworkDocumentOfStudy(db, httpStudy)));
		const body = JSON.stringify({ answers: httpItems.map((item, i) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon, value: (i % 5) + 1 })) });
		const port = await freePort();
		app = await startServer(server, port);
		// One submission first: it must work, and it opens the server's first database connections.
		const warmUp = await fetch(`http://127.0.0.1:${port}/api/v1/participate/${tokens.pop()}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'bench-warm-up' }, body });
		if (warmUp.status !== 201) throw new Error(`Die erste Abgabe schlug fehl (${warmUp.status}): ${await warmUp.text()}`);
		// The same results over HTTP, as an API client with a key receives them.
		const { token: apiToken } = await createApiToken(db, { userId: ctx.actor.userId, orgId: ctx.org.orgId, name: 'Benchmark' });
		const httpResults = await resultsOverHttp({ origin: `http://127.0.0.1:${port}`, apiToken, studies: studies.map(({ size, study }) => ({ size, id: study.id })), runs: RUNS * 2 });
		for (const row of httpResults.rows) {
			log(`  Ergebnisse über HTTP bei ${row.size.toLocaleString('de-DE')}: ${ms(row.compressedMs)} (brotli, ${kilobytes(row.compressedBytes)}), ${ms(row.plainMs)} unkomprimiert (${kilobytes(row.plainBytes)}); /healthz ${ms(httpResults.healthzMs)}`);
		}
		await db.$client.query('CREATE TABLE IF NOT EXISTS bench.bare (id bigserial primary key, payload text)');
		const bare = new pg.Pool({ connectionString: setupUrl, max: POOL });
		// pool.end() resolves before its clients have closed; PostgreSQL stopping right after must not crash the run.
		bare.on('error', (error) => log(`  (Baseline-Verbindung beendet: ${error.message})`));
		let next = 0;
		const submit = (seconds: number) =>
			autocannon({
				url: `http://127.0.0.1:${port}`,
				connections: CONNECTIONS,
				duration: seconds,
				requests: [
					{
						method: 'POST',
						setupRequest: (request) => {
							const token = tokens[next++ % tokens.length];
							return { ...request, path: `/api/v1/participate/${token}`, headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${next}-${token.slice(0, 8)}` }, body };
						}
					}
				]
			});
		// Not measured: the pool opens its connections and the JIT compiles the hot path, as in a server that has been running.
		if (HTTP_RUNS > 0) await submit(WARM_UP_SECONDS);
		const httpRuns: { submitsPerSecond: number; p99: number; insertsPerSecond: number }[] = [];
		// Submissions and the baseline take turns, so both meet the machine in the same state.
		for (let run = 0; run < HTTP_RUNS; run++) {
			const http = await submit(HTTP_SECONDS);
			const ok = http['2xx'];
			if (ok === 0) throw new Error(`Keine einzige Abgabe war erfolgreich: ${JSON.stringify({ requests: http.requests.total, errors: http.errors, timeouts: http.timeouts, non2xx: http.non2xx, statusCodes: http.statusCodeStats })}`);

			// Baseline: a bare INSERT over a pool of the same size, same concurrency, same duration.
			let inserts = 0;
			const until = performance.now() + HTTP_SECONDS * 1000;
			await Promise.all(
				Array.from({ length: CONNECTIONS }, async () => {
					while (performance.now() < until) {
						await bare.query('INSERT INTO bench.bare (payload) VALUES ($1)', [body]);
						inserts += 1;
					}
				})
			);
			httpRuns.push({ submitsPerSecond: ok / HTTP_SECONDS, p99: http.latency.p99, insertsPerSecond: inserts / HTTP_SECONDS });
			log(`  HTTP (${run + 1}/${HTTP_RUNS}): ${(ok / HTTP_SECONDS).toFixed(0)} Abgaben/s, p99 ${http.latency.p99} ms, Fehler ${http.non2xx + http.errors}; nackte INSERTs: ${(inserts / HTTP_SECONDS).toFixed(0)}/s`);
		}

		// One instance or two on the same database (bench/instances.ts), while this one still runs.
		const instances =
			HTTP_RUNS > 0
				? await instancesBench({
						first: `http://127.0.0.1:${port}`,
						startInstance: (instancePort) => startServer(server, instancePort),
						freePort,
						freshTokens: async (count) => {
							const fresh = Array.from({ length: count }, newInvitationToken);
							for (let i = 0; i < fresh.length; i += 5000) {
								await db.execute(sql`INSERT INTO invitations (study_id, group_key, token_hash) SELECT ${httpStudyId}::uuid, 'verwaltung', unnest(${sql.param(fresh.slice(i, i + 5000).map(invitationHash))}::text[])`);
							}
							return fresh;
						},
						body,
						connections: CONNECTIONS,
						seconds: HTTP_SECONDS,
						runs: HTTP_RUNS
					})
				: null;
		for (const line of instances?.lines ?? []) log(line);

		// A Werkstatt's live board: 1,000 phones on one event stream, beside a bare SSE broadcast (bench/werkstatt-live.ts).
		const werkstattLive = onlyQuestionnaire
			? null
			: await werkstattLiveBench({ origin: `http://127.0.0.1:${port}`, apiToken, freePort, phones: smoke ? 200 : 1_000, runs: smoke ? 1 : 5, votesPerRun: smoke ? 5 : 20 });
		for (const line of werkstattLive?.lines ?? []) log(line);

		// The questionnaire as a browser without JavaScript answers it, 40 competences, each participant on a fresh link.
		const { id: flowStudyId } = await createStudy(ctx, { title: 'Fragebogen-Benchmark', frameworkId, competences: forty });
		await changeStudyStatus(ctx, flowStudyId, 'open');
		const flowTokens = Array.from({ length: (FLOW_SECONDS * (FLOW_RUNS + 1) + FLOW_WARM_UP_SECONDS * 2) * 150 + 3 }, newInvitationToken);
		for (let i = 0; i < flowTokens.length; i += 5000) {
			const chunk = flowTokens.slice(i, i + 5000);
			await db.execute(sql`INSERT INTO invitations (study_id, group_key, token_hash) SELECT ${flowStudyId}::uuid, 'verwaltung', unnest(${sql.param(chunk.map(invitationHash))}::text[])`);
		}
		const origin = `http://127.0.0.1:${port}`;
		const flow = (seconds: number) => runQuestionnaireFlow({ origin, tokens: flowTokens.splice(0, seconds * 150), concurrency: FLOW_PARTICIPANTS, seconds });
		// Database transactions so far (each statement outside a transaction is one). An idle backend reports its counts up to 10 s late (PGSTAT_IDLE_INTERVAL): wait for the last report.
		const databaseTransactions = async () => {
			await new Promise((resolve) => setTimeout(resolve, 11_000));
			const { rows } = await bare.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
			return { count: Number(rows[0].n), at: performance.now() };
		};
		await flow(FLOW_WARM_UP_SECONDS);
		// What one questionnaire costs the database: three participants one after another, nothing else running, less the
		// transactions of an idle span (the job queue's polling, the count's own query) at the same rate.
		const idleStart = await databaseTransactions();
		const idleEnd = await databaseTransactions();
		const idlePerMs = (idleEnd.count - idleStart.count) / (idleEnd.at - idleStart.at);
		for (let run = 0; run < 3; run++) await answerQuestionnaire(origin, flowTokens.shift()!, run, { latencies: [], pageBytes: [] });
		const answered = await databaseTransactions();
		const transactionsEach = (answered.count - idleEnd.count - idlePerMs * (answered.at - idleEnd.at)) / 3;
		const flowRuns: { perSecond: number; p50: number; p99: number; requestsEach: number; pageKilobytes: number; baselinePerSecond: number; baselineP99: number; cpu?: CpuShares }[] = [];
		for (let run = 0; run < FLOW_RUNS; run++) {
			const cpuBefore = cpuSnapshot(app.pid!);
			const figures = await flow(FLOW_SECONDS);
			const cpu = cpuShares(cpuBefore, cpuSnapshot(app.pid!), os.cpus().length);
			if (figures.failures.length) throw new Error(`Fragebogen-Benchmark: ${figures.failures.length} Fehler, z. B. ${figures.failures[0]}`);
			// Baseline: the cheapest page of the app at the same concurrency.
			const baseline = await autocannon({ url: `${origin}/healthz`, connections: FLOW_PARTICIPANTS, duration: Math.min(FLOW_SECONDS, 15) });
			flowRuns.push({
				perSecond: figures.completed / figures.seconds,
				p50: percentile(figures.latencies, 50),
				p99: percentile(figures.latencies, 99),
				requestsEach: figures.requests / figures.completed,
				pageKilobytes: percentile(figures.pageBytes, 50) / 1000,
				baselinePerSecond: baseline.requests.average,
				baselineP99: baseline.latency.p99,
				cpu
			});
			const last = flowRuns.at(-1)!;
			log(`  Fragebogen (${run + 1}/${FLOW_RUNS}): ${last.perSecond.toFixed(1)} ausgefüllt/s, Seiten p50 ${ms(last.p50)}, p99 ${ms(last.p99)}, ${last.requestsEach.toFixed(1)} Anfragen je Fragebogen, Seiten im Median ${last.pageKilobytes.toFixed(0)} kB HTML; /healthz: ${last.baselinePerSecond.toFixed(0)}/s, p99 ${last.baselineP99} ms; CPU: ${describeCpu(cpu)}${cpu ? `, App-Server ${((1000 * cpu.app) / last.perSecond).toFixed(0)} ms CPU je Fragebogen` : ''}`);
		}
		const flowMedian = (key: Exclude<keyof (typeof flowRuns)[number], 'cpu'>) => median(flowRuns.map((r) => r[key]));

		// What a second worker process buys on this machine: the same flow once more against the app with two workers.
		const stopApp = async () => {
			const exited = new Promise((resolve) => app!.once('exit', resolve));
			app!.kill('SIGINT');
			await exited;
			app = undefined;
		};
		await stopApp();
		app = await startServer(server, port, { STADTWISSEN_WORKERS: '2' });
		await flow(FLOW_WARM_UP_SECONDS);
		const twoWorkerFigures = await flow(FLOW_SECONDS);
		if (twoWorkerFigures.failures.length) throw new Error(`Fragebogen-Benchmark (2 Arbeitsprozesse): ${twoWorkerFigures.failures.length} Fehler, z. B. ${twoWorkerFigures.failures[0]}`);
		const twoWorkers = { perSecond: twoWorkerFigures.completed / twoWorkerFigures.seconds, p99: percentile(twoWorkerFigures.latencies, 99) };
		log(`  Fragebogen mit 2 Arbeitsprozessen: ${twoWorkers.perSecond.toFixed(1)} ausgefüllt/s, Seiten p99 ${ms(twoWorkers.p99)}`);
		await stopApp();
		await bare.end();
		const submitsPerSecond = median(httpRuns.map((r) => r.submitsPerSecond));
		const p99 = median(httpRuns.map((r) => r.p99));
		const insertsPerSecond = median(httpRuns.map((r) => r.insertsPerSecond));
		await db.$client.end();

		const report = [
			`# Benchmark results`,
			'',
			`- Date: ${new Date().toISOString()}`,
			`- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
			`- Node ${process.version}, PostgreSQL ${versionInfo} (embedded, default durability)`,
			`- Study: ${forty.length} competences × (3 horizons + proficiency) × 6 groups; answers bulk-loaded in SQL, then the round closed as the app closes it (histograms counted from the answers once); VACUUM and CHECKPOINT before measuring`,
			`- Results: one study per size, measured taking turns, median of ${RUNS * 2} runs each after five warm-ups (JIT and caches, as in a running server); the naive baseline (percentile_cont, avg, stddev over the raw answer rows; median of ${Math.min(RUNS, 5)} runs after one warm-up) measured in the same run on the same database`,
			'',
			'## Results computation (server time, in process)',
			'',
			'| participants | Stadtwissen (counters) | naive percentile_cont | ratio naive / ours | closing the round (once) |',
			'| ---: | ---: | ---: | ---: | ---: |',
			...resultRows.map((r) => `| ${r.size.toLocaleString('en-GB')} | ${ms(r.ours)} | ${ms(r.naive)} | ${(r.naive / r.ours).toFixed(1)}× | ${ms(r.closeMs)} |`),
			'',
			resultRows.length > 1 ? `Largest / smallest size: ${(resultRows.at(-1)!.ours / resultRows[0].ours).toFixed(2)}× (target ≤ 1.5×).` : '',
			'',
			`## Results over HTTP (GET /api/v1/studies/{id}/results with an API key, one request at a time, median of ${RUNS * 2} runs per size after five warm-ups, sizes and /healthz taking turns)`,
			'',
			'What an API client waits for, from sending the request to the last byte: authentication, the study, the protected round, the released open answers, JSON and compression.',
			'',
			'| participants | brotli (as negotiated) | bytes on the wire | uncompressed | bytes | /healthz (baseline) | ratio brotli / in process |',
			'| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
			...httpResults.rows.map((r, i) => `| ${r.size.toLocaleString('en-GB')} | ${ms(r.compressedMs)} | ${r.compressedBytes.toLocaleString('en-GB')} | ${ms(r.plainMs)} | ${r.plainBytes.toLocaleString('en-GB')} | ${ms(httpResults.healthzMs)} | ${(r.compressedMs / resultRows[i].ours).toFixed(2)}× |`),
			'',
			'Target: ≤ 25 ms at 100,000 participants.',
			'',
			`## HTTP submissions (autocannon, ${CONNECTIONS} connections, ${HTTP_SECONDS} s per run, ${httpItems.length} answers per submission, median of ${HTTP_RUNS} run${HTTP_RUNS > 1 ? 's' : ''} after ${WARM_UP_SECONDS} s of warm-up)`,
			'',
			'| what | per second | p99 latency |',
			'| --- | ---: | ---: |',
			`| POST /api/v1/participate/{token} (round 1, app defaults) | ${submitsPerSecond.toFixed(0)} | ${p99} ms |`,
			`| bare INSERT over a pool of ${POOL} (baseline) | ${insertsPerSecond.toFixed(0)} | – |`,
			'',
			`Runs (submissions/s, p99, bare INSERTs/s): ${httpRuns.map((r) => `${r.submitsPerSecond.toFixed(0)}, ${r.p99} ms, ${r.insertsPerSecond.toFixed(0)}`).join(' · ')}.`,
			'',
			`Ratio submissions / bare inserts: ${(submitsPerSecond / insertsPerSecond).toFixed(2)}. Targets: ≥ 500 submissions/s, p99 < 250 ms.`,
			'',
			`## Questionnaire over HTML without JavaScript (${FLOW_PARTICIPANTS} participants at once, each on a fresh link, ${forty.length} competences × (3 horizons + proficiency), ${FLOW_SECONDS} s per run, median of ${FLOW_RUNS} run${FLOW_RUNS > 1 ? 's' : ''} after ${FLOW_WARM_UP_SECONDS} s of warm-up)`,
			'',
			'Each participant GETs the link, follows the start link, POSTs every page form with its hidden fields to where its button points (the next page answers at once; a redirect, where there is one, is followed), reviews and submits (`bench/questionnaire-flow.ts`). Database transactions each: three participants answering one after another with nothing else running, from `pg_stat_database`, less the idle rate (job queue polling).',
			'',
			'| what | per second | p50 latency | p99 latency | requests each | database transactions each |',
			'| --- | ---: | ---: | ---: | ---: | ---: |',
			`| completed questionnaires (page latency) | ${flowMedian('perSecond').toFixed(1)} | ${ms(flowMedian('p50'))} | ${ms(flowMedian('p99'))} | ${flowMedian('requestsEach').toFixed(1)} | ${transactionsEach.toFixed(1)} |`,
			`| GET /healthz, same concurrency (baseline) | ${flowMedian('baselinePerSecond').toFixed(0)} requests | – | ${flowMedian('baselineP99')} ms | 1 | 1 |`,
			'',
			`Runs (questionnaires/s, page p99, /healthz per second): ${flowRuns.map((r) => `${r.perSecond.toFixed(1)}, ${ms(r.p99)}, ${r.baselinePerSecond.toFixed(0)}`).join(' · ')}. Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}.`,
			'',
			flowRuns.every((r) => r.cpu)
				? `CPU in use during the runs (medians, in cores of ${os.cpus().length}): app server ${median(flowRuns.map((r) => r.cpu!.app)).toFixed(2)}, the bench's simulated participants ${median(flowRuns.map((r) => r.cpu!.client)).toFixed(2)}, PostgreSQL and the rest ${median(flowRuns.map((r) => r.cpu!.rest)).toFixed(2)} — client and server share the machine. CPU time per completed questionnaire: app server ${median(flowRuns.map((r) => (1000 * r.cpu!.app) / r.perSecond)).toFixed(0)} ms, simulated participant ${median(flowRuns.map((r) => (1000 * r.cpu!.client) / r.perSecond)).toFixed(0)} ms, PostgreSQL and the rest ${median(flowRuns.map((r) => (1000 * r.cpu!.rest) / r.perSecond)).toFixed(0)} ms (one core of the app server alone would serve about ${median(flowRuns.map((r) => r.perSecond / r.cpu!.app)).toFixed(0)} questionnaires/s).`
				: '',
			'',
			`The same flow against the app with two worker processes (STADTWISSEN_WORKERS=2, one run after a warm-up): ${twoWorkers.perSecond.toFixed(1)} questionnaires/s, page p99 ${ms(twoWorkers.p99)} — on ${os.cpus().length} cores shared with the simulated participants and PostgreSQL, a second worker has no core of its own; on more cores the app scales with its workers (the default is one per core less one, at most four).`,
			'',
			`Page requests per second in the flow / /healthz per second: ${((flowMedian('perSecond') * flowMedian('requestsEach')) / flowMedian('baselinePerSecond')).toFixed(2)}. Targets: ≥ 40 questionnaires/s, page p99 < 150 ms.`,
			''
		].join('\n');
		if (smoke || onlyQuestionnaire) log('\n' + report + (instances ? `\n${instances.markdown}` : '') + (werkstattLive ? `\n${werkstattLive.markdown}` : ''));
		else {
			fs.writeFileSync(path.join('bench', 'RESULTS.md'), report);
			writeLanguageSection(language.markdown);
			writeWerkstattGroupsSection(werkstattGroups.markdown);
			if (instances) writeResultsSection('instances', instances.markdown);
			if (werkstattLive) writeResultsSection('werkstatt-live', werkstattLive.markdown);
			log('\nbench/RESULTS.md geschrieben.');
		}
	} finally {
		app?.kill('SIGKILL');
		await server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
