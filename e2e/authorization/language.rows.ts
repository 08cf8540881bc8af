/**
 * Verständlichkeit prüfen: the page is for everybody signed in (any role, any organisation — it
 * reads and stores nothing of an organisation); nobody signed in goes to the login. The API is
 * public: with or without a token, every caller gets the same check.
 */
import { expect } from 'vitest';
import { everyone, json, signedIn, toLogin, type Context, type Row } from './table';

const TEXT = 'Die Einladung wird morgen verschickt.';

export const rows: Row[] = [
	{ route: '/app/sprache', method: 'GET', path: '/app/sprache', auth: 'session', expect: signedIn(toLogin('/app/sprache'), 200) },
	{
		route: '/app/sprache',
		method: 'POST',
		path: '/app/sprache?/pruefen',
		auth: 'session',
		form: () => ({ text: TEXT }),
		expect: signedIn(toLogin('/app/sprache?/pruefen'), 200),
		check: ({ actor, text }: Context) => {
			if (actor !== 'anonymous') expect(text).toContain('Passiv: „wird … verschickt“');
		}
	},
	{
		route: '/api/v1/text/check',
		method: 'POST',
		path: '/api/v1/text/check',
		auth: 'token',
		json: () => ({ text: TEXT }),
		expect: everyone(200),
		check: async (c) => {
			const body = (await json(c)) as { findings: { type: string; start: number; end: number }[] };
			expect(body.findings.map((f) => [f.type, TEXT.slice(f.start, f.end)])).toEqual([['passive', 'wird morgen verschickt']]);
		}
	}
];
