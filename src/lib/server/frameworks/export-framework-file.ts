import { frameworkExportQuery } from '../../schemas/frameworks';
import type { TenantContext } from '../tenant';
import { validate } from '../validate';
import { exportFramework, type ExportFile } from './framework-files';
import { getFramework } from './get-framework';

/** A framework of the organisation as a file; `query` is `{ format?, language? }` as sent. */
export async function exportFrameworkFile(ctx: TenantContext, frameworkId: string, query: unknown): Promise<ExportFile> {
	const { format, language } = validate(frameworkExportQuery, query);
	const framework = await getFramework(ctx, frameworkId);
	return exportFramework(framework.document, format, language);
}
