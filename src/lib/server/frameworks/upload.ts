import { EXCHANGE_FORMATS, type ExchangeFormat } from '../../schemas/frameworks';
import { echoForm, type FormReading } from '../http/forms';
import type { ImportInput } from './framework-files';

/** An import upload (web form or API multipart): `file`, `format`, optional `language` of a Moodle file. */
export async function readFrameworkUpload(form: FormData): Promise<FormReading<ImportInput>> {
	const format = String(form.get('format') ?? '');
	const file = form.get('file');
	const errors: Record<string, string> = {};
	if (!(EXCHANGE_FORMATS as readonly string[]).includes(format)) errors.format = 'Bitte wählen Sie das Format der Datei (json, moodle-csv oder csv).';
	if (!(file instanceof File) || file.size === 0) errors.file = 'Bitte wählen Sie eine Datei aus. Leere Dateien können nicht importiert werden.';
	const language = form.get('language') === 'en' ? 'en' : 'de';
	return {
		input: { format: format as ExchangeFormat, fileName: file instanceof File ? file.name : '', bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(), language },
		errors,
		values: echoForm(form),
		// The import's problems are about the file's content: a JSON path like "format" is not this form's Format field.
		fieldFor: () => 'file'
	};
}
