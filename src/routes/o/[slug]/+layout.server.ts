import { loadPage } from '$lib/server/http/adapter';
import { publicIdentity } from '$lib/server/identity/get-public-identity';
import type { LayoutServerLoad } from './$types';

// Every public page of an organisation shows its name, logo, colour and legal links (root layout).
export const load: LayoutServerLoad = (event) => loadPage(event, 'public', (ctx) => publicIdentity(ctx, event.params.slug));
