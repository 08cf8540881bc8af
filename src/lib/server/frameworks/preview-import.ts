import { lt, sql } from 'drizzle-orm';
import { frameworkImports } from '../db/schema';
import type { TenantContext } from '../tenant';
import { readImport, toPreview, type ImportInput, type ImportPreview } from './framework-files';

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
