import { spawn } from 'node:child_process';

/** Runs Vite; with `quiet` its output is shown only when it fails. */
export function runVite(args: string[], env: NodeJS.ProcessEnv, quiet = false): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', ...args], { stdio: quiet ? 'pipe' : 'inherit', env });
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => {
			if (code !== 0 && quiet) console.error(output);
			resolve(code ?? 1);
		});
	});
}
