import type { z } from 'zod';
import { toErrorDetails, type ErrorDetail } from '../errors';

/** What a failed form action hands back to its page: messages per field, and everything typed. */
export interface FormFailure {
	errors: Record<string, string>;
	message?: string;
	values: Record<string, string>;
	/** Problems of an uploaded file, by line and column — not fields of the form. */
	details?: ErrorDetail[];
}

/**
 * A form turned into a use case's input. `errors` are problems found while reading (nothing is
 * run when there are any); `fieldFor` names the form field that shows a use-case error's path.
 */
export interface FormReading<I> {
	input: I;
	errors: Record<string, string>;
	values: Record<string, string>;
	fieldFor: (path: string) => string;
	/** Rewrites a use-case message for the form, e.g. "Zeile 3: …" for a line of a text area. */
	explain?: (path: string, message: string) => string;
}

export type FormReader<I> = (form: FormData) => FormReading<I> | Promise<FormReading<I>>;

const SECRET_FIELDS = /password/i;

/** Entered values go back to the form so nothing typed is lost — except passwords and files. */
export function echoForm(form: FormData, omit: readonly string[] = []): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string' || SECRET_FIELDS.test(key) || omit.includes(key)) continue;
		// Checkbox groups come back space-separated so the form can tick them again.
		values[key] = key in values ? `${values[key]} ${value.slice(0, 200)}` : value.slice(0, 20_000);
	}
	return values;
}

/** The field a detail belongs to: its path, or a name from `renames` (use-case names → form names). */
export function fieldNamer(renames: Record<string, string> = {}): (path: string) => string {
	return (path) => {
		const head = path.split(/[.[]/)[0] || 'form';
		return renames[head] ?? head;
	};
}

/** Collects messages per field; two problems of one field are both shown. */
export function errorsByField(
	details: readonly { path?: string; message: string }[],
	fieldFor: (path: string) => string,
	explain: (path: string, message: string) => string = (_, message) => message
): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const detail of details) {
		const path = detail.path ?? 'form';
		const field = fieldFor(path);
		const message = explain(path, detail.message);
		if (!errors[field]) errors[field] = message;
		else if (!errors[field].includes(message)) errors[field] = `${errors[field]} ${message}`;
	}
	return errors;
}

/**
 * A reader for flat forms: the string fields (and `arrays`, checkbox groups whose repeated fields
 * arrive as one list) validated by a zod schema with its German messages.
 */
export function schemaReader<S extends z.ZodType>(schema: S, options: { arrays?: readonly string[]; renames?: Record<string, string> } = {}): FormReader<z.output<S>> {
	const fieldFor = fieldNamer(options.renames);
	return (form) => {
		const fields: Record<string, string | string[]> = {};
		for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
		for (const name of options.arrays ?? []) fields[name] = form.getAll(name).filter((value): value is string => typeof value === 'string');
		const result = schema.safeParse(fields);
		return {
			input: (result.success ? result.data : undefined) as z.output<S>,
			errors: result.success ? {} : errorsByField(toErrorDetails(result.error.issues), fieldFor),
			values: echoForm(form),
			fieldFor
		};
	};
}

/** For forms whose fields a use case reads itself (the questionnaire's answer fields). */
export const wholeForm: FormReader<FormData> = (form) => ({ input: form, errors: {}, values: {}, fieldFor: (path) => path });
