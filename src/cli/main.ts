import { parseArgs } from 'node:util';
import { ConfigError } from '../lib/server/config';
import { EmbeddedPostgresError } from '../lib/server/platform/embedded-postgres';
import { AppError } from '../lib/server/errors';
import { commands, type Command } from './commands';

import { CliError, UsageError } from './usage-error';

function overview(): string {
	const width = Math.max(...Object.keys(commands).map((name) => name.length));
	return [
		'Stadtwissen – Befehle / commands',
		'',
		'Aufruf: npx stadtwissen <Befehl> [Optionen]',
		'',
		...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
		'',
		'Hilfe zu einem Befehl: npx stadtwissen <Befehl> --help'
	].join('\n');
}

function helpFor(name: string, command: Command): string {
	const options = Object.entries(command.options ?? {}).map(([option, spec]) => `  --${option}${spec.type === 'string' ? ' <Wert>' : ''}  ${spec.description}`);
	return [`npx stadtwissen ${name}${command.usage ? ' ' + command.usage : ''}`, '', command.summary, ...(options.length ? ['', 'Optionen:', ...options] : [])].join('\n');
}

/** Exit codes: 0 done, 1 failed, 2 wrong usage. */
export async function main(argv: string[]): Promise<number> {
	const names = Object.keys(commands).sort((a, b) => b.split(' ').length - a.split(' ').length);
	const name = names.find((candidate) => candidate.split(' ').every((word, i) => argv[i] === word));
	if (!name) {
		if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
			console.log(overview());
			return argv.length === 0 ? 2 : 0;
		}
		console.error(`Unbekannter Befehl: ${argv.join(' ')}\n\n${overview()}`);
		return 2;
	}
	const command = commands[name];
	const rest = argv.slice(name.split(' ').length);
	let values: Record<string, string | boolean | undefined>;
	let positionals: string[];
	try {
		const parsed = parseArgs({
			args: rest,
			options: {
				help: { type: 'boolean', short: 'h' },
				...Object.fromEntries(Object.entries(command.options ?? {}).map(([option, spec]) => [option, { type: spec.type }]))
			},
			strict: true,
			allowPositionals: Boolean(command.positionals)
		});
		values = parsed.values;
		positionals = parsed.positionals;
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${helpFor(name, command)}`);
		return 2;
	}
	if (values.help) {
		console.log(helpFor(name, command));
		return 0;
	}
	try {
		return await command.run(values, positionals);
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`${error.message}\n\n${helpFor(name, command)}`);
			return 2;
		}
		if (error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof AppError || error instanceof CliError) {
			console.error(error.message);
			return 1;
		}
		console.error('Unerwarteter Fehler:', error);
		return 1;
	}
}
