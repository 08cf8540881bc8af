import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/unavailable';
import { AppError, errorStatus, type ErrorCode, type ErrorDetail } from '../errors';
import { errorsByField, type FormFailure, type FormReading } from './forms';
import { log } from '../observability/logger';

/*
 * The one mapping from a use case's AppError to HTTP: a form action's failure, an error page, or
 * the API's JSON error document. Anything that is not an AppError is a bug and goes on to the
 * error handler (logged, 500) — or is SvelteKit's own redirect or error, which passes through.
 */

function isAppError(cause: unknown): cause is AppError {
	return cause instanceof AppError;
}

/** An unreachable database is no bug: it becomes the calm 503 refusal; everything else stays as it is. */
function refusal(cause: unknown): unknown {
	return isDatabaseUnavailable(cause) ? databaseUnavailable() : cause;
}

/** A form's answer to a refused use case: messages at the fields, everything typed kept. */
export function actionFailure(thrown: unknown, reading: Pick<FormReading<unknown>, 'values' | 'fieldFor' | 'explain'>): ActionFailure<FormFailure> {
	const cause = refusal(thrown);
	if (!isAppError(cause)) throw cause;
	const inFile = cause.details.filter((detail) => detail.line !== undefined);
	const atFields = cause.details.filter((detail) => detail.line === undefined);
	const errors = errorsByField(atFields, reading.fieldFor, reading.explain);
	// The use case's sentence leads the summary, unless a field already says exactly that.
	const message = Object.values(errors).includes(cause.message) ? undefined : cause.message;
	return fail(cause.status, { errors, message, values: reading.values, ...(inFile.length ? { details: inFile } : {}) });
}

/** For pages: SvelteKit's error page with the AppError's status and message. */
export function pageError(thrown: unknown): never {
	const cause = refusal(thrown);
	if (isAppError(cause)) error(cause.status, cause.message);
	throw cause;
}

export function apiError(code: ErrorCode, message: string, details: ErrorDetail[] = [], retryAfterSeconds?: number): Response {
	const headers: Record<string, string> = {};
	if (retryAfterSeconds) headers['retry-after'] = String(retryAfterSeconds);
	return json({ error: { code, message, details } }, { status: errorStatus[code], headers });
}

/** For the API: the JSON error document; anything unknown is logged and answered with a 500 document. */
export function apiFailure(thrown: unknown, requestId: string): Response {
	const cause = refusal(thrown);
	if (isAppError(cause)) return apiError(cause.code, cause.message, cause.details, cause.retryAfterSeconds);
	log().error({ requestId, err: cause }, 'Interner Fehler');
	return json({ error: { code: 'internal', message: 'Ein interner Fehler ist aufgetreten.', details: [] } }, { status: 500 });
}

/** A refused download as plain German text with the right status (a link opened in a new tab shows it as is). */
export function downloadError(thrown: unknown): Response {
	const cause = refusal(thrown);
	if (!isAppError(cause)) throw cause;
	const retry: Record<string, string> = cause.retryAfterSeconds ? { 'retry-after': String(cause.retryAfterSeconds) } : {};
	return new Response(`${cause.message}\n`, { status: cause.status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...retry } });
}
