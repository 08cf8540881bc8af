import { decodeGlossaryFile, type DecodeResult } from '../../domain/glossary/codec';
import type { GlossaryEntryContent } from '../../domain/glossary/entry';
import { glossaryFromCsv, glossaryFromSkos } from '../../domain/glossary/exchange';
import type { OrgContext } from '../context';
import { AppError } from '../errors';
import { addEntries, type ImportOutcome } from './import-entries';

export const MAX_IMPORT_BYTES = 2_000_000;

export interface GlossaryImportInput {
	format: 'csv' | 'skos' | 'json';
	text: string;
}

function decode(input: GlossaryImportInput): DecodeResult<GlossaryEntryContent[]> {
	if (input.format === 'csv') return glossaryFromCsv(input.text);
	let parsed: unknown;
	try {
		parsed = JSON.parse(input.text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, issues: [{ path: 'file', message: 'Die Datei ist kein gültiges JSON.' }] };
	}
	if (input.format === 'skos') return glossaryFromSkos(parsed);
	const file = decodeGlossaryFile(parsed);
	return file.ok ? { ok: true, value: file.value.entries } : file;
}

/** Adds the file's entries whose terms are new; nothing is written when any entry is invalid. */
export async function importGlossary(ctx: OrgContext, input: GlossaryImportInput): Promise<ImportOutcome> {
	if (!input.text.trim()) throw new AppError('validation_failed', 'Die Datei ist leer.', [{ path: 'file', message: 'Bitte wählen Sie eine Datei.' }]);
	if (input.text.length > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', 'Die Datei ist zu groß (höchstens 2 MB).');
	const decoded = decode(input);
	if (!decoded.ok) throw new AppError('validation_failed', 'Die Datei enthält Fehler; es wurde nichts übernommen.', decoded.issues.slice(0, 50));
	if (!decoded.value.length) throw new AppError('validation_failed', 'In der Datei steht kein Begriff.', [{ path: 'file', message: 'In der Datei steht kein Begriff.' }]);
	return addEntries(ctx.db, { orgId: ctx.org.orgId, userId: ctx.actor.userId }, decoded.value, { event: 'glossary_imported', detail: { format: input.format } }, ctx.now);
}
