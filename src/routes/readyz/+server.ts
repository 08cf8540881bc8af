import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { readiness } from '$lib/server/platform/readiness';
import type { RequestHandler } from './$types';

/** Readiness for a load balancer: the database answers and is at this version's migration level (503 with a German reason otherwise). /healthz stays liveness. */
export const GET: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => {
		const state = await readiness(ctx.db);
		const headers = { 'cache-control': 'no-store' };
		return state.ready ? json({ status: 'ready', migrations: state.migrations }, { headers }) : json({ status: 'unavailable', message: state.reason }, { status: 503, headers: { ...headers, 'retry-after': '5' } });
	});
