import { echoForm, type FormReading } from '../http/forms';
import { MAX_IMPORT_BYTES, type GlossaryImportInput } from './import-glossary';

const FORMATS = ['csv', 'skos', 'json'] as const;

/** The import form (or an API multipart body): `format` and `file`; the file's problems all land on the file field. */
export async function readGlossaryUpload(form: FormData): Promise<FormReading<GlossaryImportInput>> {
	const format = String(form.get('format') ?? '');
	const file = form.get('file');
	const errors: Record<string, string> = {};
	if (!(FORMATS as readonly string[]).includes(format)) errors.format = 'Bitte wählen Sie das Format der Datei: CSV, SKOS (JSON-LD) oder Stadtwissen-JSON.';
	if (!(file instanceof File) || file.size === 0) errors.file = 'Bitte wählen Sie eine Datei aus. Leere Dateien können nicht importiert werden.';
	else if (file.size > MAX_IMPORT_BYTES) errors.file = 'Die Datei ist zu groß (höchstens 2 MB).';
	const text = !errors.file && file instanceof File ? new TextDecoder('utf-8').decode(await file.arrayBuffer()) : '';
	return { input: { format: format as GlossaryImportInput['format'], text }, errors, values: echoForm(form), fieldFor: (path) => (path === 'format' ? 'format' : 'file') };
}
