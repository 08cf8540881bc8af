/**
 * Werkstatt live events (issue 13): 1,000 phones hold the Server-Sent Events stream of one
 * Werkstatt (`GET /api/v1/w/{code}/events`), one participant votes, and the bench measures when
 * each phone hears of that vote: from sending the vote to the arrival of its `vote` event, for
 * every phone and every vote. Votes go one at a time; the next waits until every phone has heard
 * of the last one (or 5 s passed: those count as lost). Beside it, in the same run and the same
 * way, the baseline: a bare SSE broadcast server (a Node process of a few lines, no database, no
 * framework) whose POST writes one frame to every open stream — the least a live board costs.
 *
 * Called from bench/run.ts while the app runs; `npm run bench` writes its section into
 * bench/RESULTS.md, `--smoke` (200 phones, fewer votes) only prints it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { percentile } from './questionnaire-flow';
import { median } from './section';

export interface WerkstattLiveInput {
	origin: string;
	/** An organiser's API key (creates the Werkstatt and its statements). */
	apiToken: string;
	freePort(): Promise<number>;
	phones: number;
	runs: number;
	votesPerRun: number;
}

export interface WerkstattLiveBench {
	lines: string[];
	markdown: string;
}

interface RunFigures {
	p50: number;
	p95: number;
	p99: number;
	lost: number;
}

/** How long a vote may take to reach every phone before the missing ones count as lost. */
const DELIVERY_TIMEOUT_MS = 5_000;

/** The baseline: every open stream gets each POSTed frame, nothing else. */
const BARE_BROADCAST_SERVER = `
const http = require('node:http');
const streams = new Set();
let id = 0;
http.createServer((req, res) => {
	if (req.method === 'GET') {
		res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
		res.write('retry: 2000\\n\\n');
		streams.add(res);
		req.on('close', () => streams.delete(res));
		return;
	}
	let body = '';
	req.on('data', (chunk) => (body += chunk));
	req.on('end', () => {
		id += 1;
		const frame = 'id: ' + id + '\\nevent: vote\\ndata: ' + JSON.stringify({ id, statement: JSON.parse(body).statement }) + '\\n\\n';
		for (const stream of streams) stream.write(frame);
		res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
	});
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening'));
`;

async function startBareBroadcast(port: number): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['-e', BARE_BROADCAST_SERVER, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		child.stdout!.once('data', () => resolve());
		child.once('exit', (code) => reject(new Error(`SSE-Vergleichsserver beendet (${code})`)));
	});
	child.stdout!.resume();
	return child;
}

/**
 * Phones listening to one event stream each. `expect(statement, sentAt)` arms them for the next
 * vote; each phone whose stream brings a `vote` event of that statement records its delay once.
 */
class Phones {
	private readonly requests: http.ClientRequest[] = [];
	private statement = '';
	private sentAt = 0;
	private heard = new Set<number>();
	private delays: number[] = [];
	private allHeard: (() => void) | null = null;

	constructor(private readonly count: number) {}

	async open(url: string): Promise<void> {
		const opened = Array.from(
			{ length: this.count },
			(_, index) =>
				new Promise<void>((resolve, reject) => {
					const request = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (response) => {
						if (response.statusCode !== 200) return reject(new Error(`Ereignisstrom antwortete ${response.statusCode}`));
						response.setEncoding('utf8');
						let tail = '';
						let ready = false;
						response.on('data', (chunk: string) => {
							const text = tail + chunk;
							// A frame may arrive in two pieces: keep the end of this chunk for the next.
							tail = text.slice(-300);
							if (!ready && text.includes('retry:')) {
								ready = true;
								resolve();
							}
							if (this.statement && !this.heard.has(index) && text.includes(`event: vote\ndata: `) && text.includes(`"statement":"${this.statement}"`)) {
								this.heard.add(index);
								this.delays.push(performance.now() - this.sentAt);
								if (this.heard.size === this.count) this.allHeard?.();
							}
						});
					});
					request.on('error', reject);
					this.requests.push(request);
				})
		);
		await Promise.all(opened);
	}

	/** Arms the phones for `statement`, runs `send`, and waits until all have heard of it or the timeout passed. */
	async deliver(statement: string, send: () => Promise<void>): Promise<{ delays: number[]; lost: number }> {
		this.statement = statement;
		this.heard = new Set();
		this.delays = [];
		const everyone = new Promise<void>((resolve) => {
			this.allHeard = resolve;
			setTimeout(resolve, DELIVERY_TIMEOUT_MS);
		});
		this.sentAt = performance.now();
		await send();
		await everyone;
		this.allHeard = null;
		this.statement = '';
		return { delays: this.delays, lost: this.count - this.heard.size };
	}

	close(): void {
		for (const request of this.requests) request.destroy();
	}
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
	return response.json();
}

/** One measured run: `votesPerRun` votes, one after another, each heard by every phone. */
async function measure(phones: Phones, votes: { statement: string; send: () => Promise<void> }[]): Promise<RunFigures> {
	const delays: number[] = [];
	let lost = 0;
	for (const vote of votes) {
		const heard = await phones.deliver(vote.statement, vote.send);
		delays.push(...heard.delays);
		lost += heard.lost;
	}
	return { p50: percentile(delays, 50), p95: percentile(delays, 95), p99: percentile(delays, 99), lost };
}

