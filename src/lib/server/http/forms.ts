import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError } from '../errors';

export interface FormFailure {
	errors: Record<string, string>;
	message?: string;
	values: Record<string, string>;
}

const SECRET_FIELDS = /password/i;

/** Entered values go back to the form so nothing typed is lost — except passwords. */
function echo(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string' || SECRET_FIELDS.test(key)) continue;
		// Checkbox groups come back space-separated so the form can tick them again.
		values[key] = key in values ? `${values[key]} ${value.slice(0, 200)}` : value.slice(0, 5000);
	}
	return values;
}

export type FormResult<T> = { ok: true; data: T; form: FormData } | { ok: false; failure: ActionFailure<FormFailure> };

/** `arrays` names checkbox groups: their repeated fields arrive as one array. */
export async function parseForm<T>(request: Request, schema: z.ZodType<T>, options: { arrays?: string[] } = {}): Promise<FormResult<T>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, failure: fail(400, { errors: {}, message: 'Das Formular konnte nicht gelesen werden. Bitte laden Sie die Seite neu.', values: {} }) };
	}
	const fields: Record<string, string | string[]> = Object.fromEntries([...form].filter(([, value]) => typeof value === 'string')) as Record<string, string>;
	for (const name of options.arrays ?? []) fields[name] = form.getAll(name).filter((value): value is string => typeof value === 'string');
	const result = schema.safeParse(fields);
	if (result.success) return { ok: true, data: result.data, form };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return { ok: false, failure: fail(422, { errors, values: echo(form) }) };
}

/** Turns a use case's AppError into the form's message; anything else is a real failure and rethrown. */
export function formFailure(error: unknown, form?: FormData): ActionFailure<FormFailure> {
	if (!(error instanceof AppError)) throw error;
	const errors: Record<string, string> = {};
	for (const detail of error.details) if (detail.path) errors[detail.path] = detail.message;
	return fail(error.status, { errors, message: error.message, values: form ? echo(form) : {} });
}
