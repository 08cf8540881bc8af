/**
 * The questionnaire as a browser without JavaScript does it: GET the link, follow the start link,
 * fill each page's form (hidden fields kept, one radio per question) and POST it where the form
 * says (each page answers with the next one; a redirect, where there is one, is followed), review,
 * submit. Nothing here knows the page structure beyond HTML forms, so the bench
 * keeps measuring the real flow when pages change.
 */
import { performance } from 'node:perf_hooks';
import { parse, type HTMLElement } from 'node-html-parser';

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

/** One participant: from the link to the thank-you page. Returns the number of requests it took. */
export async function answerQuestionnaire(origin: string, token: string, seed: number, samples: Pick<FlowFigures, 'latencies' | 'pageBytes'>): Promise<number> {
	let requests = 0;
	const timed = async (url: string, init?: RequestInit) => {
		const start = performance.now();
		const response = await fetch(url, { redirect: 'manual', ...init, headers: { ...BROWSER_HEADERS, ...init?.headers } });
		const body = await response.text();
		samples.latencies.push(performance.now() - start);
		if (response.status === 200) samples.pageBytes.push(Buffer.byteLength(body));
		requests += 1;
		return { response, body };
	};
	let url = `${origin}/t/${token}`;
	let { response, body } = await timed(url);
	for (let step = 0; step < MAX_STEPS; step++) {
		if (response.status === 303 || response.status === 302) {
			const location = new URL(response.headers.get('location')!, url);
			if (location.pathname.startsWith('/t/danke')) return requests;
			url = location.href;
			({ response, body } = await timed(url));
			continue;
		}
		if (response.status !== 200) throw new Error(`${url}: Status ${response.status}`);
		const document = parse(body);
		const form = document.querySelector('main form[method="POST"], main form[method="post"]');
		if (!form) {
			const start = document.querySelector('main a.button');
			if (!start) throw new Error(`${url}: weder Formular noch Start-Link auf der Seite „${document.querySelector('title')?.text ?? '?'}“`);
			url = new URL(start.getAttribute('href')!, url).href;
			({ response, body } = await timed(url));
			continue;
		}
		// The forward button's `formaction`, else the form's `action` (pages post to the page they lead to).
		const action = new URL(forwardButton(form)?.getAttribute('formaction') ?? form.getAttribute('action') ?? '', url).href;
		({ response, body } = await timed(action, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
			body: filledForm(form, seed + step).toString()
		}));
		url = action;
	}
	throw new Error(`${url}: nach ${MAX_STEPS} Schritten nicht fertig`);
}

/** What a person would send: hidden fields as they are, a rating for every question, the forward button. */
function filledForm(form: HTMLElement, seed: number): URLSearchParams {
	const fields = new URLSearchParams();
	const radios = new Map<string, string[]>();
	for (const input of form.querySelectorAll('input')) {
		const name = input.getAttribute('name');
		if (!name) continue;
		const type = input.getAttribute('type') ?? 'text';
		if (type === 'radio') radios.set(name, [...(radios.get(name) ?? []), input.getAttribute('value') ?? 'on']);
		else if (type === 'checkbox') continue;
		else fields.append(name, input.getAttribute('value') ?? '');
	}
	let n = seed;
	for (const [name, values] of radios) {
		const ratings = values.filter((value) => /^\d+$/.test(value));
		const choices = ratings.length ? ratings : values;
		fields.append(name, choices[(n++ * 7) % choices.length]);
	}
	for (const textarea of form.querySelectorAll('textarea')) {
		const name = textarea.getAttribute('name');
		if (name) fields.append(name, '');
	}
	const forward = forwardButton(form);
	if (forward) fields.append(forward.getAttribute('name')!, forward.getAttribute('value') ?? '');
	return fields;
}

/** The button a person presses to go on: value "next", else the last named one. */
function forwardButton(form: HTMLElement): HTMLElement | undefined {
	const buttons = form.querySelectorAll('button[name]');
	return buttons.find((button) => button.getAttribute('value') === 'next') ?? buttons.at(-1);
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
