/**
 * API submissions with one app instance against two instances on one PostgreSQL (issue 19), in the
 * same run on the same database: what a second instance buys on this machine. Called from
 * bench/run.ts after its HTTP submissions, while the first instance still runs; starts the second,
 * takes turns (one instance, then both with half the connections each, `runs` times) and stops it.
 * `npm run bench` writes its section into bench/RESULTS.md; `--smoke` only prints it.
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import autocannon from 'autocannon';
import { median } from './section';

export interface InstancesInput {
	/** The instance already running (app defaults). */
	first: string;
	/** Starts another instance like the first on `port`; resolves once it listens. */
	startInstance(port: number): Promise<ChildProcess>;
	freePort(): Promise<number>;
	/** `count` unused links of the open study; each submission spends one. */
	freshTokens(count: number): Promise<string[]>;
	/** The JSON body of a submission (the answers). */
	body: string;
	connections: number;
	seconds: number;
	runs: number;
}

export interface InstancesBench {
	lines: string[];
	markdown: string;
}

interface Figures {
	perSecond: number;
	p99: number;
	failed: number;
}

/** The most submissions per second one instance of the app has managed on any machine so far, with margin: enough links for a run. */
const LINKS_PER_SECOND = 2_500;

async function submissions(origins: string[], tokens: string[], body: string, connections: number, seconds: number): Promise<Figures> {
	let next = 0;
	const results = await Promise.all(
		origins.map((origin) =>
			autocannon({
				url: origin,
				connections: Math.max(1, Math.round(connections / origins.length)),
				duration: seconds,
				requests: [
					{
						method: 'POST',
						setupRequest: (request) => {
							const token = tokens[next++ % tokens.length];
							return { ...request, path: `/api/v1/participate/${token}`, headers: { 'content-type': 'application/json', 'idempotency-key': `instances-${next}-${token.slice(0, 8)}` }, body };
						}
					}
				]
			})
		)
	);
	const ok = results.reduce((sum, r) => sum + r['2xx'], 0);
	if (ok === 0) throw new Error(`Instanzen-Benchmark: keine Abgabe erfolgreich (${JSON.stringify(results.map((r) => r.statusCodeStats))})`);
	// Two instances: the slower one's p99 (what the load balancer's slowest answers look like).
	return { perSecond: ok / seconds, p99: Math.max(...results.map((r) => r.latency.p99)), failed: results.reduce((sum, r) => sum + r.non2xx + r.errors, 0) };
}

export async function instancesBench(input: InstancesInput): Promise<InstancesBench> {
	const loadAtStart = os.loadavg()[0];
	const port = await input.freePort();
	const second = `http://127.0.0.1:${port}`;
	const child = await input.startInstance(port);
	const lines: string[] = [];
	const one: Figures[] = [];
	const two: Figures[] = [];
	try {
		const run = async (origins: string[], seconds: number) => submissions(origins, await input.freshTokens(seconds * LINKS_PER_SECOND), input.body, input.connections, seconds);
		// One submission first: it must work on the new instance too.
		const [token] = await input.freshTokens(1);
		const first = await fetch(`${second}/api/v1/participate/${token}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'instances-warm-up' }, body: input.body });
		if (first.status !== 201) throw new Error(`Instanzen-Benchmark: die erste Abgabe an die zweite Instanz schlug fehl (${first.status}): ${await first.text()}`);
		// Not measured: the new instance opens its pool and compiles its hot path, as one that has been running.
		await run([second], 3).catch(() => undefined);
		for (let i = 0; i < input.runs; i++) {
			one.push(await run([input.first], input.seconds));
			two.push(await run([input.first, second], input.seconds));
			lines.push(
				`  Instanzen (${i + 1}/${input.runs}): eine ${one[i].perSecond.toFixed(0)} Abgaben/s (p99 ${one[i].p99} ms), zwei ${two[i].perSecond.toFixed(0)} Abgaben/s (p99 ${two[i].p99} ms)`
			);
		}
	} finally {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGINT');
		await exited;
	}
	const med = (figures: Figures[], key: keyof Figures) => median(figures.map((f) => f[key]));
	const ratio = med(two, 'perSecond') / med(one, 'perSecond');
	const cores = os.cpus().length;
	const markdown = [
		`## API submissions: one instance or two on one PostgreSQL (autocannon, ${input.connections} connections in all, ${input.seconds} s per run, median of ${input.runs} run${input.runs > 1 ? 's' : ''}, one and two instances taking turns)`,
		'',
		`- Date: ${new Date().toISOString()}; Node ${process.version}; ${cores} × ${os.cpus()[0]?.model ?? 'CPU'}; load average at the start ${loadAtStart.toFixed(1)}, at the end ${os.loadavg()[0].toFixed(1)} (other work on the machine slows every figure)`,
		'- Both instances are `stadtwissen serve` processes with the app defaults on the same external database (here the bench’s embedded PostgreSQL), as README „Skalieren“ describes; two instances get half the connections each, as a load balancer would spread them.',
		'',
		'| instances | submissions per second | p99 latency (slower instance) | failed |',
		'| ---: | ---: | ---: | ---: |',
		`| 1 | ${med(one, 'perSecond').toFixed(0)} | ${med(one, 'p99')} ms | ${one.reduce((s, f) => s + f.failed, 0)} |`,
		`| 2 | ${med(two, 'perSecond').toFixed(0)} | ${med(two, 'p99')} ms | ${two.reduce((s, f) => s + f.failed, 0)} |`,
		'',
		`Two instances / one: ${ratio.toFixed(2)}×. On ${cores} core${cores > 1 ? 's' : ''} the app processes, PostgreSQL and the load generator share the machine, so a second instance has no core of its own to add. On machines (or containers) of their own, each instance could add up to what one instance does here as long as PostgreSQL keeps up (not measured here): one submission is one statement there (\`submit_answers\`), and the bare-INSERT baseline above shows the database's ceiling on this machine.`,
		''
	].join('\n');
	lines.push(`  Instanzen: eine ${med(one, 'perSecond').toFixed(0)} Abgaben/s, zwei ${med(two, 'perSecond').toFixed(0)} Abgaben/s (${ratio.toFixed(2)}×)`);
	return { lines, markdown };
}
