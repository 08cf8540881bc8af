import { identityFormSchema, legalPageFormSchema } from '$lib/schemas/identity';
import { formAction, loadPage, runAction } from '$lib/server/http/adapter';
import { identitySettings } from '$lib/server/identity/get-identity-settings';
import { readLogoForm } from '$lib/server/identity/logo-form';
import { saveIdentity } from '$lib/server/identity/save-identity';
import { saveLegalPage } from '$lib/server/identity/save-legal-page';
import { setLogo } from '$lib/server/identity/set-logo';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'identity.manage', identitySettings);

export const actions: Actions = {
	identity: formAction('identity.manage', identityFormSchema, saveIdentity, { failure: { failedForm: 'identity' } }),
	logo: (event) => runAction(event, { access: 'identity.manage', form: readLogoForm, run: (ctx, input) => setLogo(ctx, input.logo), failure: { failedForm: 'logo' } }),
	legal: formAction('identity.manage', legalPageFormSchema, saveLegalPage, { failure: { failedForm: 'legal' } })
};
