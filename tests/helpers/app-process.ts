import { spawn, type ChildProcess } from 'node:child_process';

export interface AppProcess {
	child: ChildProcess;
	/** Everything printed so far (stdout and stderr). */
	output(): string;
	/** Resolves once the output contains `text`. */
	printed(text: string, timeoutMs?: number): Promise<void>;
}

/** The real app process (`stadtwissen serve`) on a test database; builds the UI first when needed. */
/** `database` is a test database: the app connects as its app role and migrates as its owner, as in production. */
/** `dataDir` instead: the app starts its own embedded PostgreSQL there, as `npm start` does. */
export async function startApp(options: ({ database: { url: string; ownerUrl: string } } | { dataDir: string }) & { port: number; env?: Record<string, string>; startTimeoutMs?: number }): Promise<AppProcess> {
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), HOST: '127.0.0.1', STADTWISSEN_DEMO: '0', STADTWISSEN_POOL_SIZE: '20', ...options.env };
	if ('database' in options) Object.assign(env, { DATABASE_URL: options.database.url, DATABASE_MIGRATION_URL: options.database.ownerUrl });
	else {
		delete env.DATABASE_URL;
		delete env.DATABASE_MIGRATION_URL;
		env.STADTWISSEN_DATA_DIR = options.dataDir;
	}
	const child = spawn(process.execPath, ['bin/stadtwissen.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const waiting: { text: string; resolve: () => void }[] = [];
	const listen = (chunk: Buffer) => {
		output += chunk.toString();
		for (const wait of waiting.filter((w) => output.includes(w.text))) {
			waiting.splice(waiting.indexOf(wait), 1);
			wait.resolve();
		}
	};
	child.stdout!.on('data', listen);
	child.stderr!.on('data', listen);
	const printed = (text: string, timeoutMs = 240_000) =>
		new Promise<void>((resolve, reject) => {
			if (output.includes(text)) return resolve();
			const timer = setTimeout(() => reject(new Error(`"${text}" did not appear:\n${output}`)), timeoutMs);
			waiting.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
			child.once('exit', (code) => reject(new Error(`server exited with ${code} before "${text}":\n${output}`)));
		});
	// The first start after a change builds the UI: minutes on a busy machine.
	await printed('Stadtwissen läuft: ', options.startTimeoutMs);
	return { child, output: () => output, printed };
}
