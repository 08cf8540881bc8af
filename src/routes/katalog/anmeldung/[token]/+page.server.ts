import { error, fail } from '@sveltejs/kit';
import { feedbackInputSchema } from '$lib/schemas/catalogue';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { mayGiveFeedback, submitFeedback } from '$lib/server/catalogue/feedback';
import { cancelRegistration, confirmRegistration, viewRegistration, type RegistrationView } from '$lib/server/catalogue/manage-registration';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { formFailure, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

function present(view: RegistrationView) {
	const { registration: r, lock } = view;
	const now = new Date();
	return {
		registration: { status: r.status, name: r.name, holdUntil: r.holdUntil, emailConfirmed: r.emailConfirmedAt !== null, feedbackGiven: r.feedbackGiven },
		position: view.position,
		module: { id: lock.module.id, title: lock.module.title, subtitle: view.subtitle },
		session: { id: lock.session.id, parts: lock.session.parts, location: lock.session.location, onlineUrl: r.status === 'confirmed' ? lock.session.onlineUrl : '', online: lock.session.onlineUrl !== '', status: lock.session.status, note: lock.session.note },
		orgName: lock.orgName,
		mayCancel: ['pending_confirmation', 'confirmed', 'offered', 'waitlisted'].includes(r.status) && now < lock.session.startsAt && lock.session.status !== 'cancelled',
		mayFeedback: mayGiveFeedback(r, lock.session.startsAt, now),
		hasCertificate: view.certificateCode !== null
	};
}

export const load: PageServerLoad = async ({ params, url }) => {
	try {
		return present(await viewRegistration(getDatabase(), params.token, catalogueEnv(url)));
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

export const actions: Actions = {
	confirm: async ({ params, url }) => {
		try {
			await confirmRegistration(getDatabase(), params.token, catalogueEnv(url));
		} catch (cause) {
			return formFailure(cause);
		}
		return { done: 'confirmed' };
	},
	cancel: async ({ params, url }) => {
		try {
			await cancelRegistration(getDatabase(), params.token, catalogueEnv(url));
		} catch (cause) {
			return formFailure(cause);
		}
		return { done: 'cancelled' };
	},
	feedback: async ({ request, params }) => {
		const parsed = await parseForm(request, feedbackInputSchema);
		if (!parsed.ok) return parsed.failure;
		try {
			await submitFeedback(getDatabase(), params.token, parsed.data);
		} catch (cause) {
			if (cause instanceof AppError && cause.code === 'not_found') return fail(404, { errors: {}, message: cause.message, values: {} });
			return formFailure(cause, parsed.form);
		}
		return { done: 'feedback' };
	}
};
