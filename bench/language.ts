/**
 * Benchmark of the comprehensibility check (issue 14): 1 MB of German text checked in one call
 * (median of 5 runs, each with an empty syllable cache; target < 1 s), and the inline check of a
 * 2,000-character invitation (target < 50 ms). Baseline in the same run: a plain whitespace split
 * of the same text, the least any word count has to do.
 *
 * `npx tsx bench/language.ts` prints the figures and writes its section into bench/RESULTS.md;
 * `--smoke` runs a short version and writes nothing. `npm run bench` runs it as well.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { checkText } from '../src/lib/domain/language/check';
import { clearSyllableCache } from '../src/lib/domain/language/syllables';
import { median, writeResultsSection } from './section';

const SEED = '/work/shared/seed/macht-stadt-gemeinsam.txt';
const FIXTURES = [
	'Im Rahmen der Umsetzung des ISEK wird hinsichtlich der Durchführung der Bürgerbeteiligung zu einer Informationsveranstaltung eingeladen, in welcher die Planungen seitens der Verwaltung zur Kenntnis gebracht werden. Eine Anmeldung ist bis zum 12. März erforderlich.',
	'Wir planen die Zukunft der Altstadt. Dafür laden wir Sie ein. Wir zeigen Ihnen unsere Pläne am 12. März im Rathaus. Sagen Sie uns Ihre Meinung. Bitte melden Sie sich vorher an.',
	'Gemäß § 3 Abs. 2 Nr. 1 BauGB ist der Bebauungsplan öffentlich auszulegen, d. h. z. B. im Rathaus oder online. Die Koalition, das Museum und das Theater unterstützen die Zwischennutzung; Dr. Meier leitet ca. 40 Workshops usw.',
	'Die Stadtteilkonferenz findet am Donnerstag, den 3. April, um 18 Uhr statt. Kommen Sie vorbei! Wer kann mitmachen? Alle, die im Quartier wohnen, arbeiten oder sich engagieren.'
];
const MEGABYTE = 1_000_000;
const INVITATION_CHARS = 2_000;

function corpus(bytes: number): string {
	const seed = fs.existsSync(SEED) ? fs.readFileSync(SEED, 'utf8') : '';
	const block = [seed, ...FIXTURES].join('\n\n');
	const parts: string[] = [];
	let size = 0;
	while (size < bytes) {
		parts.push(block);
		size += Buffer.byteLength(block, 'utf8') + 2;
	}
	return parts.join('\n\n');
}

function time(runs: number, work: () => unknown, before: () => void = () => {}): number[] {
	before();
	work(); // warm-up (JIT)
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		before();
		const start = performance.now();
		work();
		times.push(performance.now() - start);
	}
	return times;
}

export interface LanguageBench {
	lines: string[];
	markdown: string;
}

/** Runs the benchmark; prints nothing itself. */
export function languageBench(smoke: boolean): LanguageBench {
	const load = os.loadavg()[0];
	const runs = smoke ? 3 : 5;
	const text = corpus(smoke ? MEGABYTE / 5 : MEGABYTE);
	const bytes = Buffer.byteLength(text, 'utf8');
	const words = checkText(text).counts.words;
	const checkTimes = time(runs, () => checkText(text), clearSyllableCache);
	const splitTimes = time(runs, () => text.split(/\s+/).filter(Boolean).length);
	const check = median(checkTimes);
	const split = median(splitTimes);

	let invitation = '';
	for (let i = 0; invitation.length < INVITATION_CHARS; i++) invitation += (invitation ? ' ' : '') + FIXTURES[i % FIXTURES.length];
	invitation = invitation.slice(0, INVITATION_CHARS);
	const inline = median(time(runs, () => checkText(invitation, { rules: ['leichte-sprache'] }), clearSyllableCache));

	const ms = (value: number) => `${value.toFixed(1)} ms`;
	const size = `${(bytes / MEGABYTE).toFixed(2)} MB`;
	const lines = [
		`Verständlichkeitsprüfung${smoke ? ' (smoke)' : ''}: ${size}, ${words.toLocaleString('en')} words, median of ${runs}`,
		`  check: ${ms(check)} (${(check / (words / 1000)).toFixed(3)} ms per 1,000 words) — target < 1000 ms for 1 MB`,
		`  baseline whitespace split: ${ms(split)}; check / split: ${(check / split).toFixed(1)}×`,
		`  2,000-character invitation (with Leichte Sprache): ${ms(inline)} — target < 50 ms`,
		`  runs (check): ${checkTimes.map((t) => t.toFixed(0)).join(', ')} ms`
	];
	const markdown = [
		'## Verständlichkeitsprüfung (issue 14: text check, in process, pure functions)',
		'',
		`- Date: ${new Date().toISOString()}; Node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; load average at the start ${load.toFixed(1)} (other work on the machine slows every figure)`,
		`- Text: the seed text and four fixture texts repeated to ${size} (${words.toLocaleString('en')} words); each run starts with an empty syllable cache; median of ${runs} runs after one warm-up`,
		'',
		'| what | median | per 1,000 words | target |',
		'| --- | ---: | ---: | ---: |',
		`| checkText, ${size} (all finders, built-in word list) | ${ms(check)} | ${(check / (words / 1000)).toFixed(3)} ms | < 1000 ms |`,
		`| baseline: whitespace split of the same text | ${ms(split)} | ${(split / (words / 1000)).toFixed(3)} ms | – |`,
		`| checkText, 2,000-character invitation, with Leichte Sprache | ${ms(inline)} | – | < 50 ms |`,
		'',
		`Check / baseline: ${(check / split).toFixed(1)}×. Runs (check, ms): ${checkTimes.map((t) => t.toFixed(0)).join(', ')}.`,
		'The API adds one rate-limit statement in PostgreSQL per request to the inline figure.',
		''
	].join('\n');
	return { lines, markdown };
}

/** Puts the section into bench/RESULTS.md between its markers (appended the first time), leaving the other sections alone. */
export function writeLanguageSection(markdown: string, file = path.join('bench', 'RESULTS.md')): void {
	writeResultsSection('language-bench', markdown, file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const smoke = process.argv.includes('--smoke');
	const result = languageBench(smoke);
	for (const line of result.lines) console.log(line);
	if (!smoke) {
		writeLanguageSection(result.markdown);
		console.log('bench/RESULTS.md: section „Verständlichkeitsprüfung“ written.');
	}
}
