import { can } from '../auth/actor';
import { listModules } from './list-modules';
import { applyRetention } from './apply-retention';
import { getCatalogueSettings } from './get-catalogue-settings';
import type { Organiser } from './catalogue-context';

/** The catalogue's start page. Retention runs lazily: whenever it is opened, due registrations are anonymised. */
export async function getCatalogueOverview(ctx: Organiser) {
	const retention = await applyRetention(ctx, { orgId: ctx.org.orgId });
	return {
		modules: await listModules(ctx),
		settings: await getCatalogueSettings(ctx),
		mayManage: can(ctx.actor, 'org.manage'),
		anonymised: retention.registrations
	};
}
