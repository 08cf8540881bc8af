/**
 * Starts real Stadtwissen servers for the e2e project:
 *  - "demo": a first start with demo data (the demo password is read from stdout), then — with the
 *    server stopped, because the CLI takes the data directory's lock — the CLI adds an organiser,
 *    a facilitator and a viewer to the demo organisation and the owner of a second organisation;
 *    then the server is started again on the same data directory.
 *  - "setup-1280" / "setup-375": STADTWISSEN_DEMO=0 and no user, for the setup journey (it can
 *    run only once per instance, so one server per viewport width).
 * Every server has its own temporary data directory, removed in teardown after SIGINT. All run
 * from one snapshot of the working tree (see prepareAppSnapshot), built by the first start.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import type { Account, E2eContext, Role } from './support/context';
import { makeDataDir, prepareAppSnapshot, removeDataDir, removeStaleTempDirs, runCli, startServer, type AppSnapshot, type RunningServer, type StartOptions } from './support/servers';
import { startMailbox, type RunningMailbox } from './support/mailbox';
import { WIDTHS } from './support/widths';

const DEMO_ORG = 'Stadt Altenburg (Demo)';
const DEMO_EMAIL = 'demo@stadtwissen.example';
const OTHER_ORG = 'Gemeinde Nachbarort';

const running: RunningServer[] = [];
const dataDirs: string[] = [];
let snapshot: AppSnapshot | undefined;
let mailbox: RunningMailbox | undefined;

function password(): string {
	return `E2e-${randomBytes(12).toString('base64url')}`;
}

async function stopAll(): Promise<void> {
	await Promise.all(running.splice(0).map((server) => server.stop()));
	await mailbox?.close();
	mailbox = undefined;
	for (const dir of dataDirs.splice(0)) removeDataDir(dir);
	snapshot?.release();
	snapshot = undefined;
}

export async function setup(project: TestProject): Promise<void> {
	const begun = Date.now();
	try {
		removeStaleTempDirs();
		snapshot = prepareAppSnapshot();
		const appDir = snapshot.dir;
		const demoDir = makeDataDir('demo');
		dataDirs.push(demoDir);
		const first = await startServer({ appDir, label: 'demo (first start)', dataDir: demoDir, demo: true });
		await first.stop();
		if (!first.demoPassword) throw new Error(`The first start printed no demo password. Output:\n${first.output()}`);

		const accounts: Record<Role, Account> = {
			owner: { email: DEMO_EMAIL, password: first.demoPassword, name: 'Demo-Inhaber*in' },
			organiser: { email: 'organisator@altenburg.example', password: password(), name: 'Olga Organisator' },
			facilitator: { email: 'referentin@altenburg.example', password: password(), name: 'Rita Referentin' },
			viewer: { email: 'lesend@altenburg.example', password: password(), name: 'Lea Lesend' }
		};
		const otherOrg = { email: 'inhaber@nachbarort.example', password: password(), name: 'Nils Nachbar', orgName: OTHER_ORG };

		const setupServers = Object.fromEntries(
			WIDTHS.map((width) => {
				const dir = makeDataDir(`setup-${width}`);
				dataDirs.push(dir);
				return [width, { appDir, label: `setup-${width}`, dataDir: dir, demo: false } satisfies StartOptions];
			})
		);
		// The first start built the snapshot; from here on, starts do not build and may overlap.
		const started = (server: RunningServer) => {
			running.push(server);
			if (server.rebuilt) throw new Error(`${server.label} rebuilt the app although the first start had built it.`);
			return server;
		};
		const setupStarts = Object.values(setupServers).map((options) => startServer(options).then(started));

		const createUsers = async () => {
			for (const role of ['organiser', 'facilitator', 'viewer'] as const) {
				const a = accounts[role];
				await runCli(appDir, demoDir, ['user', 'create', '--email', a.email, '--name', a.name, '--org', DEMO_ORG, '--role', role], a.password + '\n');
			}
			await runCli(appDir, demoDir, ['user', 'create', '--email', otherOrg.email, '--name', otherOrg.name, '--org', OTHER_ORG, '--role', 'owner'], otherOrg.password + '\n');
		};
		// The demo server sends mail to a real SMTP server of the tests.
		const box = (mailbox = await startMailbox(`${demoDir}/mails.jsonl`));
		const demoStart = createUsers()
			.then(() => startServer({ appDir, label: 'demo', dataDir: demoDir, demo: true, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(box.port) } }))
			.then(started);

		const results = await Promise.allSettled([...setupStarts, demoStart]);
		const failed = results.find((r) => r.status === 'rejected');
		if (failed) throw (failed as PromiseRejectedResult).reason;

		const byLabel = (label: string) => running.find((s) => s.label === label)!;
		const context: E2eContext = {
			demo: { url: byLabel('demo').url, orgName: DEMO_ORG, accounts, otherOrg },
			mailbox: box.file,
			setupUrls: Object.fromEntries(WIDTHS.map((width) => [String(width), byLabel(`setup-${width}`).url])),
			appDir
		};
		project.provide('e2e', context);
		console.log(`[e2e] ${running.length} servers ready in ${((Date.now() - begun) / 1000).toFixed(1)} s: ${running.map((s) => `${s.label} ${s.url}`).join(', ')}`);
	} catch (error) {
		await stopAll();
		throw error;
	}
}

export async function teardown(): Promise<void> {
	await stopAll();
}
