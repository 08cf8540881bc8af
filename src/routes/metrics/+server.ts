import { runApi } from '$lib/server/http/adapter';
import { METRICS_CONTENT_TYPE } from '$lib/server/observability/metrics';
import { readMetrics } from '$lib/server/observability/read-metrics';
import type { RequestHandler } from './$types';

/** Prometheus metrics behind METRICS_TOKEN (404 without one configured, 401 with a wrong one); README „Betrieb: Logs und Metriken“. */
export const GET: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => new Response(await readMetrics(ctx, { configuredToken: process.env.METRICS_TOKEN, authorization: event.request.headers.get('authorization') }), { headers: { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store' } }));
