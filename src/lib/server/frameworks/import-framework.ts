import type { ImportIssue } from '../../domain/framework';
import type { TenantContext } from '../tenant';
import { createFramework } from './create-framework';
import { readImport, type ImportInput } from './framework-files';

/** The API imports in one step: validate everything, then create. */
export async function importFramework(ctx: TenantContext, input: ImportInput): Promise<{ id: string; warnings: ImportIssue[] }> {
	const { document, warnings } = readImport(input);
	const created = await createFramework(ctx, { kind: 'document', document });
	return { id: created.id, warnings };
}
