/*
 * The thank-you page after a questionnaire (`/t/danke`) shows the receipt code and, around it, the
 * asking organisation's name, logo and legal pages as the questionnaire did. Its address carries
 * the receipt and the organisation's public slug — never the link's token, so nothing on the page
 * or in its address ties the receipt to the invitation it was sent with.
 */

const RECEIPT_UNSAFE = /[^A-Za-z0-9_-]/g;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/;

/** `/t/danke?beleg=<receipt>&o=<slug>`; without a slug the operator's footer stays. */
export function thanksPath(receipt: string, slug: string | null): string {
	const query = new URLSearchParams({ beleg: receipt });
	if (slug && SLUG.test(slug)) query.set('o', slug);
	return `/t/danke?${query}`;
}

/** The receipt as shown (letters, digits, - and _ only, at most 40) and the organisation's slug when it is one. */
export function readThanksQuery(query: URLSearchParams): { receipt: string; slug: string | null } {
	const receipt = (query.get('beleg') ?? '').replace(RECEIPT_UNSAFE, '').slice(0, 40);
	const slug = query.get('o') ?? '';
	return { receipt, slug: SLUG.test(slug) ? slug : null };
}
