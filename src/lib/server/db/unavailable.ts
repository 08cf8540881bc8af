import { AppError } from '../errors';

/** Connection-level failures: the database is down, restarting or out of connections — not a bug of ours. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
/** PostgreSQL classes 08 (connection exception) and 57P (operator intervention: shutdown, starting up), and too many connections. */
const SQLSTATE = /^(08\d{3}|57P0[1-4]|53300)$/;
const MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** Whether an error (or one of its causes, as drizzle wraps pg's) says the database cannot be reached. */
export function isDatabaseUnavailable(cause: unknown): boolean {
	for (let current = cause, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) return true;
		if (MESSAGES.test(current.message)) return true;
		if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
	}
	return false;
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 10;

export function databaseUnavailable(): AppError {
	return new AppError('unavailable', 'Stadtwissen ist gerade nicht erreichbar, weil die Datenbank nicht antwortet. Bitte versuchen Sie es in einigen Sekunden noch einmal – es ist nichts verloren gegangen.', [], RETRY_AFTER_SECONDS);
}
