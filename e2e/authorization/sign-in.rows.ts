/**
 * Single sign-on (OpenID Connect): the start and the callback. The table's server has no provider
 * configured, so both answer everybody with the calm German page that says so — no redirect to a
 * provider, no session, never an error page. The flow itself: e2e/oidc.e2e.ts and
 * src/lib/server/auth/oidc-login.test.ts.
 */
import { expect } from 'vitest';
import { everyone, type Row } from './table';

const NOT_SET_UP = 'Anmelden über eine Verwaltung ist hier nicht eingerichtet.';

export const rows: Row[] = [
	{ route: '/anmelden/verwaltung', method: 'GET', path: '/anmelden/verwaltung?weiter=%2Fapp', auth: 'session', expect: everyone(200), check: ({ text }) => expect(text).toContain(NOT_SET_UP) },
	{
		route: '/anmelden/verwaltung/zurueck',
		method: 'GET',
		path: '/anmelden/verwaltung/zurueck?code=erfunden&state=erfunden',
		auth: 'session',
		expect: everyone(200),
		check: ({ response, text }) => {
			expect(text).toContain(NOT_SET_UP);
			expect(response.headers.getSetCookie().some((line) => line.startsWith('sw_session=') && !line.startsWith('sw_session=;'))).toBe(false);
		}
	}
];
