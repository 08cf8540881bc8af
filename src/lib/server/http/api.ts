import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError, errorStatus, toErrorDetails, type ErrorCode, type ErrorDetail } from '../errors';

export function apiError(code: ErrorCode, message: string, details: ErrorDetail[] = [], retryAfterSeconds?: number): Response {
	const headers: Record<string, string> = {};
	if (retryAfterSeconds) headers['retry-after'] = String(retryAfterSeconds);
	return json({ error: { code, message, details } }, { status: errorStatus[code], headers });
}

/** Maps whatever a use case threw to the API's error document; anything unknown is a logged 500. */
export function apiFailure(error: unknown, event: Pick<RequestEvent, 'locals'>): Response {
	if (error instanceof AppError) return apiError(error.code, error.message, error.details, error.retryAfterSeconds);
	console.error(`[${event.locals.requestId}]`, error);
	return json({ error: { code: 'internal', message: 'Ein interner Fehler ist aufgetreten.', details: [] } }, { status: 500 });
}

export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw new AppError('bad_request', 'Der Inhalt ist kein gültiges JSON.');
	}
	const result = schema.safeParse(body);
	if (!result.success) throw new AppError('validation_failed', 'Die Angaben sind unvollständig oder ungültig.', toErrorDetails(result.error.issues));
	return result.data;
}

/** Runs an API handler: every AppError becomes its JSON error, never a 500. */
export function apiHandler<E extends Pick<RequestEvent, 'locals'>>(work: (event: E) => Promise<Response>) {
	return async (event: E): Promise<Response> => {
		try {
			return await work(event);
		} catch (error) {
			return apiFailure(error, event);
		}
	};
}
