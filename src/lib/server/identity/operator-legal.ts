/**
 * The legal pages of whoever runs this Stadtwissen instance, for pages and mails that belong to
 * no organisation (start page, sign-in, password reset). Set by environment (README):
 * STADTWISSEN_IMPRESSUM_URL, STADTWISSEN_DATENSCHUTZ_URL, STADTWISSEN_BARRIEREFREIHEIT_URL.
 * Only http(s) addresses are used; anything else is left out.
 */
export interface OperatorLegal {
	impressum: string | null;
	datenschutz: string | null;
	barrierefreiheit: string | null;
}

function httpUrl(value: string | undefined): string | null {
	if (!value?.trim()) return null;
	try {
		const url = new URL(value.trim());
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}

export function operatorLegal(env: NodeJS.ProcessEnv = process.env): OperatorLegal {
	return {
		impressum: httpUrl(env.STADTWISSEN_IMPRESSUM_URL),
		datenschutz: httpUrl(env.STADTWISSEN_DATENSCHUTZ_URL),
		barrierefreiheit: httpUrl(env.STADTWISSEN_BARRIEREFREIHEIT_URL)
	};
}
