/**
 * Benchmark of the Werkstatt opinion groups (issue 13): a 2,000 × 300 vote matrix with three planted
 * groups (900, 700, 400), about 40 % of the cells voted (240,000 votes), recomputed from the votes — matrix, PCA,
 * k-means for k = 2…5 with restarts, silhouette — median of 5 runs after one warm-up; target
 * < 500 ms. Beside it, in the same run: the consensus and representative statements over the groups
 * found, all results at once (werkstattResults), building the matrix alone, and the baseline, one plain pass over the votes counting them
 * per statement (the least any result has to do).
 *
 * `npx tsx bench/werkstatt-groups.ts` prints the figures and writes its section into
 * bench/RESULTS.md; `--smoke` runs a short version (300 × 60) and writes nothing. `npm run bench`
 * runs it as well.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { groupInformedConsensus } from '../src/lib/domain/werkstatt/consensus';
import { opinionGroups } from '../src/lib/domain/werkstatt/opinion-groups';
import { representativeStatements } from '../src/lib/domain/werkstatt/representative';
import { werkstattResults } from '../src/lib/domain/werkstatt/results';
import { buildVoteMatrix, type Vote } from '../src/lib/domain/werkstatt/vote-matrix';
import { agreementWithPlanted, plantedVotes } from '../tests/helpers/werkstatt-votes';
import { median, writeResultsSection } from './section';

export interface WerkstattGroupsBench {
	lines: string[];
	markdown: string;
}

/** Wall times of the runs after one warm-up (JIT); `cpu` collects the process CPU time of each run. */
function time(runs: number, work: () => unknown, cpu: number[] = []): number[] {
	work();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		work();
		times.push(performance.now() - start);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	}
	return times;
}

/** The baseline: one pass over the votes, agree / disagree / pass per statement. */
function plainPass(votes: readonly Vote[]): number {
	const counts = new Map<string, [number, number, number]>();
	for (const vote of votes) {
		let row = counts.get(vote.statement);
		if (!row) counts.set(vote.statement, (row = [0, 0, 0]));
		row[vote.vote === 1 ? 0 : vote.vote === -1 ? 1 : 2] += 1;
	}
	return counts.size;
}

/** Runs the benchmark; prints nothing itself. */
export function werkstattGroupsBench(smoke: boolean): WerkstattGroupsBench {
	const load = os.loadavg()[0];
	const runs = smoke ? 3 : 5;
	const [sizes, statementCount] = smoke ? [[135, 105, 60], 60] : [[900, 700, 400], 300];
	const planted = plantedVotes({ groups: sizes.length, perGroup: sizes, statements: statementCount, seen: 0.4, noise: 0.2, seed: 13 });
	const { votes, statements } = planted;
	const participants = sizes.reduce((a, b) => a + b);

	// On a busy machine wall time also waits for the CPU; the CPU time of the same runs does not.
	const groupsCpu: number[] = [];
	const groupsTimes = time(runs, () => opinionGroups(votes, statements), groupsCpu);
	const cpuPerRun = median(groupsCpu);
	const groups = opinionGroups(votes, statements);
	const grouping = new Map(groups.participants.map((p) => [p.participant, p.group]));
	const agreement = agreementWithPlanted(grouping, planted.plantedGroup);
	const resultTimes = time(runs, () => {
		groupInformedConsensus(votes, grouping, statements);
		representativeStatements(votes, grouping, statements);
	});
	const declaredGroupOf = new Map([...planted.plantedGroup.keys()].map((participant, i) => [participant, ['verwaltung', 'politik', 'zivilgesellschaft', 'wirtschaft'][i % 4]]));
	const texts = statements.map((id) => ({ id, text: id }));
	const allTimes = time(runs, () => werkstattResults({ statements: texts, votes, declaredGroupOf, minGroupSize: 5 }));
	const matrixTimes = time(runs, () => buildVoteMatrix(votes, statements));
	const baselineTimes = time(runs, () => plainPass(votes));
	const [ours, results, all, matrix, baseline] = [groupsTimes, resultTimes, allTimes, matrixTimes, baselineTimes].map(median);

	const ms = (value: number) => `${value.toFixed(1)} ms`;
	const size = `${participants.toLocaleString('en')} × ${statementCount}`;
	const lines = [
		`Werkstatt-Meinungsgruppen${smoke ? ' (smoke)' : ''}: ${size}, ${votes.length.toLocaleString('en')} votes, median of ${runs}`,
		`  opinion groups from the votes: ${ms(ours)} — target < 500 ms (k = ${groups.k}, ${(agreement * 100).toFixed(1)} % as planted, silhouette ${groups.silhouette?.toFixed(2) ?? '–'})`,
		`  consensus + representative statements over the groups: ${ms(results)}`,
		`  everything the results page shows (werkstattResults, four declared groups): ${ms(all)}`,
		`  building the matrix alone: ${ms(matrix)}`,
		`  baseline, one plain pass over the votes: ${ms(baseline)}; groups / baseline: ${(ours / baseline).toFixed(1)}×`,
		`  runs (groups): ${groupsTimes.map((t) => t.toFixed(0)).join(', ')} ms; CPU time median ${ms(cpuPerRun)}, load average ${load.toFixed(1)}`
	];
	const markdown = [
		'## Werkstatt opinion groups (issue 13: in process, pure functions)',
		'',
		`- Date: ${new Date().toISOString()}; Node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; load average at the start ${load.toFixed(1)} (other work on the machine slows every figure)`,
		`- Votes: ${size} participants × statements, three planted groups (${sizes.join(', ')}), 40 % of the cells voted, 20 % noise (${votes.length.toLocaleString('en')} votes); median of ${runs} runs after one warm-up`,
		'',
		'| what | median | target |',
		'| --- | ---: | ---: |',
		`| opinion groups from the votes (matrix, PCA, k-means k = 2…5 × 8 restarts, silhouette) | ${ms(ours)} | < 500 ms |`,
		`| consensus + representative statements over the groups found | ${ms(results)} | – |`,
		`| everything the results page shows (werkstattResults: counts, four declared groups, opinion groups, both consensus lists) | ${ms(all)} | – |`,
		`| building the vote matrix alone | ${ms(matrix)} | – |`,
		`| baseline: one plain pass over the votes, counted per statement | ${ms(baseline)} | – |`,
		'',
		`Groups / baseline: ${(ours / baseline).toFixed(1)}×. Groups found: k = ${groups.k}, ${(agreement * 100).toFixed(1)} % of participants as planted. Runs (groups, ms): ${groupsTimes.map((t) => t.toFixed(0)).join(', ')}; CPU time of the same runs, median ${ms(cpuPerRun)}.`,
		''
	].join('\n');
	return { lines, markdown };
}

export function writeWerkstattGroupsSection(markdown: string): void {
	writeResultsSection('werkstatt-groups-bench', markdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const smoke = process.argv.includes('--smoke');
	const result = werkstattGroupsBench(smoke);
	for (const line of result.lines) console.log(line);
	if (!smoke) {
		writeWerkstattGroupsSection(result.markdown);
		console.log('bench/RESULTS.md: section „Werkstatt opinion groups“ written.');
	}
}
