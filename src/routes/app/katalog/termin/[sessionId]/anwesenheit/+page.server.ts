import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/actor';
import { attendees } from '$lib/server/catalogue/attendance';
import { issueCertificates, listCertificates } from '$lib/server/catalogue/certificates';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { requestFeedback } from '$lib/server/catalogue/feedback';
import { getOwnSession } from '$lib/server/catalogue/get-module';
import { setAttendance } from '$lib/server/catalogue/organiser-registrations';
import { readForm } from '$lib/server/catalogue/forms';
import { AppError } from '$lib/server/errors';
import { formFailure } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'sessions.facilitate');
	try {
		const { module, session } = await getOwnSession(ctx, params.sessionId, catalogueEnv(url));
		return {
			module: { id: module.id, title: module.title },
			session: { id: session.id, parts: session.parts, startsAt: session.startsAt, feedbackRequestedAt: session.feedbackRequestedAt },
			people: await attendees(ctx, session.id),
			certificates: (await listCertificates(ctx, session.id)).map((c) => ({ code: c.code, holderName: c.holderName })),
			started: new Date() >= session.startsAt,
			mayManage: can(locals.actor, 'org.manage')
		};
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'sessions.facilitate');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const present = new Set(form.getAll('present').filter((v): v is string => typeof v === 'string'));
		const listed = form.getAll('listed').filter((v): v is string => typeof v === 'string');
		try {
			await setAttendance(ctx, params.sessionId, Object.fromEntries(listed.map((id) => [id, present.has(id)])));
		} catch (cause) {
			return formFailure(cause);
		}
		return { done: 'attendance' };
	},
	certificates: async ({ request, locals, params, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		try {
			const count = await issueCertificates(ctx, params.sessionId, { mail: form.get('mail') === 'yes' }, catalogueEnv(url));
			return { done: 'certificates', count };
		} catch (cause) {
			return formFailure(cause);
		}
	},
	feedback: async ({ locals, params, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		try {
			const count = await requestFeedback(ctx, params.sessionId, catalogueEnv(url));
			return { done: 'feedback', count };
		} catch (cause) {
			return formFailure(cause);
		}
	}
};
