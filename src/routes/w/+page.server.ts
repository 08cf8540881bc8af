import { werkstattCodeFormSchema } from '$lib/schemas/werkstatt';
import { runAction } from '$lib/server/http/adapter';
import { showPhoneBoard } from '$lib/server/werkstatt/show-phone-board';
import type { Actions } from './$types';

export const actions: Actions = {
	default: (event) =>
		runAction(event, { access: 'public', form: werkstattCodeFormSchema, run: (ctx, { code }) => showPhoneBoard(ctx, code, null), redirect: ({ board }) => `/w/${board.werkstatt.code}` })
};
