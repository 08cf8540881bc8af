import { and, eq } from 'drizzle-orm';
import { frameworkImports } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { toPreview, type ImportPreview } from './framework-files';

/** A kept upload of this organiser, as its preview (gone after an hour or once confirmed). */
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
