import { redirect } from '@sveltejs/kit';
import { resetPasswordSchema } from '$lib/schemas/accounts';
import { isResetTokenValid, resetPassword } from '$lib/server/accounts/passwords';
import { getDatabase } from '$lib/server/db/client';
import { formFailure, parseForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({ valid: await isResetTokenValid(getDatabase(), params.token) });

export const actions: Actions = {
	default: async ({ request, params }) => {
		const parsed = await parseForm(request, resetPasswordSchema);
		if (!parsed.ok) return parsed.failure;
		try {
			await resetPassword(getDatabase(), { token: params.token, newPassword: parsed.data.password });
		} catch (error) {
			return formFailure(error);
		}
		redirect(303, '/anmelden?zurueckgesetzt');
	}
};
