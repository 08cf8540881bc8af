import { catalogueSettingsSchema } from '$lib/schemas/catalogue';
import { getCatalogueOverview } from '$lib/server/catalogue/get-catalogue-overview';
import { saveCatalogueSettings } from '$lib/server/catalogue/save-catalogue-settings';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', (ctx) => getCatalogueOverview(ctx));

export const actions: Actions = {
	settings: formAction('org.manage', catalogueSettingsSchema, (ctx, input) => saveCatalogueSettings(ctx, input).then(() => ({ settingsSaved: true })))
};