export async function werkstattLiveBench(input: WerkstattLiveInput): Promise<WerkstattLiveBench> {
	const loadAtStart = os.loadavg()[0];
	const organiser = { authorization: `Bearer ${input.apiToken}` };
	const { id, code } = (await post(`${input.origin}/api/v1/werkstaetten`, { title: 'Benchmark: Live-Ereignisse' }, organiser)) as { id: string; code: string };
	const { statements } = (await post(
		`${input.origin}/api/v1/werkstaetten/${id}/statements`,
		{ statements: Array.from({ length: input.votesPerRun }, (_, i) => `Aussage ${i + 1} für den Benchmark der Live-Ereignisse.`) },
		organiser
	)) as { statements: string[] };
	// One voter per run and warm-up: a device may vote on each statement once.
	const voters: string[] = [];
	for (let i = 0; i <= input.runs; i++) voters.push(((await post(`${input.origin}/api/v1/w/${code}/join`, { group: null })) as { token: string }).token);
	const appVotes = (voter: string) =>
		statements.map((statement) => ({
			statement,
			send: async () => void (await post(`${input.origin}/api/v1/w/${code}/votes`, { statement, vote: 1 }, { authorization: `Bearer ${voter}` }))
		}));

	const barePort = await input.freePort();
	const bare = await startBareBroadcast(barePort);
	const bareVotes = statements.map((statement) => ({ statement, send: async () => void (await post(`http://127.0.0.1:${barePort}/`, { statement })) }));

	const appPhones = new Phones(input.phones);
	const barePhones = new Phones(input.phones);
	const app: RunFigures[] = [];
	const baseline: RunFigures[] = [];
	const lines: string[] = [];
	try {
		const opening = performance.now();
		await appPhones.open(`${input.origin}/api/v1/w/${code}/events`);
		const openSeconds = (performance.now() - opening) / 1000;
		await barePhones.open(`http://127.0.0.1:${barePort}/`);
		// Warm-up, not measured: the JIT compiles both paths.
		await measure(appPhones, appVotes(voters[0]));
		await measure(barePhones, bareVotes);
		// The app and the baseline take turns, so both meet the machine in the same state.
		for (let run = 0; run < input.runs; run++) {
			app.push(await measure(appPhones, appVotes(voters[run + 1])));
			baseline.push(await measure(barePhones, bareVotes));
			const a = app[run];
			const b = baseline[run];
			lines.push(
				`  Werkstatt live (${run + 1}/${input.runs}): ${input.phones} Telefone, Stimme bei allen nach p95 ${a.p95.toFixed(0)} ms, p99 ${a.p99.toFixed(0)} ms (verloren ${a.lost}); nackter SSE-Versand p95 ${b.p95.toFixed(0)} ms, p99 ${b.p99.toFixed(0)} ms`
			);
		}
		lines.push(`  Werkstatt live: ${input.phones} Ereignisströme in ${openSeconds.toFixed(1)} s geöffnet`);
	} finally {
		appPhones.close();
		barePhones.close();
		bare.kill();
	}
	const med = (figures: RunFigures[], key: keyof RunFigures) => median(figures.map((f) => f[key]));
	const ms = (value: number) => `${value.toFixed(0)} ms`;
	const cores = os.cpus().length;
	const markdown = [
		`## Werkstatt live events (issue 13: ${input.phones} phones on one Werkstatt's event stream, ${input.votesPerRun} votes per run one after another, median of ${input.runs} run${input.runs > 1 ? 's' : ''} after a warm-up, the app and the baseline taking turns)`,
		'',
		`- Date: ${new Date().toISOString()}; Node ${process.version}; ${cores} × ${os.cpus()[0]?.model ?? 'CPU'}; load average at the start ${loadAtStart.toFixed(1)}, at the end ${os.loadavg()[0].toFixed(1)}`,
		'- Delay: from sending `POST /api/v1/w/{code}/votes` to the `vote` event arriving on a phone, over every phone and vote of a run (the vote is stored, NOTIFY reaches the app’s LISTEN connection, the app writes the event to every stream). The phones are the bench’s own HTTP clients on loopback, on the same 2 cores as the app and PostgreSQL.',
		'- Baseline: a bare Node SSE server (no database, no framework) whose POST writes one frame to every open stream, measured the same way with as many phones.',
		'',
		'| what | p50 | p95 | p99 | lost |',
		'| --- | ---: | ---: | ---: | ---: |',
		`| vote → every phone (Stadtwissen) | ${ms(med(app, 'p50'))} | ${ms(med(app, 'p95'))} | ${ms(med(app, 'p99'))} | ${app.reduce((s, f) => s + f.lost, 0)} |`,
		`| bare SSE broadcast (baseline) | ${ms(med(baseline, 'p50'))} | ${ms(med(baseline, 'p95'))} | ${ms(med(baseline, 'p99'))} | ${baseline.reduce((s, f) => s + f.lost, 0)} |`,
		'',
		`Runs (p95 / p99, Stadtwissen · baseline): ${app.map((a, i) => `${ms(a.p95)} / ${ms(a.p99)} · ${ms(baseline[i].p95)} / ${ms(baseline[i].p99)}`).join('; ')}.`,
		'',
		`Ratio p95 Stadtwissen / baseline: ${(med(app, 'p95') / med(baseline, 'p95')).toFixed(1)}×. Targets: p95 < 300 ms, p99 < 1 s.`,
		''
	].join('\n');
	lines.push(`  Werkstatt live: p95 ${ms(med(app, 'p95'))}, p99 ${ms(med(app, 'p99'))} (nackt: p95 ${ms(med(baseline, 'p95'))}, p99 ${ms(med(baseline, 'p99'))})`);
	return { lines, markdown };
}
