/**
 * The questionnaire as a browser without JavaScript does it: GET the link, follow the start link,
 * fill each page's form (hidden fields kept, one radio per question) and POST it where the form
 * says (each page answers with the next one; a redirect, where there is one, is followed), review,
 * submit. Nothing here knows the page structure beyond HTML forms, so the bench
 * keeps measuring the real flow when pages change.
 *
 * The simulated participants share the machine with the app, so they are kept cheap: node's own
 * HTTP client over kept-alive connections (fetch costs several times more per request) and a scan
 * of the HTML's tags instead of a document tree (see html-tags.ts).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { formOf, type Form, type Tag } from './html-tags';

export interface FlowFigures {
	completed: number;
	/** From the first request to the last participant's submission. */
	seconds: number;
	/** Latency of every request (GET and POST) in ms. */
	latencies: number[];
	/** Size of every HTML page received, uncompressed, in bytes. */
	pageBytes: number[];
	requests: number;
	failures: string[];
}

const MAX_STEPS = 60;
/** What a browser sends; without `accept`, SvelteKit answers a form POST with JSON, as it does for `use:enhance`. */
const BROWSER_HEADERS = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' };
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Answer {
	status: number;
	location: string | undefined;
	body: string;
}

function send(url: URL, method: 'GET' | 'POST', body?: string): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const headers: http.OutgoingHttpHeaders = { ...BROWSER_HEADERS };
		if (body !== undefined) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: url.origin });
		const request = http.request(url, { method, agent, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('error', reject);
			response.on('end', () => {
				const raw = Buffer.concat(chunks);
				const encoding = response.headers['content-encoding'];
				const decoded = encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : encoding === 'deflate' ? zlib.inflateSync(raw) : raw;
				resolve({ status: response.statusCode ?? 0, location: response.headers.location, body: decoded.toString('utf8') });
			});
		});
		request.on('error', reject);
		request.end(body);
	});
}

/** One participant: from the link to the thank-you page. Returns the number of requests it took. */
export async function answerQuestionnaire(origin: string, token: string, seed: number, samples: Pick<FlowFigures, 'latencies' | 'pageBytes'>): Promise<number> {
	let requests = 0;
	const timed = async (url: URL, method: 'GET' | 'POST' = 'GET', body?: string) => {
		const start = performance.now();
		const answer = await send(url, method, body);
		samples.latencies.push(performance.now() - start);
		if (answer.status === 200) samples.pageBytes.push(Buffer.byteLength(answer.body));
		requests += 1;
		return answer;
	};
	let url = new URL(`/t/${token}`, origin);
	let answer = await timed(url);
	for (let step = 0; step < MAX_STEPS; step++) {
		if (answer.status === 303 || answer.status === 302) {
			const location = new URL(answer.location!, url);
			if (location.pathname.startsWith('/t/danke')) return requests;
			url = location;
			answer = await timed(url);
			continue;
		}
		if (answer.status !== 200) throw new Error(`${url}: Status ${answer.status}`);
		const page = formOf(answer.body);
		if (!page.form) {
			if (!page.startHref) throw new Error(`${url}: weder Formular noch Start-Link auf der Seite „${page.title}“`);
			url = new URL(page.startHref, url);
			answer = await timed(url);
			continue;
		}
		// The forward button's `formaction`, else the form's `action` (pages post to the page they lead to).
		const action = new URL(forwardButton(page.form)?.attributes.formaction ?? page.form.attributes.action ?? '', url);
		answer = await timed(action, 'POST', filledForm(page.form, seed + step).toString());
		url = action;
	}
	throw new Error(`${url}: nach ${MAX_STEPS} Schritten nicht fertig`);
}

/** What a person would send: hidden fields as they are, a rating for every question, the forward button. */
function filledForm(form: Form, seed: number): URLSearchParams {
	const fields = new URLSearchParams();
	const radios = new Map<string, string[]>();
	for (const input of form.inputs) {
		const name = input.attributes.name;
		if (!name) continue;
		const type = input.attributes.type ?? 'text';
		if (type === 'radio') radios.set(name, [...(radios.get(name) ?? []), input.attributes.value ?? 'on']);
		else if (type === 'checkbox') continue;
		else fields.append(name, input.attributes.value ?? '');
	}
	let n = seed;
	for (const [name, values] of radios) {
		const ratings = values.filter((value) => /^\d+$/.test(value));
		const choices = ratings.length ? ratings : values;
		fields.append(name, choices[(n++ * 7) % choices.length]);
	}
	for (const textarea of form.textareas) {
		const name = textarea.attributes.name;
		if (name) fields.append(name, '');
	}
	const forward = forwardButton(form);
	if (forward) fields.append(forward.attributes.name!, forward.attributes.value ?? '');
	return fields;
}

/** The button a person presses to go on: value "next", else the last named one. */
function forwardButton(form: Form): Tag | undefined {
	const buttons = form.buttons.filter((button) => button.attributes.name);
	return buttons.find((button) => button.attributes.value === 'next') ?? buttons.at(-1);
}

/**
 * `concurrency` participants at once, each on a fresh link: new participants start for `seconds`,
 * those still answering then finish; the rate is completed questionnaires over the whole time.
 */
export async function runQuestionnaireFlow(options: { origin: string; tokens: string[]; concurrency: number; seconds: number }): Promise<FlowFigures> {
	const samples = { latencies: [] as number[], pageBytes: [] as number[] };
	const failures: string[] = [];
	let completed = 0;
	let requests = 0;
	let next = 0;
	const start = performance.now();
	const until = start + options.seconds * 1000;
	await Promise.all(
		Array.from({ length: options.concurrency }, async () => {
			while (performance.now() < until) {
				const token = options.tokens[next++];
				if (!token) throw new Error('Zu wenige frische Links für den Fragebogen-Benchmark.');
				try {
					// Not `requests += await …`: that reads the total before the await and loses the other participants' counts.
					const used = await answerQuestionnaire(options.origin, token, next, samples);
					requests += used;
					completed += 1;
				} catch (error) {
					failures.push(error instanceof Error ? error.message : String(error));
				}
			}
		})
	);
	return { completed, seconds: (performance.now() - start) / 1000, ...samples, requests, failures };
}

export function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
