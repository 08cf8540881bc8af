import type { PageLoad } from './$types';

export const load: PageLoad = ({ url }) => ({ receipt: (url.searchParams.get('beleg') ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) });
