import { loadPage } from '$lib/server/http/adapter';
import { organisationLogo } from '$lib/server/identity/get-logo';
import type { RequestHandler } from './$types';

/** The organisation's logo; its address changes with every upload (?v=), so it may be cached long. */
export const GET: RequestHandler = (event) =>
	loadPage(event, 'public', async (ctx) => {
		const logo = await organisationLogo(ctx, event.params.slug);
		const cache = event.url.searchParams.has('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
		return new Response(new Uint8Array(logo.bytes), { headers: { 'content-type': logo.type, 'cache-control': cache, 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'" } });
	});
