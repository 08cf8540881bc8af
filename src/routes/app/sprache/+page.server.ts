import { loadPage, runAction } from '$lib/server/http/adapter';
import { checkTextFor } from '$lib/server/language/check-text';
import { rulesOfForm, textCheckForm } from '$lib/schemas/language';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'account', () => ({}));

export const actions: Actions = {
	pruefen: (event) =>
		runAction(event, {
			access: 'account',
			form: textCheckForm,
			run: async (ctx, input) => ({ text: input.text, leichteSprache: input.leichteSprache, check: await checkTextFor(ctx, rulesOfForm(input)) })
		})
};
