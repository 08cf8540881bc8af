import { error, redirect } from '@sveltejs/kit';
import { hitRateLimit } from '$lib/server/auth/rate-limit';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { formRejection, readForm, readRegistrationForm } from '$lib/server/catalogue/forms';
import { getPublicSession } from '$lib/server/catalogue/public-catalogue';
import { REGISTRATION_LIMIT, registerForSession } from '$lib/server/catalogue/register';
import { retentionMonthsFor } from '$lib/server/catalogue/retention';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { clientIp } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDatabase();
	try {
		const { module, session, closed } = await getPublicSession(db, params.sessionId, catalogueEnv(url));
		const done = url.searchParams.get('angemeldet');
		return {
			module: { id: module.id, title: module.title, subtitle: module.subtitle, orgName: module.orgName },
			session: { id: session.id, parts: session.parts, location: session.location, online: session.onlineUrl !== '', capacity: session.capacity, note: session.note, seats: session.seats },
			closed,
			retentionMonths: await retentionMonthsFor(db, module),
			done: done === 'pending_confirmation' || done === 'waitlisted' ? { status: done, position: Number(url.searchParams.get('platz') ?? 0) || 1 } : null
		};
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const { request, params, url } = event;
		const db = getDatabase();
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const parsed = readRegistrationForm(form);
		let receipt;
		try {
			const verdict = await hitRateLimit(db, `catalogue-register:${clientIp(event)}`, REGISTRATION_LIMIT, 3600);
			if (!verdict.allowed) throw new AppError('rate_limited', 'Von Ihrem Netzwerk kamen gerade sehr viele Anmeldungen. Bitte versuchen Sie es später noch einmal.', [], verdict.retryAfterSeconds);
			receipt = await registerForSession(db, { sessionId: params.sessionId, input: parsed.input, consent: parsed.consent, env: catalogueEnv(url), source: 'public' });
		} catch (cause) {
			return formRejection(parsed, cause);
		}
		const query = new URLSearchParams({ angemeldet: receipt.status, ...(receipt.position ? { platz: String(receipt.position) } : {}) });
		redirect(303, `/katalog/termin/${params.sessionId}?${query}`);
	}
};
