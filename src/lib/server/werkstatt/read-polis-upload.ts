import { echoForm, type FormReading } from '../http/forms';

/** The app takes request bodies up to 6 MB (BODY_SIZE_LIMIT): both files together must fit. */
export const MAX_POLIS_BYTES = 5 * 1024 * 1024;

export interface PolisUpload {
	comments: string;
	votes: string;
}

/** The multipart body of a Pol.is import: the files `comments` (comments.csv) and `votes` (votes.csv). */
export async function readPolisUpload(form: FormData): Promise<FormReading<PolisUpload>> {
	const errors: Record<string, string> = {};
	const texts: Record<string, string> = {};
	for (const [field, name] of [
		['comments', 'comments.csv'],
		['votes', 'votes.csv']
	] as const) {
		const file = form.get(field);
		if (!(file instanceof File) || file.size === 0) errors[field] = `Bitte senden Sie die Datei ${name} aus dem Pol.is-Export im Feld „${field}“.`;
		else if (file.size > MAX_POLIS_BYTES) errors[field] = `${name} ist zu groß (höchstens 5 MB).`;
		else texts[field] = new TextDecoder('utf-8').decode(await file.arrayBuffer());
	}
	return { input: { comments: texts.comments ?? '', votes: texts.votes ?? '' }, errors, values: echoForm(form), fieldFor: (path) => path };
}
