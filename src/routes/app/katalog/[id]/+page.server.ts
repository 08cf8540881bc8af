import { error, redirect } from '@sveltejs/kit';
import { sessionInputSchema } from '$lib/schemas/catalogue';
import { can } from '$lib/server/auth/actor';
import { catalogueEnv } from '$lib/server/catalogue/env';
import { formRejection, precheck, readForm, readSessionForm } from '$lib/server/catalogue/forms';
import { getModule } from '$lib/server/catalogue/get-module';
import { createSession } from '$lib/server/catalogue/save-session';
import { setModuleStatus } from '$lib/server/catalogue/save-module';
import { setFacilitatorPhoto } from '$lib/server/catalogue/photos';
import { AppError } from '$lib/server/errors';
import { formFailure } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'sessions.facilitate');
	try {
		const detail = await getModule(ctx, params.id, catalogueEnv(url));
		return { ...detail, mayManage: can(locals.actor, 'org.manage'), saved: url.searchParams.has('gespeichert') };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};

const status = (target: 'draft' | 'published' | 'archived') =>
	(async ({ locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		try {
			await setModuleStatus(ctx, params.id, target);
		} catch (cause) {
			return formFailure(cause);
		}
		return { statusChanged: target };
	}) satisfies Actions[string];

export const actions: Actions = {
	publish: status('published'),
	unpublish: status('draft'),
	archive: status('archived'),
	photo: async ({ request, locals }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const facilitatorId = String(form.get('facilitatorId') ?? '');
		const file = form.get('photo');
		try {
			if (form.get('remove') === 'yes') await setFacilitatorPhoto(ctx, facilitatorId, null);
			else if (file instanceof File && file.size > 0) await setFacilitatorPhoto(ctx, facilitatorId, new Uint8Array(await file.arrayBuffer()));
			else throw new AppError('validation_failed', 'Bitte wählen Sie ein Foto aus.', [{ path: 'photo', message: 'Bitte wählen Sie ein Foto aus.' }]);
		} catch (cause) {
			return formFailure(cause);
		}
		return { photoSaved: true };
	},
	createSession: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await readForm(request);
		if (!(form instanceof FormData)) return form;
		const parsed = readSessionForm(form);
		let created;
		try {
			precheck(parsed, sessionInputSchema);
			created = await createSession(ctx, params.id, parsed.input);
		} catch (cause) {
			return formRejection(parsed, cause, { sessionForm: true });
		}
		redirect(303, `/app/katalog/termin/${created.id}?angelegt=1`);
	}
};
