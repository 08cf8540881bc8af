import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { safeReturnPath } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

/** No use case and nothing to refuse: any choice that is no locale is ignored. */
export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData().catch(() => new FormData());
		const locale = form.get('locale');
		if (isLocale(locale)) {
			cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 365 * 24 * 3600 });
		}
		redirect(303, safeReturnPath(form.get('back')));
	}
};
