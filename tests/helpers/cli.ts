import { vi } from 'vitest';
import { main } from '../../src/cli/main';

/** Runs the CLI in-process and returns its exit code and what it printed to stdout and stderr. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
	const out: string[] = [];
	const err: string[] = [];
	const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
	const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
	try {
		return { code: await main(argv), out: out.join('\n'), err: err.join('\n') };
	} finally {
		log.mockRestore();
		error.mockRestore();
	}
}
