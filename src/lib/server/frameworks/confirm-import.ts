import { eq } from 'drizzle-orm';
import { frameworkImports } from '../db/schema';
import type { TenantContext } from '../tenant';
import { createFramework } from './create-framework';
import { getImportPreview } from './get-import-preview';

/** Creates the framework of a previewed upload and forgets the upload. */
export async function confirmImport(ctx: TenantContext, importId: string): Promise<{ id: string }> {
	const preview = await getImportPreview(ctx, importId);
	const created = await createFramework(ctx, { kind: 'document', document: preview.document });
	await ctx.db.delete(frameworkImports).where(eq(frameworkImports.id, importId));
	return created;
}
