/** Participation: links are the only credential; an unknown one tells nothing, whoever asks. */
import { expect } from 'vitest';
import { everyone, json, type Row } from './table';

export const rows: Row[] = [
	{ route: '/t/[token]', method: 'GET', path: `/t/${'Q'.repeat(43)}`, auth: 'session', expect: everyone(404) },
	{
		route: '/api/v1/participate/[token]',
		method: 'GET',
		path: `/api/v1/participate/${'Q'.repeat(43)}`,
		auth: 'token',
		expect: everyone(404),
		check: async (c) => expect(await json(c)).toMatchObject({ error: { code: 'not_found' } })
	}
];

export const incomplete: string[] = [
	'/api/v1/participate/[token]'
];

export const pending: string[] = [
	'/t/[token]/seite/[n]',
	'/t/[token]/pruefen',
	'/t/danke',
	'/t/offen/[token]'
];
