import { eraseRequestSchema, personalDataRequestSchema } from '$lib/schemas/gdpr';
import { erasePersonalData } from '$lib/server/gdpr/erase-personal-data';
import { previewErasure } from '$lib/server/gdpr/preview-erasure';
import { formAction, loadPage } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

/** Data protection requests (Art. 15 and 17 DSGVO), owners only: the downloads are auskunft.json and auskunft.pdf beside this page. */
export const load: PageServerLoad = (event) => loadPage(event, 'members.manage', (ctx) => ({ organisation: ctx.org.orgName }));

export const actions: Actions = {
	review: formAction('members.manage', personalDataRequestSchema, (ctx, input) => previewErasure(ctx, input).then((preview) => ({ preview }))),
	erase: formAction('members.manage', eraseRequestSchema, (ctx, input) => erasePersonalData(ctx, input).then((erased) => ({ erased, email: input.email })), { sendsMail: true })
};
