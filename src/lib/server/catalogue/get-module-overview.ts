import { can } from '../auth/actor';
import { getModule } from './get-module';
import type { Organiser } from './catalogue-context';

export async function getModuleOverview(ctx: Organiser, moduleId: string) {
	return { ...(await getModule(ctx, moduleId)), mayManage: can(ctx.actor, 'org.manage') };
}
