import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createFramework } from '$lib/server/frameworks/create-framework';
import { listFrameworks } from '$lib/server/frameworks/get-framework';
import { can } from '$lib/server/auth/actor';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = requireTenant(locals, 'frameworks.read');
	return { frameworks: await listFrameworks(ctx), mayEdit: can(locals.actor, 'org.manage') };
};

export const actions: Actions = {
	copy: async ({ request, locals }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, z.object({ frameworkId: z.string().min(1) }));
		if (!parsed.ok) return parsed.failure;
		let created;
		try {
			created = await createFramework(ctx, { kind: 'copy', frameworkId: parsed.data.frameworkId });
		} catch (error) {
			return formFailure(error);
		}
		redirect(303, `/app/kompetenzrahmen/${created.id}`);
	},
	empty: async ({ request, locals }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(
			request,
			z.object({
				name_de: z.string().trim().min(1, 'Bitte geben Sie einen Namen ein.').max(200, 'Der Name darf höchstens 200 Zeichen lang sein.'),
				name_en: z.string().trim().max(200, 'Der Name darf höchstens 200 Zeichen lang sein.').default('')
			})
		);
		if (!parsed.ok) return parsed.failure;
		let created;
		try {
			created = await createFramework(ctx, { kind: 'empty', ...parsed.data });
		} catch (error) {
			return formFailure(error, parsed.form);
		}
		redirect(303, `/app/kompetenzrahmen/${created.id}`);
	}
};
