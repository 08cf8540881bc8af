import { can } from '../auth/actor';
import type { TenantContext } from '../tenant';
import { getFramework } from './get-framework';

/*
 * What the framework pages show, assembled from the use cases: each function is one page's data.
 */

export async function getFrameworkPage(ctx: TenantContext, frameworkId: string) {
	const framework = await getFramework(ctx, frameworkId);
	const mayManage = can(ctx.actor, 'org.manage');
	return { framework, mayEdit: mayManage && !framework.shipped, mayCopy: mayManage && framework.shipped };
}
