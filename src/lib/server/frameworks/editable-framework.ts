import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { getFramework } from './get-framework';

export async function editableFramework(ctx: TenantContext, frameworkId: string) {
	const framework = await getFramework(ctx, frameworkId);
	if (framework.shipped) throw new AppError('not_found', 'Nicht gefunden');
	return framework;
}
