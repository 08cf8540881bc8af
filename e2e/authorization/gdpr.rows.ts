/**
 * Data protection requests (issue 19): owners only, for their own organisation. The rows send an
 * invalid address or no confirmation, so nothing is exported, counted or erased from the demo.
 */
import { expect } from 'vitest';
import { byRole, FORBIDDEN, toLogin, type Context, type Row } from './table';

const PAGE = '/app/einstellungen/datenschutz-anfragen';
const owners = (path: string, ok: number) => byRole(toLogin(path), ok, ok, 403, 403, 403);
const INVALID = () => ({ email: 'keine-adresse' });

function refusal({ response, text }: Context): void {
	if (response.status === 403) expect(text).toContain(FORBIDDEN);
}

const download = (file: string): Row => ({
	route: `${PAGE}/${file}`,
	method: 'POST',
	path: `${PAGE}/${file}`,
	auth: 'session',
	form: INVALID,
	// An endpoint, not a page: no sign-in redirect of the /app layout, a plain 401.
	expect: byRole(401, 422, 422, 403, 403, 403),
	check: ({ response, text }) => {
		if (response.status === 422) expect(text).toContain('gültige E-Mail-Adresse');
	}
});

export const rows: Row[] = [
	{
		route: PAGE,
		method: 'GET',
		path: PAGE,
		auth: 'session',
		expect: owners(PAGE, 200),
		check: (c) => {
			refusal(c);
			if (c.response.status === 200) expect(c.text).toContain('Antworten in Analysen sind nie enthalten');
		}
	},
	{ route: PAGE, method: 'POST', path: `${PAGE}?/review`, auth: 'session', form: INVALID, expect: owners(`${PAGE}?/review`, 422), check: refusal },
	{
		route: PAGE,
		method: 'POST',
		path: `${PAGE}?/erase`,
		auth: 'session',
		form: () => ({ email: 'niemand@example.org' }),
		expect: owners(`${PAGE}?/erase`, 422),
		check: (c) => {
			refusal(c);
			if (c.response.status === 422) expect(c.text).toContain('Bitte bestätigen Sie');
		}
	},
	download('auskunft.json'),
	download('auskunft.pdf')
];
