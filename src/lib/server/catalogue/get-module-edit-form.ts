import type { Locale } from '../../i18n';
import type { TenantContext } from '../tenant';
import { moduleFormContext } from './form-context';
import { moduleFormValues } from './form-values';
import { facilitatorsOf } from './module-views';
import { ownModule } from './own-module';

/** The module form filled with the module as it is. */
export async function getModuleEditForm(ctx: TenantContext & { locale: Locale }, moduleId: string, wanted: string | null) {
	const module = await ownModule(ctx, moduleId);
	const facilitators = (await facilitatorsOf(ctx.db, [module.id])).get(module.id) ?? [];
	return {
		id: module.id,
		title: module.title,
		...(await moduleFormContext(ctx, wanted ?? module.frameworkId, ctx.locale)),
		values: moduleFormValues(module, facilitators)
	};
}
