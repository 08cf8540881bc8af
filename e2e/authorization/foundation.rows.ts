/** Public pages, setup, login, password reset, invitations, settings, account and the base API. */
import { expect } from 'vitest';
import type { Role } from '../support/context';
import { e2eContext } from '../support/context';
import { get, postForm, responseCookie } from '../support/http';
import { linkFromMailbox, mailsTo } from '../support/mailbox';
import { ACCOUNTS, BASE, BOGUS_TOKEN, DEMO_MEMBER_EMAILS, DEMO_SLUG, demo, everyone, expectOwnOrganisationOnly, json, signedIn, to, toLogin, unique, type Fixtures, type Row } from './table';

/** Personal links of every kind a mail may carry: none may ever appear in an Ausgang. */
const PERSONAL_LINK = /\/(t|einladung|katalog\/anmeldung|passwort-zuruecksetzen)\/[A-Za-z0-9_.-]{20,}/;

/** Both organisations' Ausgang (the owners' settings pages). */
async function bothOutboxes(f: Fixtures): Promise<string[]> {
	return Promise.all([f.session.owner, f.session.otherOrg].map(async (cookie) => (await get(BASE, '/app/einstellungen', { cookie })).text()));
}

/**
 * The other organisation's owner invites a new address: the link shown once to them is kept as
 * `:fremdeEinladung` (what an inviter — or whoever saw their screen — holds; it lacks the mailed secret).
 */
export async function prepare(f: Fixtures): Promise<void> {
	const email = unique('neue-inhaberin');
	const html = await (await postForm(BASE, '/app/einstellungen?/invite', { email, role: 'owner' }, { cookie: f.session.otherOrg })).text();
	const shown = /class="shown-once[^"]*">https?:\/\/[^<]+\/einladung\/([A-Za-z0-9_-]+)</.exec(html)?.[1];
	if (!shown) throw new Error('the invitation link was not shown to the inviting owner');
	f.ids.fremdeEinladung = shown;
	f.ids.fremdeEinladungEmail = email;
}

