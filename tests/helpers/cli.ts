import { vi } from 'vitest';
import { main } from '../../src/cli/main';
import { closeDatabase } from '../../src/lib/server/db/client';

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

/** Runs `work` with these environment variables set (undefined: unset), then puts them back as they were. */
async function withEnv<T>(vars: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
	const before = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
	const apply = (values: Record<string, string | undefined>) => {
		for (const [name, value] of Object.entries(values)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	};
	apply(vars);
	try {
		return await work();
	} finally {
		apply(before);
	}
}

/** The CLI run with these environment variables (undefined: unset) and its pool closed after, the environment put back. */
export function runCliWith(env: Record<string, string | undefined>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
	return withEnv(env, async () => {
		try {
			return await runCli(...argv);
		} finally {
			await closeDatabase();
		}
	});
}

/** The CLI pointed at one database, as `DATABASE_URL=… DATABASE_MIGRATION_URL=… npx stadtwissen …` would be. */
export const runCliOn = (database: { url: string; ownerUrl: string }, ...argv: string[]) => runCliWith({ DATABASE_URL: database.url, DATABASE_MIGRATION_URL: database.ownerUrl }, ...argv);
