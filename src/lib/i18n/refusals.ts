import { catalogues, translator, type Locale, type MessageKey } from './index';

/*
 * Refusals of a form (a schema's field messages, a use case's reason) are written in German where they
 * arise, also for the API. A page with an English variant shows them in the reader's language when
 * its catalogue holds the German text as a template: „Der Begriff hat höchstens {max} Zeichen.“ reads
 * „Der Begriff hat höchstens 120 Zeichen.“ back, with max = 120, and gives the English text with it.
 * A captured label („{what} fehlt.“ with what = „Begriff“) is itself read back against the messages
 * under `labelPrefix`. A text no template matches stays German.
 */

/** Parameters that hold a German label (a field's or a group's name), not a value the person typed. */
const LABELS = new Set(['what', 'group']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Template {
	key: MessageKey;
	pattern: RegExp;
	names: string[];
}

const templates = new Map<string, Template[]>();

function templatesOf(prefix: string): Template[] {
	let found = templates.get(prefix);
	if (!found) {
		found = (Object.keys(catalogues.de) as MessageKey[])
			.filter((key) => key.startsWith(prefix))
			.map((key) => {
				const names: string[] = [];
				const source = catalogues.de[key]
					.split(/(\{\w+\})/)
					.map((part) => {
						const name = /^\{(\w+)\}$/.exec(part)?.[1];
						if (!name) return escape(part);
						names.push(name);
						return '(.+?)';
					})
					.join('');
				return { key, pattern: new RegExp(`^${source}$`), names };
			})
			// A text without placeholders wins over a template that would also match it („Höchstens 1.000 Zeichen.“).
			.sort((a, b) => a.names.length - b.names.length);
		templates.set(prefix, found);
	}
	return found;
}

/** The German refusal `text` in `locale`, if a message whose key starts with `prefix` has it as its German text. */
export function refusalIn(locale: Locale, text: string, prefix: string, labelPrefix = prefix): string {
	if (locale === 'de') return text;
	for (const { key, pattern, names } of templatesOf(prefix)) {
		const match = pattern.exec(text);
		if (match) return translator(locale)(key, Object.fromEntries(names.map((name, i) => [name, LABELS.has(name) ? refusalIn(locale, match[i + 1], labelPrefix) : match[i + 1]])));
	}
	return text;
}

/** A refused form's message and field messages in `locale` (see refusalIn); everything else as it is. */
export function refusedFormIn<F extends { errors?: Record<string, string>; message?: string } | null | undefined>(locale: Locale, form: F, prefix: string, labelPrefix = prefix): F {
	if (!form || locale === 'de' || (!form.message && !form.errors)) return form;
	return {
		...form,
		...(form.message ? { message: refusalIn(locale, form.message, prefix, labelPrefix) } : {}),
		...(form.errors ? { errors: Object.fromEntries(Object.entries(form.errors).map(([field, text]) => [field, refusalIn(locale, text, prefix, labelPrefix)])) } : {})
	};
}
