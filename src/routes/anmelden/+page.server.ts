import { redirect } from '@sveltejs/kit';
import { loginSchema } from '$lib/schemas/accounts';
import { login } from '$lib/server/accounts/login';
import { getDatabase } from '$lib/server/db/client';
import { DEMO_EMAIL, isDemoInstance } from '$lib/server/demo/load-demo';
import { clientIp, safeReturnPath, setSessionCookie } from '$lib/server/http/cookies';
import { formFailure, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeReturnPath(url.searchParams.get('weiter'), '/app'));
	const demo = await isDemoInstance(getDatabase());
	return { demoEmail: demo ? DEMO_EMAIL : null, resetDone: url.searchParams.has('zurueckgesetzt') };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, loginSchema);
		if (!parsed.ok) return parsed.failure;
		let session;
		try {
			session = await login(getDatabase(), { ...parsed.data, ip: clientIp(event) });
		} catch (error) {
			return formFailure(error, parsed.form);
		}
		setSessionCookie(event.cookies, event.url, session.token, session.expiresAt);
		redirect(303, safeReturnPath(event.url.searchParams.get('weiter'), '/app'));
	}
};
