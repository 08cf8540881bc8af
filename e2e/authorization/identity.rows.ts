/**
 * The organisation's identity and legal pages (issue 17): owners keep them at
 * /app/einstellungen/auftritt (their own organisation's only); everybody reads the public legal
 * pages and the logo. The form rows send what is refused (an unreadable colour, no file, a text
 * over the limit), so they change nothing of the demo the other rows and journeys see.
 */
import { expect } from 'vitest';
import { byRole, DEMO_SLUG, everyone, FORBIDDEN, toLogin, type Context, type Row } from './table';

const SETTINGS = '/app/einstellungen/auftritt';
const owners = (path: string, ok: number) => byRole(toLogin(path), ok, ok, 403, 403, 403);

function refusal({ response, text }: Context): void {
	if (response.status === 403) expect(text).toContain(FORBIDDEN);
}

const legalRows: Row[] = (['impressum', 'datenschutz', 'barrierefreiheit'] as const).flatMap((page): Row[] => [
	{
		route: `/o/[slug]/${page}`,
		method: 'GET',
		path: `/o/${DEMO_SLUG}/${page}`,
		auth: 'session',
		expect: everyone(200),
		// The demo's pages are filled in: no placeholder reaches the public.
		check: ({ text }) => expect(text).not.toContain('[[')
	},
	{ route: `/o/[slug]/${page}`, method: 'GET', path: `/o/gibt-es-nicht/${page}`, auth: 'session', expect: everyone(404) }
]);

export const rows: Row[] = [
	{
		route: SETTINGS,
		method: 'GET',
		path: SETTINGS,
		auth: 'session',
		expect: owners(SETTINGS, 200),
		check: (c) => {
			refusal(c);
			if (c.response.status === 200) expect(c.text).toContain('Auftritt und Rechtstexte');
		}
	},
	{
		route: SETTINGS,
		method: 'POST',
		path: `${SETTINGS}?/identity`,
		auth: 'session',
		form: () => ({ displayName: '', accentColour: '#ffff00' }),
		expect: owners(`${SETTINGS}?/identity`, 422),
		check: (c) => {
			refusal(c);
			if (c.response.status === 422) expect(c.text).toContain('mindestens 4,5:1');
		}
	},
	{
		route: SETTINGS,
		method: 'POST',
		path: `${SETTINGS}?/logo`,
		auth: 'session',
		form: () => ({}),
		expect: owners(`${SETTINGS}?/logo`, 422),
		check: (c) => {
			refusal(c);
			if (c.response.status === 422) expect(c.text).toContain('Bitte wählen Sie eine Bilddatei aus.');
		}
	},
	{
		route: SETTINGS,
		method: 'POST',
		path: `${SETTINGS}?/legal`,
		auth: 'session',
		form: () => ({ page: 'impressum', impressum: 'x'.repeat(50_001) }),
		expect: owners(`${SETTINGS}?/legal`, 422),
		check: refusal
	},
	...legalRows,
	{
		route: '/o/[slug]/logo',
		method: 'GET',
		path: `/o/${DEMO_SLUG}/logo`,
		auth: 'session',
		expect: everyone(200),
		check: ({ response }) => expect(response.headers.get('content-type')).toBe('image/png')
	},
	{ route: '/o/[slug]/logo', method: 'GET', path: '/o/gibt-es-nicht/logo', auth: 'session', expect: everyone(404) }
];
