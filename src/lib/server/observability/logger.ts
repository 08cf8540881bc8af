import pino, { type DestinationStream, type Logger } from 'pino';
import { loggableError, redactSecrets } from '../redact';

/*
 * The server's log (issue 19): JSON lines for a log collector when LOG_FORMAT=json, one readable
 * line per entry otherwise. Every line passes through `scrubLogText` before it is written, so no
 * participant link, token or e-mail address reaches the log, whatever a caller put into it.
 */

export type LogFormat = 'json' | 'text';
export type { Logger };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** A log text without secrets (links, tokens: redact.ts) and without e-mail addresses. */
export function scrubLogText(text: string): string {
	return redactSecrets(text).replace(EMAIL, '[E-Mail]');
}

/** Fields that may hold a secret or a person are never written, whatever their value. */
const HIDDEN_FIELDS = ['password', 'token', 'email', 'secret', 'authorization', 'cookie'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OWN_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'requestId', 'err']);

/** One entry as a line a person reads: time, level, request id, message, the other fields as key=value, then an error's stack. */
export function readableLine(entry: Record<string, unknown>): string {
	const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString() : '';
	const level = (LEVEL_NAMES[Number(entry.level)] ?? String(entry.level)).padEnd(5);
	const request = entry.requestId ? ` [${String(entry.requestId)}]` : '';
	const fields = Object.entries(entry)
		.filter(([key]) => !OWN_FIELDS.has(key))
		.map(([key, value]) => ` ${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
		.join('');
	const error = entry.err as { stack?: string; message?: string } | undefined;
	const stack = error ? `\n  ${(error.stack ?? error.message ?? '').split('\n').join('\n  ')}` : '';
	return `${time} ${level}${request} ${String(entry.msg ?? '')}${fields}${stack}\n`;
}

/** A stream that turns pino's JSON lines into readable lines for `target`. */
export function readableStream(target: { write(line: string): unknown }): DestinationStream {
	return {
		write(line: string) {
			try {
				target.write(readableLine(JSON.parse(line) as Record<string, unknown>));
			} catch {
				target.write(line);
			}
		}
	};
}

export interface LoggerOptions {
	format: LogFormat;
	level?: string;
	/** Where lines go (tests capture them); standard output otherwise. */
	destination?: { write(line: string): unknown };
}

export function createLogger(options: LoggerOptions): Logger {
	const target = options.destination ?? pino.destination({ dest: 1, sync: false });
	const stream = options.format === 'json' ? (target as DestinationStream) : readableStream(target);
	return pino(
		{
			level: options.level ?? 'info',
			base: { pid: process.pid },
			redact: { paths: HIDDEN_FIELDS, censor: '[verborgen]' },
			serializers: { err: (error: unknown) => ({ type: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message : String(error), stack: loggableError(error) }) },
			hooks: { streamWrite: scrubLogText }
		},
		stream
	);
}

/** The process's log, as configured by LOG_FORMAT (json | text) and LOG_LEVEL; created on first use. */
let shared: Logger | undefined;

export function log(): Logger {
	shared ??= createLogger({
		format: process.env.LOG_FORMAT === 'json' ? 'json' : 'text',
		level: process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info')
	});
	return shared;
}

/** Puts another log in place (tests capture lines with it); returns what puts the previous one back. */
export function useLog(logger: Logger): () => void {
	const previous = shared;
	shared = logger;
	return () => {
		shared = previous;
	};
}