export const rows: Row[] = [

	// Public pages
	{ route: '/', method: 'GET', path: '/', auth: 'session', expect: everyone(200), check: ({ text }) => expect(text).toContain(demo.orgName) },
	{ route: '/o/[slug]', method: 'GET', path: `/o/${DEMO_SLUG}`, auth: 'session', expect: everyone(200), check: ({ text }) => expect(text).toContain(`Öffentliche Seite von ${demo.orgName}`) },
	{ route: '/o/[slug]', method: 'GET', path: '/o/gibt-es-nicht', auth: 'session', expect: everyone(404) },
	{ route: '/healthz', method: 'GET', path: '/healthz', auth: 'session', expect: everyone(200), check: async (c) => expect(await json(c)).toEqual({ status: 'ok' }) },

	// Setup: closed once anybody has an account; a late POST creates nothing.
	{ route: '/einrichten', method: 'GET', path: '/einrichten', auth: 'session', expect: everyone(to('/anmelden')) },
	{
		route: '/einrichten',
		method: 'POST',
		path: '/einrichten',
		auth: 'session',
		form: (_, actor) => ({ orgName: `Übernahme ${actor}`, name: 'Eve', email: unique('setup'), password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' }),
		expect: everyone(to('/anmelden')),
		check: async ({ sent }) => expect(await (await get(BASE, '/')).text()).not.toContain(sent.orgName)
	},

	// Login, logout, language
	{ route: '/anmelden', method: 'GET', path: '/anmelden', auth: 'session', expect: signedIn(200, to('/app')) },
	{
		route: '/anmelden',
		method: 'POST',
		path: '/anmelden',
		auth: 'session',
		form: () => ({ email: demo.accounts.owner.email, password: '' }),
		// Invalid input is refused; somebody already signed in is sent on to /app.
		expect: signedIn(422, to('/app')),
		check: ({ response }) => expect(responseCookie(response, 'sw_session')).toBeNull()
	},
	{ route: '/abmelden', method: 'GET', path: '/abmelden', auth: 'session', expect: everyone(to('/')) },
	{
		route: '/abmelden',
		method: 'POST',
		path: '/abmelden',
		auth: 'session',
		freshSession: true,
		expect: everyone(to('/')),
		check: async ({ actor, response, cookie }) => {
			expect(response.headers.getSetCookie().some((c) => /^sw_session=;/.test(c) && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)), 'the cookie is cleared').toBe(true);
			if (actor === 'anonymous') return;
			// The session is ended on the server too, not only forgotten by the browser.
			expect((await get(BASE, '/app', { cookie })).headers.get('location')).toBe('/anmelden?weiter=%2Fapp');
		}
	},
	{ route: '/sprache', method: 'GET', path: '/sprache', auth: 'session', expect: everyone(to('/')) },
	{
		route: '/sprache',
		method: 'POST',
		path: '/sprache',
		auth: 'session',
		form: () => ({ locale: 'en', back: `/o/${DEMO_SLUG}` }),
		expect: everyone(to(`/o/${DEMO_SLUG}`)),
		check: ({ response }) => expect(responseCookie(response, 'sw_lang')).toBe('sw_lang=en')
	},
	{
		route: '/sprache',
		method: 'POST',
		path: '/sprache',
		auth: 'session',
		form: () => ({ locale: 'en', back: '//evil.example/' }),
		expect: everyone(to('/'))
	},

	// Password reset: same answer whether or not an account exists; unknown links are gone.
	{ route: '/passwort-vergessen', method: 'GET', path: '/passwort-vergessen', auth: 'session', expect: everyone(200) },
	{
		route: '/passwort-vergessen',
		method: 'POST',
		path: '/passwort-vergessen',
		auth: 'session',
		form: () => ({ email: unique('niemand') }),
		expect: everyone(200),
		check: ({ text }) => expect(text).toContain('Wenn es zu dieser Adresse ein Konto gibt')
	},
	{
		// A reset for another organisation's owner: the link reaches that mailbox only — no organisation's Ausgang lists the mail.
		route: '/passwort-vergessen',
		method: 'POST',
		path: '/passwort-vergessen',
		auth: 'session',
		form: () => ({ email: demo.otherOrg.email }),
		expect: everyone(200),
		check: async ({ text, f }) => {
			expect(text).toContain('Wenn es zu dieser Adresse ein Konto gibt');
			const link = await linkFromMailbox(e2eContext().mailbox, demo.otherOrg.email, '/passwort-zuruecksetzen/');
			for (const outbox of await bothOutboxes(f)) {
				expect(outbox).not.toContain(link.split('/').at(-1)!);
				expect(outbox).not.toContain('Passwort zurücksetzen');
			}
		}
	},
	{
		route: '/passwort-zuruecksetzen/[token]',
		method: 'GET',
		path: `/passwort-zuruecksetzen/${BOGUS_TOKEN}`,
		auth: 'session',
		expect: everyone(200),
		check: ({ text }) => expect(text).toContain('Dieser Link ist abgelaufen oder wurde schon benutzt.')
	},
	{
		route: '/passwort-zuruecksetzen/[token]',
		method: 'POST',
		path: `/passwort-zuruecksetzen/${BOGUS_TOKEN}`,
		auth: 'session',
		form: () => ({ password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' }),
		expect: everyone(410)
	},

	// Invitations: an unknown or spent link is gone for everybody.
	{
		route: '/einladung/[token]',
		method: 'GET',
		path: `/einladung/${BOGUS_TOKEN}`,
		auth: 'session',
		expect: everyone(200),
		check: ({ text }) => expect(text).toContain('Diese Einladung ist abgelaufen oder wurde schon angenommen.')
	},
	{
		route: '/einladung/[token]',
		method: 'POST',
		path: `/einladung/${BOGUS_TOKEN}`,
		auth: 'session',
		form: () => ({ name: 'Eve', password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' }),
		expect: everyone(410)
	},
	// The shown-once link of another organisation's invitation for a new address creates no account: that takes the mailed link.
	{
		route: '/einladung/[token]',
		method: 'GET',
		path: '/einladung/:fremdeEinladung',
		auth: 'session',
		expect: everyone(200),
		check: ({ text }) => {
			expect(text).toContain('Ein Konto legen Sie nur über den Link aus der E-Mail an');
			expect(text).not.toContain('Konto anlegen und Einladung annehmen');
		}
	},
	{
		route: '/einladung/[token]',
		method: 'POST',
		path: '/einladung/:fremdeEinladung',
		auth: 'session',
		form: () => ({ name: 'Eve', password: 'ein-langes-Passwort', passwordRepeat: 'ein-langes-Passwort' }),
		expect: everyone(403),
		check: async ({ f }) => {
			// Still open (nobody took it), and its mail reached the invitee's mailbox only.
			expect(await (await get(BASE, `/einladung/${f.ids.fremdeEinladung}`)).text()).toContain('Ein Konto legen Sie nur über den Link aus der E-Mail an');
			expect(mailsTo(e2eContext().mailbox, f.ids.fremdeEinladungEmail)).toHaveLength(1);
			for (const outbox of await bothOutboxes(f)) expect(outbox).not.toContain(f.ids.fremdeEinladung);
		}
	},

	// Organiser area
	{ route: '/app', method: 'GET', path: '/app', auth: 'session', expect: signedIn(toLogin('/app'), 200), check: expectOwnOrganisationOnly },
	{
		route: '/app/einstellungen',
		method: 'GET',
		path: '/app/einstellungen',
		auth: 'session',
		expect: { anonymous: toLogin('/app/einstellungen'), otherOrg: 200, owner: 200, organiser: 200, facilitator: 403, viewer: 403 },
		check: (c) => {
			if (c.response.status === 403) expect(c.text).toContain('Ihre Rolle erlaubt das nicht.');
			if (c.response.status !== 200) return;
			expectOwnOrganisationOnly(c);
			// Members and the outbox of the own organisation only.
			for (const email of DEMO_MEMBER_EMAILS) (c.actor === 'otherOrg' ? expect(c.text).not : expect(c.text)).toContain(email);
			// The Ausgang shows metadata only: no personal link, no mail body — for owners and organisers alike.
			expect(c.text).not.toMatch(PERSONAL_LINK);
			expect(c.text).not.toContain('class="mail"');
			// Inviting and changing roles is for owners.
			(c.actor === 'organiser' ? expect(c.text).not : expect(c.text)).toContain('Einladung senden');
		}
	},
	{
		route: '/app/einstellungen',
		method: 'POST',
		path: '/app/einstellungen?/invite',
		auth: 'session',
		form: (_, actor) => ({ email: unique(`eingeladen-von-${actor}`), role: 'viewer' }),
		expect: { anonymous: toLogin('/app/einstellungen?/invite'), otherOrg: 200, owner: 200, organiser: 403, facilitator: 403, viewer: 403 },
		check: async ({ actor, sent, text, f }) => {
			if (actor === 'otherOrg' || actor === 'owner') expect(text).toContain(`Die Einladung an ${sent.email} wurde verschickt.`);
			// The invitation exists only in the inviter's own organisation.
			const demoSettings = await (await get(BASE, '/app/einstellungen', { cookie: f.session.owner })).text();
			(actor === 'owner' ? expect(demoSettings) : expect(demoSettings).not).toContain(sent.email);
		}
	},
	{
		route: '/app/einstellungen',
		method: 'POST',
		path: '/app/einstellungen?/role',
		auth: 'session',
		// The demo organiser keeps their role; another organisation's owner cannot even find them.
		form: (f) => ({ userId: f.organiserUserId, role: 'organiser' }),
		expect: { anonymous: toLogin('/app/einstellungen?/role'), otherOrg: 404, owner: 200, organiser: 403, facilitator: 403, viewer: 403 },
		check: async ({ f }) => expect(((await (await get(BASE, '/api/v1/me', { bearer: f.token.organiser })).json()) as { role: string }).role).toBe('organiser')
	},
	{ route: '/app/konto', method: 'GET', path: '/app/konto', auth: 'session', expect: signedIn(toLogin('/app/konto'), 200), check: expectOwnOrganisationOnly },
	{
		route: '/app/konto',
		method: 'POST',
		path: '/app/konto?/password',
		auth: 'session',
		form: () => ({ currentPassword: 'nicht-das-Passwort', password: 'ein-neues-Passwort', passwordRepeat: 'ein-neues-Passwort' }),
		expect: signedIn(toLogin('/app/konto?/password'), 422),
		check: ({ actor, text }) => {
			if (actor !== 'anonymous') expect(text).toContain('Das bisherige Passwort stimmt nicht.');
		}
	},
	{
		route: '/app/konto',
		method: 'POST',
		path: '/app/konto?/createToken',
		auth: 'session',
		form: () => ({ name: 'Tabelle' }),
		expect: signedIn(toLogin('/app/konto?/createToken'), 200),
		check: async ({ actor, text }) => {
			if (actor === 'anonymous') return;
			const token = /class="secret">(swt_[A-Za-z0-9_-]+)</.exec(text)?.[1];
			expect(token, 'the new token is shown').toBeDefined();
			const me = (await (await get(BASE, '/api/v1/me', { bearer: token })).json()) as { user: { email: string } };
			expect(me.user.email).toBe(ACCOUNTS[actor].email);
		}
	},
	{
		route: '/app/konto',
		method: 'POST',
		path: '/app/konto?/revokeToken',
		auth: 'session',
		// Everybody tries to revoke a token of the demo owner: only the owner can.
		form: async (f) => {
			const victim = await f.newOwnerToken();
			return { tokenId: victim.id, victim: victim.token };
		},
		expect: signedIn(toLogin('/app/konto?/revokeToken'), 200),
		check: async ({ actor, sent }) => {
			const status = (await get(BASE, '/api/v1/me', { bearer: String(sent.victim) })).status;
			expect(status, "the owner's token after the request").toBe(actor === 'owner' ? 401 : 200);
		}
	},
	{ route: '/app/organisation', method: 'GET', path: '/app/organisation', auth: 'session', expect: signedIn(toLogin('/app/organisation'), to('/app')) },
	{
		route: '/app/organisation',
		method: 'POST',
		path: '/app/organisation',
		auth: 'session',
		// Switching into an organisation one is not a member of does nothing.
		form: (f) => ({ orgId: f.otherOrgId }),
		expect: everyone(to('/app')),
		check: async (c) => {
			if (c.actor === 'anonymous') return;
			const text = await (await get(BASE, '/app', { cookie: c.f.session[c.actor] })).text();
			expectOwnOrganisationOnly({ ...c, text });
		}
	},

	// API (bearer tokens only)
	{
		route: '/api/v1/me',
		method: 'GET',
		path: '/api/v1/me',
		auth: 'token',
		expect: signedIn(401, 200),
		check: async (c) => {
			const body = await json(c);
			if (c.actor === 'anonymous') return expect(body).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String), details: [] } });
			const account = ACCOUNTS[c.actor];
			const role: Role = c.actor === 'otherOrg' ? 'owner' : c.actor;
			const org = c.actor === 'otherOrg' ? { slug: c.f.otherSlug, name: demo.otherOrg.orgName } : { slug: DEMO_SLUG, name: demo.orgName };
			expect(body).toEqual({ user: { id: expect.any(String), name: account.name, email: account.email }, organisation: { id: expect.any(String), ...org }, role });
			// Another organisation's token names only that organisation.
			expect(c.text).not.toContain(c.actor === 'otherOrg' ? demo.orgName : demo.otherOrg.orgName);
		}
	},
	{
		// A browser session is not an API credential.
		route: '/api/v1/me',
		method: 'GET',
		path: '/api/v1/me',
		auth: 'session',
		expect: everyone(401),
		check: async (c) => expect(await json(c)).toMatchObject({ error: { code: 'unauthorized' } })
	},
	{
		route: '/api/v1/me',
		method: 'POST',
		path: '/api/v1/me',
		auth: 'token',
		form: () => ({ role: 'owner' }),
		expect: everyone(405),
		check: async (c) => {
			expect(await json(c)).toMatchObject({ error: { code: 'method_not_allowed', message: expect.stringContaining('Erlaubt: GET') } });
			expect(c.response.headers.get('allow')).toContain('GET');
		}
	},
	{
		route: '/api/v1/openapi.json',
		method: 'GET',
		path: '/api/v1/openapi.json',
		auth: 'token',
		expect: everyone(200),
		check: async (c) => expect(await json(c)).toMatchObject({ openapi: expect.stringMatching(/^3\./), paths: expect.objectContaining({ '/me': expect.anything() }) })
	},
	{
		route: '/api/[...rest]',
		method: 'GET',
		path: '/api/v1/gibt-es-nicht',
		auth: 'token',
		expect: everyone(404),
		check: async (c) => expect(await json(c)).toMatchObject({ error: { code: 'not_found' } })
	},
	{ route: '/api/[...rest]', method: 'POST', path: '/api/v2/irgendwas', auth: 'token', form: () => ({ a: 'b' }), expect: everyone(404) }
];
