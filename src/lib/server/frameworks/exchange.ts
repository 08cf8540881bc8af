import { and, eq, lt, sql } from 'drizzle-orm';
import {
	exportFrameworkJson,
	exportMoodleCsv,
	exportSpreadsheetCsv,
	importFrameworkJson,
	importMoodleCsv,
	importSpreadsheetCsv,
	MAX_IMPORT_BYTES,
	type FrameworkDocument,
	type ImportIssue,
	type Language
} from '../../domain/framework';
import { activeCompetenceCount } from '../../domain/framework/editing';
import { frameworkImports } from '../db/schema';
import { AppError } from '../errors';
import { frameworkExportQuery, type ExchangeFormat } from '../../schemas/frameworks';
import { validate } from '../validate';
import { getFramework } from './get-framework';
import type { TenantContext } from '../tenant';
import { createFramework } from './create-framework';


export interface ExportFile {
	body: string;
	contentType: string;
	fileName: string;
}

function fileStem(document: FrameworkDocument): string {
	return (document.meta.code || 'kompetenzrahmen').replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase();
}

export function exportFramework(document: FrameworkDocument, format: ExchangeFormat, language: Language = 'de'): ExportFile {
	const stem = fileStem(document);
	switch (format) {
		case 'json':
			return { body: exportFrameworkJson(document), contentType: 'application/json; charset=utf-8', fileName: `${stem}.json` };
		case 'moodle-csv':
			return { body: exportMoodleCsv(document, language), contentType: 'text/csv; charset=utf-8', fileName: `${stem}-moodle-${language}.csv` };
		case 'csv':
			return { body: exportSpreadsheetCsv(document), contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
	}
}

/** A framework of the organisation as a file; `query` is `{ format?, language? }` as sent. */
export async function exportFrameworkFile(ctx: TenantContext, frameworkId: string, query: unknown): Promise<ExportFile> {
	const { format, language } = validate(frameworkExportQuery, query);
	const framework = await getFramework(ctx, frameworkId);
	return exportFramework(framework.document, format, language);
}

export interface ImportInput {
	format: ExchangeFormat;
	fileName: string;
	bytes: Uint8Array;
	/** Language of a Moodle file (Moodle files carry one language). */
	language?: Language;
}

/** Reads and validates the whole file; nothing is written unless every line is valid. */
export function readImport(input: ImportInput): { document: FrameworkDocument; warnings: ImportIssue[] } {
	if (input.bytes.byteLength > MAX_IMPORT_BYTES) {
		throw new AppError('payload_too_large', 'Die Datei ist größer als 5 MB. Bitte teilen Sie sie auf oder entfernen Sie nicht benötigte Spalten.');
	}
	const result =
		input.format === 'json'
			? importFrameworkJson(input.bytes)
			: input.format === 'moodle-csv'
				? importMoodleCsv(input.bytes, input.language ?? 'de')
				: importSpreadsheetCsv(input.bytes);
	if (!result.ok) {
		throw new AppError(
			'validation_failed',
			`Die Datei wurde nicht importiert: ${result.errors.length === 1 ? 'ein Fehler' : `${result.errors.length} Fehler`}. Es wurde nichts gespeichert.`,
			result.errors.map((issue) => ({ line: issue.line, column: issue.column, path: issue.path, message: issue.message }))
		);
	}
	return { document: result.framework, warnings: result.warnings };
}

export interface ImportPreview {
	importId: string;
	fileName: string;
	name: string;
	areaCount: number;
	competenceCount: number;
	warnings: ImportIssue[];
	document: FrameworkDocument;
}

/** Keeps a validated upload for an hour so the organiser can look at the preview before confirming. */
export async function previewImport(ctx: TenantContext, input: ImportInput): Promise<ImportPreview> {
	const { document, warnings } = readImport(input);
	await ctx.db.delete(frameworkImports).where(lt(frameworkImports.createdAt, sql`now() - interval '1 hour'`));
	const [pending] = await ctx.db
		.insert(frameworkImports)
		.values({ orgId: ctx.org.orgId, userId: ctx.actor.userId, format: input.format, fileName: input.fileName.slice(0, 200), document, warnings })
		.returning({ id: frameworkImports.id });
	return toPreview(pending.id, input.fileName, document, warnings);
}

function toPreview(importId: string, fileName: string, document: FrameworkDocument, warnings: ImportIssue[]): ImportPreview {
	return {
		importId,
		fileName,
		name: document.meta.name_de || document.meta.name_en,
		areaCount: document.areas.length,
		competenceCount: activeCompetenceCount(document),
		warnings,
		document
	};
}

export async function getImportPreview(ctx: TenantContext, importId: string): Promise<ImportPreview> {
	const [pending] = /^[0-9a-f-]{36}$/i.test(importId)
		? await ctx.db
				.select()
				.from(frameworkImports)
				.where(and(eq(frameworkImports.id, importId), eq(frameworkImports.orgId, ctx.org.orgId), eq(frameworkImports.userId, ctx.actor.userId)))
		: [];
	if (!pending) throw new AppError('not_found', 'Diesen Import gibt es nicht mehr. Bitte laden Sie die Datei noch einmal hoch.');
	return toPreview(pending.id, pending.fileName, pending.document, pending.warnings);
}

export async function confirmImport(ctx: TenantContext, importId: string): Promise<{ id: string }> {
	const preview = await getImportPreview(ctx, importId);
	const created = await createFramework(ctx, { kind: 'document', document: preview.document });
	await ctx.db.delete(frameworkImports).where(eq(frameworkImports.id, importId));
	return created;
}

/** The API imports in one step: validate everything, then create. */
export async function importFramework(ctx: TenantContext, input: ImportInput): Promise<{ id: string; warnings: ImportIssue[] }> {
	const { document, warnings } = readImport(input);
	const created = await createFramework(ctx, { kind: 'document', document });
	return { id: created.id, warnings };
}
