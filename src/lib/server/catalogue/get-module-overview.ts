import { can } from '../auth/actor';
import { instrumentOfFramework } from '../frameworks/framework-kind';
import { getModule } from './get-module';
import type { Organiser } from './catalogue-context';

export async function getModuleOverview(ctx: Organiser, moduleId: string) {
	const detail = await getModule(ctx, moduleId);
	return { ...detail, instrument: await instrumentOfFramework(ctx.db, detail.module.frameworkId), mayManage: can(ctx.actor, 'org.manage') };
}
