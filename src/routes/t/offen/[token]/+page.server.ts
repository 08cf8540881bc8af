import { error, fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { clientIp } from '$lib/server/http/cookies';
import { joinViaOpenLink } from '$lib/server/studies/participate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	try {
		const { study } = await joinViaOpenLink(getDatabase(), event.params.token, null, clientIp(event));
		return { title: study.title, introduction: study.introduction, groups: study.groups };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData().catch(() => new FormData());
		const group = form.get('group');
		if (typeof group !== 'string' || !group) return fail(422, { message: 'Bitte wählen Sie eine Gruppe.' });
		let joined;
		try {
			joined = await joinViaOpenLink(getDatabase(), event.params.token, group, clientIp(event));
		} catch (cause) {
			if (cause instanceof AppError && cause.code === 'validation_failed') return fail(422, { message: cause.message });
			if (cause instanceof AppError) error(cause.status, cause.message);
			throw cause;
		}
		redirect(303, `/t/${joined.token}?neu`);
	}
};
