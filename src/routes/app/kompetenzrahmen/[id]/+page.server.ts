import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { move, setArchived, updateMeta } from '$lib/domain/framework/editing';
import { can } from '$lib/server/auth/actor';
import { archiveFramework, editDraft, publishFramework } from '$lib/server/frameworks/edit-draft';
import { metaFormSchema } from '$lib/server/frameworks/forms';
import { getFramework } from '$lib/server/frameworks/get-framework';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { orPageError, requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'frameworks.read');
	const framework = await orPageError(getFramework(ctx, params.id));
	return {
		framework,
		mayEdit: can(locals.actor, 'org.manage') && !framework.shipped,
		mayCopy: can(locals.actor, 'org.manage') && framework.shipped,
		savedVersion: url.searchParams.get('gespeichert'),
		publishedVersion: url.searchParams.get('veroeffentlicht')
	};
};

const codeSchema = z.object({ code: z.string().min(1).max(100) });

export const actions: Actions = {
	move: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, codeSchema.extend({ direction: z.enum(['up', 'down']) }));
		if (!parsed.ok) return parsed.failure;
		let saved;
		try {
			saved = await editDraft(ctx, params.id, (doc) => move(doc, parsed.data.code, parsed.data.direction));
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/kompetenzrahmen/${params.id}?gespeichert=${saved.versionNumber}#item-${encodeURIComponent(parsed.data.code)}`);
	},
	archive: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, codeSchema.extend({ archived: z.enum(['true', 'false']) }));
		if (!parsed.ok) return parsed.failure;
		let saved;
		try {
			saved = await editDraft(ctx, params.id, (doc) => setArchived(doc, parsed.data.code, parsed.data.archived === 'true'));
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/kompetenzrahmen/${params.id}?gespeichert=${saved.versionNumber}#item-${encodeURIComponent(parsed.data.code)}`);
	},
	meta: async ({ request, locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, metaFormSchema);
		if (!parsed.ok) return parsed.failure;
		let saved;
		try {
			saved = await editDraft(ctx, params.id, (doc) => updateMeta(doc, parsed.data));
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		redirect(303, `/app/kompetenzrahmen/${params.id}?gespeichert=${saved.versionNumber}`);
	},
	publish: async ({ locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		let number;
		try {
			number = await publishFramework(ctx, params.id);
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/kompetenzrahmen/${params.id}?veroeffentlicht=${number}`);
	},
	archiveFramework: async ({ locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		try {
			await archiveFramework(ctx, params.id);
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, '/app/kompetenzrahmen');
	}
};
