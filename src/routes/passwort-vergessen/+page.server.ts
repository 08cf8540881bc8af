import { z } from 'zod';
import { emailSchema } from '$lib/schemas/accounts';
import { requestPasswordReset } from '$lib/server/accounts/passwords';
import { getDatabase } from '$lib/server/db/client';
import { clientIp } from '$lib/server/http/cookies';
import { parseForm } from '$lib/server/http/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, z.object({ email: emailSchema }));
		if (!parsed.ok) return parsed.failure;
		await requestPasswordReset(getDatabase(), { email: parsed.data.email, baseUrl: event.url.origin, ip: clientIp(event) });
		return { sent: true };
	}
};
