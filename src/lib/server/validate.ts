import type { z } from 'zod';
import { germanFallback } from '../schemas/catalogue';
import { AppError, toErrorDetails } from './errors';
import type { FormReader } from './http/forms';

/** Validates with the schema's own German messages, German fallbacks for the rest; 422 with every problem. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, message = 'Die Angaben sind unvollständig oder ungültig.'): z.output<S> {
	const result = schema.safeParse(input, { error: germanFallback });
	if (!result.success) throw new AppError('validation_failed', message, toErrorDetails(result.error.issues));
	return result.data;
}

/** The request's JSON body, validated; 400 for malformed JSON, 422 for invalid content. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw new AppError('bad_request', 'Der Inhalt ist kein gültiges JSON.');
	}
	return validate(schema, body);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** A multipart upload read by a form reader; 400 when it is no multipart body, 422 with every problem. */
export async function readMultipart<I>(request: Request, read: FormReader<I>, notMultipart: string): Promise<I> {
	if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) throw new AppError('bad_request', notMultipart);
	const form = await request.formData().catch(() => {
		throw new AppError('bad_request', 'Der multipart-Inhalt ist unvollständig oder beschädigt.');
	});
	const reading = await read(form);
	const details = Object.entries(reading.errors).map(([path, message]) => ({ path, message }));
	if (details.length) throw new AppError('validation_failed', 'Die Angaben sind unvollständig oder ungültig.', details);
	return reading.input;
}
