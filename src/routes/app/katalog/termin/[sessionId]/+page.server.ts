import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { SESSION_STATUSES, sessionInputSchema } from '$lib/schemas/catalogue';
import { can } from '$lib/server/auth/actor';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { sessionFormValues } from '$lib/server/catalogue/form-values';
import { formRejection, precheck, readForm, readRegistrationForm, readSessionForm } from '$lib/server/catalogue/forms';
import { getOwnSession, moveTargets } from '$lib/server/catalogue/get-module';
import { cancelByOrganiser, eraseRegistration, listRegistrations, moveRegistration } from '$lib/server/catalogue/organiser-registrations';
import { registerPerson } from '$lib/server/catalogue/register';
import { setSessionStatus, updateSession } from '$lib/server/catalogue/save-session';
import { AppError } from '$lib/server/errors';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'sessions.facilitate');
	const mayManage = can(locals.actor, 'org.manage');
	try {
		const { module, session } = await getOwnSession(ctx, params.sessionId, catalogueEnv(url));
		return {
			module: { id: module.id, title: module.title, status: module.status },
			session,
			values: sessionFormValues(session),
			// Facilitators see who comes, not how to reach them.
			registrations: (await listRegistrations(ctx, session.id)).map((r) => (mayManage ? r : { ...r, email: '' })),
			targets: mayManage ? await moveTargets(ctx, session.id) : [],
			mayManage,
			created: url.searchParams.has('angelegt')
		};
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

const registrationId = z.object({ registrationId: z.uuid('Unbekannte Anmeldung.') });

export const actions: Actions = {
	status: async ({ request, locals, params, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(
			request,
			z.object({ status: z.enum(SESSION_STATUSES, { message: 'Unbekannter Status.' }), confirm: z.string().optional() }).refine((v) => v.status !== 'cancelled' || v.confirm === 'yes', {
				message: 'Bitte bestätigen Sie, dass der Termin ausfällt.',
				path: ['confirm']
			})
		);
		if (!parsed.ok) return parsed.failure;
		try {
			await setSessionStatus(ctx, params.sessionId, parsed.data.status, catalogueEnv(url));
		} catch (cause) {
			return formFailure(cause);
		}
		return { done: 'status' };
	},
	update: async ({ request, locals, params, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const parsed = readSessionForm(form);
		try {
			precheck(parsed, sessionInputSchema);
			await updateSession(ctx, params.sessionId, parsed.input, catalogueEnv(url));
		} catch (cause) {
			return formRejection(parsed, cause, { sessionForm: true });
		}
		return { done: 'saved' };
	},
	register: async ({ request, locals, params, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const parsed = readRegistrationForm(form);
		let receipt;
		try {
			receipt = await registerPerson(ctx, params.sessionId, parsed.input, catalogueEnv(url));
		} catch (cause) {
			return formRejection(parsed, cause, { registerForm: true });
		}
		return { done: 'registered', name: String(parsed.input.name).trim(), status: receipt.status };
	},
	cancelRegistration: async ({ request, locals, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, registrationId);
		if (!parsed.ok) return parsed.failure;
		try {
			await cancelByOrganiser(ctx, parsed.data.registrationId, catalogueEnv(url));
		} catch (cause) {
			return formFailure(cause);
		}
		return { done: 'cancelled' };
	},
	move: async ({ request, locals, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, registrationId.extend({ targetSessionId: z.uuid('Bitte wählen Sie einen Termin.') }));
		if (!parsed.ok) return parsed.failure;
		try {
			await moveRegistration(ctx, parsed.data.registrationId, parsed.data.targetSessionId, catalogueEnv(url));
		} catch (cause) {
			return formFailure(cause);
		}
		return { done: 'moved' };
	},
	erase: async ({ request, locals, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, registrationId);
		if (!parsed.ok) return parsed.failure;
		try {
			await eraseRegistration(ctx, parsed.data.registrationId, catalogueEnv(url));
		} catch (cause) {
			return formFailure(cause);
		}
		return { done: 'erased' };
	}
};
