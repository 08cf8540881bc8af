import { issueCertificatesForm } from '$lib/schemas/catalogue';
import { issueCertificates } from '$lib/server/catalogue/issue-certificates';
import { requestFeedback } from '$lib/server/catalogue/request-feedback';
import { readAttendanceForm } from '$lib/server/catalogue/forms';
import { getAttendanceOverview } from '$lib/server/catalogue/get-attendance-overview';
import { setAttendance } from '$lib/server/catalogue/set-attendance';
import { formAction, loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', (ctx) => getAttendanceOverview(ctx, event.params.sessionId));

export const actions: Actions = {
	save: formAction('sessions.facilitate', readAttendanceForm, (ctx, attended, { params }) => setAttendance(ctx, params.sessionId, attended).then(() => ({ done: 'attendance' }))),
	certificates: formAction('org.manage', issueCertificatesForm, async (ctx, { mail }, { params }) => ({ done: 'certificates', count: await issueCertificates(ctx, params.sessionId, { mail }) }), {
		sendsMail: true
	}),
	feedback: (event) => runAction(event, { access: 'org.manage', sendsMail: true, run: async (ctx) => ({ done: 'feedback', count: await requestFeedback(ctx, event.params.sessionId) }) })
};
