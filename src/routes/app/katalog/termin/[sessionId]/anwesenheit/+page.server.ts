import { issueCertificatesForm } from '$lib/schemas/catalogue';
import { issueCertificates } from '$lib/server/catalogue/issue-certificates';
import { requestFeedback } from '$lib/server/catalogue/request-feedback';
import { readAttendanceForm } from '$lib/server/catalogue/forms';
import { getAttendanceOverview } from '$lib/server/catalogue/get-attendance-overview';
import { setAttendance } from '$lib/server/catalogue/set-attendance';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', (ctx) => getAttendanceOverview(ctx, event.params.sessionId));

export const actions: Actions = {
	save: (event) =>
		runAction(event, {
			access: 'sessions.facilitate',
			form: readAttendanceForm,
			run: (ctx, attended) => setAttendance(ctx, event.params.sessionId, attended).then(() => ({ done: 'attendance' }))
		}),
	certificates: (event) =>
		runAction(event, {
			access: 'org.manage',
			sendsMail: true,
			form: issueCertificatesForm,
			run: async (ctx, { mail }) => ({ done: 'certificates', count: await issueCertificates(ctx, event.params.sessionId, { mail }) })
		}),
	feedback: (event) => runAction(event, { access: 'org.manage', sendsMail: true, run: async (ctx) => ({ done: 'feedback', count: await requestFeedback(ctx, event.params.sessionId) }) })
};
