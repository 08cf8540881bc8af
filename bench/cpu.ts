/**
 * Where the machine's CPU goes during a run: the app server (with its worker processes), this
 * bench process (the simulated participants) and everything else (mostly PostgreSQL). Read from
 * Linux's /proc; elsewhere there is nothing to report.
 */
import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
	readonly app: number;
	readonly client: number;
	readonly machineBusy: number;
	readonly at: number;
}

/** CPU in use over a span, in cores (CPU seconds per second of wall time). */
export interface CpuShares {
	readonly app: number;
	readonly client: number;
	readonly rest: number;
	readonly cores: number;
}

function processSeconds(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function childrenOf(pid: number): number[] {
	const listed = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
	return listed ? listed.split(/\s+/).map(Number) : [];
}

function machineBusySeconds(): number {
	const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
	return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

export function cpuSnapshot(appPid: number): CpuSnapshot | undefined {
	try {
		const usage = process.cpuUsage();
		return {
			app: [appPid, ...childrenOf(appPid)].reduce((sum, pid) => sum + processSeconds(pid), 0),
			client: (usage.user + usage.system) / 1e6,
			machineBusy: machineBusySeconds(),
			at: performance.now()
		};
	} catch {
		return undefined;
	}
}

export function cpuShares(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, cores: number): CpuShares | undefined {
	if (!before || !after) return undefined;
	const seconds = (after.at - before.at) / 1000;
	const app = (after.app - before.app) / seconds;
	const client = (after.client - before.client) / seconds;
	const busy = (after.machineBusy - before.machineBusy) / seconds;
	return { app, client, rest: Math.max(0, busy - app - client), cores };
}

export const describeCpu = (shares: CpuShares | undefined) =>
	shares ? `App-Server ${shares.app.toFixed(2)}, Bench-Teilnehmende ${shares.client.toFixed(2)}, PostgreSQL und Rest ${shares.rest.toFixed(2)} von ${shares.cores} Kernen` : 'CPU-Anteile nicht messbar (kein /proc)';
