import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { AppError, errorStatus, type ErrorCode, type ErrorDetail } from '../errors';
import { errorsByField, type FormFailure } from './forms';

/*
 * The one mapping from a use case's AppError to HTTP: a form action's failure, an error page, or
 * the API's JSON error document. Anything that is not an AppError is a bug and goes on to the
 * error handler (logged, 500) — or is SvelteKit's own redirect or error, which passes through.
 */

function isAppError(cause: unknown): cause is AppError {
	return cause instanceof AppError;
}

/** A form's answer to a refused use case: messages at the fields, everything typed kept. */
export function actionFailure(cause: unknown, reading: { values: Record<string, string>; fieldFor: (path: string) => string }): ActionFailure<FormFailure> {
	if (!isAppError(cause)) throw cause;
	const errors = errorsByField(cause.details, reading.fieldFor);
	// With details the list under the summary says it all; the generic sentence would repeat it.
	const message = cause.code === 'validation_failed' && cause.details.length ? undefined : cause.message;
	return fail(cause.status, { errors, message, values: reading.values });
}

/** For pages: SvelteKit's error page with the AppError's status and message. */
export function pageError(cause: unknown): never {
	if (isAppError(cause)) error(cause.status, cause.message);
	throw cause;
}

export function apiError(code: ErrorCode, message: string, details: ErrorDetail[] = [], retryAfterSeconds?: number): Response {
	const headers: Record<string, string> = {};
	if (retryAfterSeconds) headers['retry-after'] = String(retryAfterSeconds);
	return json({ error: { code, message, details } }, { status: errorStatus[code], headers });
}

/** For the API: the JSON error document; anything unknown is logged and answered with a 500 document. */
export function apiFailure(cause: unknown, requestId: string): Response {
	if (isAppError(cause)) return apiError(cause.code, cause.message, cause.details, cause.retryAfterSeconds);
	console.error(`[${requestId}]`, cause);
	return json({ error: { code: 'internal', message: 'Ein interner Fehler ist aufgetreten.', details: [] } }, { status: 500 });
}
