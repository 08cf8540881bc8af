/**
 * Operational endpoints (issue 19). Readiness for a load balancer: public like /healthz, ready when
 * the database is at this version's migration level. /metrics only with METRICS_TOKEN: the demo
 * server has none configured, so the address does not exist for anyone — no session or API key opens it.
 */
import { expect } from 'vitest';
import { everyone, json, type Row } from './table';

export const rows: Row[] = [
	{ route: '/readyz', method: 'GET', path: '/readyz', auth: 'session', expect: everyone(200), check: async (c) => expect(await json(c)).toMatchObject({ status: 'ready' }) },
	{ route: '/metrics', method: 'GET', path: '/metrics', auth: 'token', expect: everyone(404) }
];
