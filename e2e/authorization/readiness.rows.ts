/** Readiness for a load balancer (issue 19): public like /healthz, ready when the database is at this version's migration level. */
import { expect } from 'vitest';
import { everyone, json, type Row } from './table';

export const rows: Row[] = [
	{ route: '/readyz', method: 'GET', path: '/readyz', auth: 'session', expect: everyone(200), check: async (c) => expect(await json(c)).toMatchObject({ status: 'ready' }) }
];
