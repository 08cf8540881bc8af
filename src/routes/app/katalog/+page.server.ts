import { can } from '$lib/server/auth/actor';
import { listModules } from '$lib/server/catalogue/get-module';
import { applyRetention, getCatalogueSettings, saveCatalogueSettings } from '$lib/server/catalogue/retention';
import { formRejection, readForm } from '$lib/server/catalogue/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = requireTenant(locals, 'sessions.facilitate');
	// Retention runs lazily: whenever the catalogue is opened, due registrations are anonymised.
	const retention = await applyRetention(ctx.db, { orgId: ctx.org.orgId });
	return {
		modules: await listModules(ctx),
		settings: await getCatalogueSettings(ctx),
		mayManage: can(locals.actor, 'org.manage'),
		anonymised: retention.registrations
	};
};

export const actions: Actions = {
	settings: async ({ request, locals }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const raw = { retentionMonths: form.get('retentionMonths'), offerWindowHours: form.get('offerWindowHours') };
		const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
		try {
			await saveCatalogueSettings(ctx, values);
		} catch (error) {
			return formRejection({ values, fieldFor: (path) => path }, error);
		}
		return { settingsSaved: true };
	}
};
