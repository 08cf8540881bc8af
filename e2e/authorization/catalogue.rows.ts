/** Fortbildungskatalog: public catalogue and registration links; organisers run modules and sessions. */
import { expect } from 'vitest';
import { e2eContext } from '../support/context';
import { get, request } from '../support/http';
import { linkFromMailbox } from '../support/mailbox';
import { BASE, byRole, FORBIDDEN, demo, everyone, expectApiError, json, ORIGIN, toLogin, to, unique, type Actor, type Context, type Fixtures, type Row } from './table';

/*
 * Objects of this group (created in `prepare` as the demo owner, named `cat…` in `f.ids`):
 *   a published module (two facilitators, one with a photo) with sessions: upcoming, a move
 *   target, a status target, an update target, and one that has begun (attendees, certificates);
 *   a draft module with a session and a facilitator photo; a module for status changes; one to edit.
 *
 * Paths name these objects as `:name`. A row's path is a getter (not a function), so the meta tests
 * see the form action in it; it is filled in once `prepare` has run. Personal registration links
 * that an action consumes come from a supply: the path names the current link, and the row's
 * `headers` (called after the path was taken) moves on to the next, so every actor gets its own.
 */

const SEED_TITLE = 'Macht Stadt gemeinsam!';
const PUB_TITLE = 'Berechtigungsprobe: öffentliches Modul';
const DRAFT_TITLE = 'Berechtigungsprobe: Entwurf';
const STATUS_TITLE = 'Berechtigungsprobe: Statuswechsel';
const EDIT_TITLE = 'Berechtigungsprobe: Bearbeitung';
/** A registrant whose name and address only the demo organisation's organisers (name: also facilitators) may see. */
const SECRET_NAME = 'Sina Verschwiegen';
const ATTENDEE = 'Theo Teilnahme';
const TOGGLED = 'Anton Anwesend';
const BOGUS_LINK = `swr_${'Q'.repeat(43)}`;
const BOGUS_UUID = '00000000-0000-4000-8000-000000000000';
const MANAGERS: Actor[] = ['owner', 'organiser'];
const FACILITATING: Actor[] = ['owner', 'organiser', 'facilitator'];
/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let ids: Record<string, string> | undefined;
const supplies: Record<string, { items: string[]; at: number }> = {};

function fill(template: string): string {
	if (!ids) return template;
	const known = ids;
	return template.replace(/:(\w+)/g, (whole, name: string) => {
		const supply = supplies[name];
		if (supply) return supply.items[Math.min(supply.at, supply.items.length - 1)];
		return known[name] ?? whole;
	});
}

/** Moves a supply on to its next link (call after the request's path was taken). */
const next = (name: string) => () => {
	supplies[name].at++;
	return {};
};

function row(template: string, spec: Omit<Row, 'path'>): Row {
	return Object.defineProperty({ ...spec }, 'path', { get: () => fill(template), enumerable: true }) as Row;
}

// ── helpers (as the demo owner unless said otherwise) ──────────────────────────────────────────

/** With the owner's token, or none (`publicly`). */
async function api(f: Fixtures, method: string, path: string, body?: unknown, publicly = false): Promise<Response> {
	return request(BASE, method, path, null, { bearer: publicly ? undefined : f.token.owner, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function created(response: Response, what: string): Promise<string> {
	const text = await response.text();
	expect(response.status, `${what}: ${text}`).toBe(201);
	return (JSON.parse(text) as { id: string }).id;
}

interface ModuleJson {
	id: string;
	title: string;
	status: string;
	sessions: { id: string; status: string; location: string; freeSeats: number }[];
}

async function moduleOf(f: Fixtures, id: string): Promise<ModuleJson> {
	const response = await api(f, 'GET', `/api/v1/modules/${id}`);
	expect(response.status, `module ${id}`).toBe(200);
	return (await response.json()) as ModuleJson;
}

async function sessionOf(f: Fixtures, moduleId: string, sessionId: string) {
	const session = (await moduleOf(f, moduleId)).sessions.find((s) => s.id === sessionId);
	if (!session) throw new Error(`session ${sessionId} not in module ${moduleId}`);
	return session;
}

const ownerPage = async (f: Fixtures, path: string) => (await get(BASE, fill(path), { cookie: f.session.owner })).text();

/** Registers a person for a session: with the owner's token confirmed at once, without one publicly (pending). */
async function enrol(f: Fixtures, sessionId: string, name: string, publicly = false): Promise<{ id: string; email: string }> {
	const email = unique(name.toLowerCase().replace(/\W+/g, '-'));
	const id = await created(await api(f, 'POST', `/api/v1/sessions/${sessionId}/registrations`, { name, email, organisation: 'Probeamt', group: 'verwaltung' }, publicly), `register ${name}`);
	return { id, email };
}

/** The personal registration links (`swr_…`) mailed to these addresses, from what the test SMTP server received. */
async function linksFor(_f: Fixtures, emails: string[]): Promise<string[]> {
	return Promise.all(emails.map(async (email) => (await linkFromMailbox(e2eContext().mailbox, email, '/katalog/anmeldung/')).split('/').at(-1)!));
}

async function postRaw(f: Fixtures, path: string, body: URLSearchParams | FormData): Promise<Response> {
	const response = await fetch(new URL(fill(path), BASE), { method: 'POST', headers: { cookie: f.session.owner!, origin: ORIGIN }, body, redirect: 'manual' });
	await response.arrayBuffer();
	return response;
}

async function uploadPhoto(f: Fixtures, moduleId: string, facilitatorId: string): Promise<void> {
	const body = new FormData();
	body.set('facilitatorId', facilitatorId);
	body.set('photo', new Blob([PNG], { type: 'image/png' }), 'foto.png');
	expect((await postRaw(f, `/app/katalog/${moduleId}?/photo`, body)).status, 'photo upload').toBe(200);
}

async function facilitatorIds(f: Fixtures, moduleId: string): Promise<string[]> {
	return [...(await ownerPage(f, `/app/katalog/${moduleId}`)).matchAll(/name="facilitatorId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]);
}

/** YYYY-MM-DD in Berlin. */
const berlinDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date);
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000);
const span = (days: number) => ({ start: inDays(days).toISOString(), end: inDays(days, 3).toISOString() });

function inputValue(html: string, name: string): string | undefined {
	const tag = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
	return tag && /value="([^"]*)"/.exec(tag)?.[1];
}

const presentBox = (html: string, registrationId: string) => new RegExp(`name="present" value="${registrationId}"[^>]*checked`).test(html);

// ── checks ─────────────────────────────────────────────────────────────────────────────────────

/** 403 says why; a 404 or a redirect names none of the demo organisation's catalogue. */
function refusal({ response, text }: Context): void {
	if (response.status === 403) expect(text).toContain(FORBIDDEN);
	if (response.status === 404 || response.status === 303 || response.status === 401) {
		for (const secret of [SEED_TITLE, PUB_TITLE, DRAFT_TITLE, STATUS_TITLE, SECRET_NAME, ATTENDEE]) expect(text).not.toContain(secret);
	}
}

const noneOf =
	(...secrets: string[]) =>
	({ text }: Context) => {
		for (const secret of secrets) expect(text).not.toContain(secret);
	};

const allowed = (actor: Actor, who: Actor[]) => who.includes(actor);

function contentType(type: string) {
	return (c: Context) => {
		if (c.response.status === 200) expect(c.response.headers.get('content-type')).toContain(type);
		else refusal(c);
	};
}

// ── rows ───────────────────────────────────────────────────────────────────────────────────────

const manageOnly = (from: string) => byRole(toLogin(from), 404, 200, 200, 403, 403);
const facilitateOnly = (from: string) => byRole(toLogin(from), 404, 200, 200, 200, 403);

export const rows: Row[] = [
	// Public catalogue: published modules of every organisation; drafts are 404 for everybody.
	row('/katalog', {
		route: '/katalog',
		method: 'GET',
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			expect(c.text).toContain(SEED_TITLE);
			expect(c.text).toContain(PUB_TITLE);
			noneOf(DRAFT_TITLE, SECRET_NAME)(c);
		}
	}),
	row('/katalog/:catPubModuleId', {
		route: '/katalog/[id]',
		method: 'GET',
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			expect(c.text).toContain(PUB_TITLE);
			expect(c.text).toContain('Paula Porträt');
			noneOf(SECRET_NAME, 'Probeamt')(c);
		}
	}),
	row('/katalog/:catDraftModuleId', { route: '/katalog/[id]', method: 'GET', auth: 'session', expect: everyone(404), check: noneOf(DRAFT_TITLE, 'Dora Entwurf') }),
	row(`/katalog/${BOGUS_UUID}`, { route: '/katalog/[id]', method: 'GET', auth: 'session', expect: everyone(404) }),
	row('/katalog/termin/:catUpcomingSessionId', {
		route: '/katalog/termin/[sessionId]',
		method: 'GET',
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			expect(c.text).toContain(PUB_TITLE);
			noneOf(SECRET_NAME)(c);
		}
	}),
	row('/katalog/termin/:catDraftSessionId', { route: '/katalog/termin/[sessionId]', method: 'GET', auth: 'session', expect: everyone(404), check: noneOf(DRAFT_TITLE) }),
	row('/katalog/termin/:catUpcomingSessionId', {
		// The public form is double opt-in for everybody: an organiser's cookie confirms nothing.
		route: '/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: (_, actor) => ({ name: `Formular ${actor}`, email: unique(`formular-${actor}`), organisation: '', group: 'verwaltung', consent: 'yes' }),
		expect: everyone(to('/katalog/termin/:catUpcomingSessionId?angemeldet=pending_confirmation')),
		check: async ({ f, sent }) => expect(await ownerPage(f, '/app/katalog/termin/:catUpcomingSessionId')).toContain(String(sent.email))
	}),
	row('/katalog/termin/:catDraftSessionId', {
		route: '/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: (_, actor) => ({ name: `Entwurfsformular ${actor}`, email: unique(`entwurf-${actor}`), organisation: '', group: 'verwaltung', consent: 'yes' }),
		expect: everyone(404),
		check: async (c) => {
			noneOf(DRAFT_TITLE)(c);
			expect(await ownerPage(c.f, '/app/katalog/termin/:catDraftSessionId')).not.toContain(String(c.sent.email));
		}
	}),

	// Personal registration links: the link is the credential; a session cookie adds nothing.
	row('/katalog/anmeldung/:catCertToken', {
		route: '/katalog/anmeldung/[token]',
		method: 'GET',
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			expect(c.text).toContain(`für ${ATTENDEE} 0`);
			noneOf(SECRET_NAME)(c);
		}
	}),
	row(`/katalog/anmeldung/${BOGUS_LINK}`, { route: '/katalog/anmeldung/[token]', method: 'GET', auth: 'session', expect: everyone(404) }),
	row('/katalog/anmeldung/:catConfirmLink?/confirm', {
		route: '/katalog/anmeldung/[token]',
		method: 'POST',
		auth: 'session',
		headers: next('catConfirmLink'),
		expect: everyone(200),
		check: ({ text }) => expect(text).toContain('Ihr Platz ist sicher.')
	}),
	row(`/katalog/anmeldung/${BOGUS_LINK}?/confirm`, { route: '/katalog/anmeldung/[token]', method: 'POST', auth: 'session', expect: everyone(404) }),
	row('/katalog/anmeldung/:catCancelLink?/cancel', {
		route: '/katalog/anmeldung/[token]',
		method: 'POST',
		auth: 'session',
		headers: next('catCancelLink'),
		form: () => ({ confirm: 'yes' }),
		expect: everyone(200),
		check: ({ text }) => expect(text).toContain('Sie sind abgemeldet.')
	}),
	row(`/katalog/anmeldung/${BOGUS_LINK}?/cancel`, { route: '/katalog/anmeldung/[token]', method: 'POST', auth: 'session', expect: everyone(404) }),
	row('/katalog/anmeldung/:catFeedbackLink?/feedback', {
		route: '/katalog/anmeldung/[token]',
		method: 'POST',
		auth: 'session',
		form: () => ({ overall: '4', usefulness: '5', takeaway: 'Tabelle', improve: '' }),
		headers: next('catFeedbackLink'),
		expect: everyone(200),
		check: ({ text }) => expect(text).toContain('Danke für Ihr Feedback!')
	}),
	row(`/katalog/anmeldung/${BOGUS_LINK}?/feedback`, {
		route: '/katalog/anmeldung/[token]',
		method: 'POST',
		auth: 'session',
		form: () => ({ overall: '4', usefulness: '5' }),
		expect: everyone(404)
	}),
	row('/katalog/anmeldung/:catCertToken/bescheinigung.pdf', {
		route: '/katalog/anmeldung/[token]/bescheinigung.pdf',
		method: 'GET',
		auth: 'session',
		expect: everyone(200),
		check: contentType('application/pdf')
	}),
	row('/katalog/anmeldung/:catNoCertToken/bescheinigung.pdf', { route: '/katalog/anmeldung/[token]/bescheinigung.pdf', method: 'GET', auth: 'session', expect: everyone(404) }),
	row(`/katalog/anmeldung/${BOGUS_LINK}/bescheinigung.pdf`, { route: '/katalog/anmeldung/[token]/bescheinigung.pdf', method: 'GET', auth: 'session', expect: everyone(404) }),
	row('/katalog/foto/:catPhotoId', { route: '/katalog/foto/[id]', method: 'GET', auth: 'session', expect: everyone(200), check: contentType('image/png') }),
	// A draft's facilitator photo is not public.
	row('/katalog/foto/:catDraftPhotoId', { route: '/katalog/foto/[id]', method: 'GET', auth: 'session', expect: everyone(404) }),
	row('/katalog/kalender.ics', {
		route: '/katalog/kalender.ics',
		method: 'GET',
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			contentType('text/calendar')(c);
			expect(c.text).toContain('Berechtigungsprobe: öffentliches');
			noneOf('Berechtigungsprobe: Entwurf', SECRET_NAME)(c);
		}
	}),
	row('/bescheinigung/:catCertCode', {
		// Public verification shows the holder and the module, nothing else of the registration.
		route: '/bescheinigung/[code]',
		method: 'GET',
		auth: 'session',
		expect: everyone(200),
		check: (c) => {
			expect(c.text).toContain(`${ATTENDEE} 0`);
			expect(c.text).toContain(PUB_TITLE);
			noneOf('Probeamt')(c);
		}
	}),
	row('/bescheinigung/AAAA-AAAA-AAAA', { route: '/bescheinigung/[code]', method: 'GET', auth: 'session', expect: everyone(404) }),

	// Organiser area: the catalogue of the own organisation
	row('/app/katalog', {
		route: '/app/katalog',
		method: 'GET',
		auth: 'session',
		expect: byRole(toLogin('/app/katalog'), 200, 200, 200, 200, 403),
		check: (c) => {
			refusal(c);
			if (c.response.status !== 200) return;
			if (c.actor === 'otherOrg') return noneOf(SEED_TITLE, PUB_TITLE, DRAFT_TITLE, demo.orgName)(c);
			expect(c.text).toContain(SEED_TITLE);
			expect(c.text).toContain(DRAFT_TITLE);
			expect(c.text).not.toContain(demo.otherOrg.orgName);
		}
	}),
	row('/app/katalog?/settings', {
		// Those who may not change the demo organisation's settings try values nobody else uses;
		// another organisation's owner changes their own organisation's settings only.
		route: '/app/katalog',
		method: 'POST',
		auth: 'session',
		form: (_, actor) => (allowed(actor, MANAGERS) ? { retentionMonths: '12', offerWindowHours: '48' } : { retentionMonths: '120', offerWindowHours: '168' }),
		expect: byRole(toLogin('/app/katalog?/settings'), 200, 200, 200, 403, 403),
		check: async (c) => {
			refusal(c);
			const demoSettings = await ownerPage(c.f, '/app/katalog');
			expect([inputValue(demoSettings, 'retentionMonths'), inputValue(demoSettings, 'offerWindowHours')]).toEqual(['12', '48']);
			if (c.actor !== 'otherOrg') return;
			const own = await (await get(BASE, '/app/katalog', { cookie: c.f.session.otherOrg })).text();
			expect([inputValue(own, 'retentionMonths'), inputValue(own, 'offerWindowHours')]).toEqual(['120', '168']);
		}
	}),
	row('/app/katalog/neu', { route: '/app/katalog/neu', method: 'GET', auth: 'session', expect: byRole(toLogin('/app/katalog/neu'), 200, 200, 200, 403, 403), check: refusal }),
	row('/app/katalog/neu', {
		// The new module's id is unknown to the table, so the form lacks a title: those allowed get
		// as far as validation (422), the others are refused before.
		route: '/app/katalog/neu',
		method: 'POST',
		auth: 'session',
		form: () => ({ title: '', format: 'workshop', language: 'de' }),
		expect: byRole(toLogin('/app/katalog/neu'), 422, 422, 422, 403, 403),
		check: (c) => {
			refusal(c);
			if (c.response.status === 422) expect(c.text).toContain('Bitte geben Sie einen Titel ein.');
		}
	}),
	row('/app/katalog/:catPubModuleId', {
		route: '/app/katalog/[id]',
		method: 'GET',
		auth: 'session',
		expect: facilitateOnly('/app/katalog/:catPubModuleId'),
		check: (c) => {
			refusal(c);
			if (c.response.status === 200) expect(c.text).toContain(PUB_TITLE);
		}
	}),
	row(`/app/katalog/${BOGUS_UUID}`, { route: '/app/katalog/[id]', method: 'GET', auth: 'session', expect: byRole(toLogin(`/app/katalog/${BOGUS_UUID}`), 404, 404, 404, 404, 403) }),
	...(['publish', 'unpublish', 'archive'] as const).map((action) =>
		row(`/app/katalog/:catStatusModuleId?/${action}`, {
			route: '/app/katalog/[id]',
			method: 'POST',
			auth: 'session',
			form: async (f) => ({ before: (await moduleOf(f, ids!.catStatusModuleId)).status }),
			expect: manageOnly(`/app/katalog/:catStatusModuleId?/${action}`),
			check: async (c) => {
				refusal(c);
				const target = { publish: 'published', unpublish: 'draft', archive: 'archived' }[action];
				const after = (await moduleOf(c.f, ids!.catStatusModuleId)).status;
				expect(after, 'status afterwards').toBe(allowed(c.actor, MANAGERS) ? target : c.sent.before);
			}
		})
	),
	row('/app/katalog/:catPubModuleId?/photo', {
		// Removing a facilitator's photo; it is put back before each request.
		route: '/app/katalog/[id]',
		method: 'POST',
		auth: 'session',
		form: async (f) => {
			await uploadPhoto(f, ids!.catPubModuleId, ids!.catRemovablePhotoId);
			return { facilitatorId: ids!.catRemovablePhotoId, remove: 'yes' };
		},
		expect: manageOnly('/app/katalog/:catPubModuleId?/photo'),
		check: async (c) => {
			refusal(c);
			const photo = await get(BASE, `/katalog/foto/${ids!.catRemovablePhotoId}`);
			expect(photo.status, 'the photo afterwards').toBe(allowed(c.actor, MANAGERS) ? 404 : 200);
		}
	}),
	row('/app/katalog/:catPubModuleId?/createSession', {
		// The new session's id is unknown to the table: those allowed send a form without a
		// capacity (422, nothing created); the others a valid one, which must create nothing.
		route: '/app/katalog/[id]',
		method: 'POST',
		auth: 'session',
		form: async (f, actor) => {
			const date = berlinDay(inDays(50));
			return { p0_date: date, p0_from: '09:00', p0_to: '12:00', location: `Neu von ${actor}`, capacity: allowed(actor, MANAGERS) ? '' : '12', before: String((await moduleOf(f, ids!.catPubModuleId)).sessions.length) };
		},
		expect: byRole(toLogin('/app/katalog/:catPubModuleId?/createSession'), 404, 422, 422, 403, 403),
		check: async (c) => {
			refusal(c);
			expect(String((await moduleOf(c.f, ids!.catPubModuleId)).sessions.length), 'sessions afterwards').toBe(c.sent.before);
		}
	}),
	row('/app/katalog/:catEditModuleId/bearbeiten', {
		route: '/app/katalog/[id]/bearbeiten',
		method: 'GET',
		auth: 'session',
		expect: manageOnly('/app/katalog/:catEditModuleId/bearbeiten'),
		check: (c) => {
			refusal(c);
			if (c.response.status === 404) expect(c.text).not.toContain('Bearbeitet von');
		}
	}),
	row('/app/katalog/:catEditModuleId/bearbeiten', {
		route: '/app/katalog/[id]/bearbeiten',
		method: 'POST',
		auth: 'session',
		form: (_, actor) => ({ title: `Bearbeitet von ${actor}`, format: 'workshop', language: 'de' }),
		expect: byRole(toLogin('/app/katalog/:catEditModuleId/bearbeiten'), 404, to('/app/katalog/:catEditModuleId?gespeichert=1'), to('/app/katalog/:catEditModuleId?gespeichert=1'), 403, 403),
		check: async (c) => {
			refusal(c);
			const title = (await moduleOf(c.f, ids!.catEditModuleId)).title;
			(allowed(c.actor, MANAGERS) ? expect(title) : expect(title).not).toBe(c.sent.title);
		}
	}),

	// Sessions: facilitators see who comes (names, not addresses); organisers manage.
	row('/app/katalog/termin/:catUpcomingSessionId', {
		route: '/app/katalog/termin/[sessionId]',
		method: 'GET',
		auth: 'session',
		expect: facilitateOnly('/app/katalog/termin/:catUpcomingSessionId'),
		check: (c) => {
			refusal(c);
			const email = ids!.catSecretEmail;
			(allowed(c.actor, FACILITATING) ? expect(c.text) : expect(c.text).not).toContain(SECRET_NAME);
			(allowed(c.actor, MANAGERS) ? expect(c.text) : expect(c.text).not).toContain(email);
		}
	}),
	row(`/app/katalog/termin/${BOGUS_UUID}`, {
		route: '/app/katalog/termin/[sessionId]',
		method: 'GET',
		auth: 'session',
		expect: byRole(toLogin(`/app/katalog/termin/${BOGUS_UUID}`), 404, 404, 404, 404, 403)
	}),
	row('/app/katalog/termin/:catStatusSessionId?/status', {
		// Everybody asks for the other status (open ↔ closed).
		route: '/app/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: async (f) => {
			const before = (await sessionOf(f, ids!.catPubModuleId, ids!.catStatusSessionId)).status;
			return { status: before === 'open' ? 'closed' : 'open', before };
		},
		expect: manageOnly('/app/katalog/termin/:catStatusSessionId?/status'),
		check: async (c) => {
			refusal(c);
			const after = (await sessionOf(c.f, ids!.catPubModuleId, ids!.catStatusSessionId)).status;
			expect(after).toBe(allowed(c.actor, MANAGERS) ? c.sent.status : c.sent.before);
		}
	}),
	row('/app/katalog/termin/:catUpdateSessionId?/update', {
		route: '/app/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: (_, actor) => ({ p0_date: berlinDay(inDays(33)), p0_from: '10:00', p0_to: '12:00', location: `Raum von ${actor}`, capacity: '30', onlineUrl: '', deadline: '', note: '' }),
		expect: manageOnly('/app/katalog/termin/:catUpdateSessionId?/update'),
		check: async (c) => {
			refusal(c);
			const { location } = await sessionOf(c.f, ids!.catPubModuleId, ids!.catUpdateSessionId);
			(allowed(c.actor, MANAGERS) ? expect(location) : expect(location).not).toBe(c.sent.location);
		}
	}),
	row('/app/katalog/termin/:catUpcomingSessionId?/register', {
		route: '/app/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: (_, actor) => ({ name: `Telefonisch ${actor}`, email: unique(`telefonisch-${actor}`), organisation: '', group: 'politik' }),
		expect: manageOnly('/app/katalog/termin/:catUpcomingSessionId?/register'),
		check: async (c) => {
			refusal(c);
			const page = await ownerPage(c.f, '/app/katalog/termin/:catUpcomingSessionId');
			(allowed(c.actor, MANAGERS) ? expect(page) : expect(page).not).toContain(String(c.sent.email));
		}
	}),
	row('/app/katalog/termin/:catUpcomingSessionId/nachricht', {
		route: '/app/katalog/termin/[sessionId]/nachricht',
		method: 'GET',
		auth: 'session',
		expect: manageOnly('/app/katalog/termin/:catUpcomingSessionId/nachricht'),
		check: refusal
	}),
	row('/app/katalog/termin/:catUpcomingSessionId/nachricht', {
		// The first step only counts the recipients (nothing is sent without confirm=yes).
		route: '/app/katalog/termin/[sessionId]/nachricht',
		method: 'POST',
		auth: 'session',
		form: (_, actor) => ({ subject: `Raumänderung von ${actor}`, text: 'Wir treffen uns in Raum 2.', includeWaitlist: 'yes' }),
		expect: manageOnly('/app/katalog/termin/:catUpcomingSessionId/nachricht'),
		check: (c) => {
			refusal(c);
			if (c.response.status === 200) expect(c.text).toContain('Anzahl der Empfänger*innen');
		}
	}),
	row('/app/katalog/termin/:catUpcomingSessionId?/cancelRegistration', {
		// A fresh confirmed registration per actor; cancelling it frees its seat.
		route: '/app/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: async (f, actor) => {
			const { id } = await enrol(f, ids!.catUpcomingSessionId, `Storno ${actor}`);
			return { registrationId: id, free: String((await sessionOf(f, ids!.catPubModuleId, ids!.catUpcomingSessionId)).freeSeats) };
		},
		expect: manageOnly('/app/katalog/termin/:catUpcomingSessionId?/cancelRegistration'),
		check: async (c) => {
			refusal(c);
			const free = (await sessionOf(c.f, ids!.catPubModuleId, ids!.catUpcomingSessionId)).freeSeats;
			expect(free, 'free seats afterwards').toBe(Number(c.sent.free) + (allowed(c.actor, MANAGERS) ? 1 : 0));
		}
	}),
	row('/app/katalog/termin/:catUpcomingSessionId?/move', {
		route: '/app/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: async (f, actor) => {
			const { id } = await enrol(f, ids!.catUpcomingSessionId, `Verlegt ${actor}`);
			return { registrationId: id, targetSessionId: ids!.catMoveSessionId, free: String((await sessionOf(f, ids!.catPubModuleId, ids!.catMoveSessionId)).freeSeats) };
		},
		expect: manageOnly('/app/katalog/termin/:catUpcomingSessionId?/move'),
		check: async (c) => {
			refusal(c);
			const free = (await sessionOf(c.f, ids!.catPubModuleId, ids!.catMoveSessionId)).freeSeats;
			expect(free, 'free seats of the target afterwards').toBe(Number(c.sent.free) - (allowed(c.actor, MANAGERS) ? 1 : 0));
		}
	}),
	row('/app/katalog/termin/:catUpcomingSessionId?/erase', {
		route: '/app/katalog/termin/[sessionId]',
		method: 'POST',
		auth: 'session',
		form: async (f, actor) => {
			const name = `Löschbar ${actor}`;
			const { id } = await enrol(f, ids!.catUpcomingSessionId, name);
			return { registrationId: id, name, confirm: 'yes' };
		},
		expect: manageOnly('/app/katalog/termin/:catUpcomingSessionId?/erase'),
		check: async (c) => {
			refusal(c);
			const page = await ownerPage(c.f, '/app/katalog/termin/:catUpcomingSessionId');
			(allowed(c.actor, MANAGERS) ? expect(page).not : expect(page)).toContain(String(c.sent.name));
		}
	}),

	// Attendance, certificates and feedback of the session that has begun
	row('/app/katalog/termin/:catStartedSessionId/anwesenheit', {
		route: '/app/katalog/termin/[sessionId]/anwesenheit',
		method: 'GET',
		auth: 'session',
		expect: facilitateOnly('/app/katalog/termin/:catStartedSessionId/anwesenheit'),
		check: (c) => {
			refusal(c);
			(allowed(c.actor, FACILITATING) ? expect(c.text) : expect(c.text).not).toContain(`${ATTENDEE} 0`);
		}
	}),
	row('/app/katalog/termin/:catStartedSessionId/anwesenheit?/save', {
		// Marked absent before each request, then ticked as present. For another organisation's
		// owner the use case touches nothing (it only updates the caller's own registrations), and
		// the page around the answer is a 404.
		route: '/app/katalog/termin/[sessionId]/anwesenheit',
		method: 'POST',
		auth: 'session',
		form: async (f) => {
			const absent = await postRaw(f, '/app/katalog/termin/:catStartedSessionId/anwesenheit?/save', new URLSearchParams({ listed: ids!.catToggledId }));
			expect(absent.status).toBe(200);
			return { listed: ids!.catToggledId, present: ids!.catToggledId };
		},
		expect: facilitateOnly('/app/katalog/termin/:catStartedSessionId/anwesenheit?/save'),
		check: async (c) => {
			refusal(c);
			noneOf(...(allowed(c.actor, FACILITATING) ? [] : [TOGGLED]))(c);
			const page = await ownerPage(c.f, '/app/katalog/termin/:catStartedSessionId/anwesenheit');
			expect(presentBox(page, ids!.catToggledId), 'present afterwards').toBe(allowed(c.actor, FACILITATING));
		}
	}),
	row('/app/katalog/termin/:catStartedSessionId/anwesenheit?/certificates', {
		route: '/app/katalog/termin/[sessionId]/anwesenheit',
		method: 'POST',
		auth: 'session',
		form: () => ({ mail: 'no' }),
		expect: manageOnly('/app/katalog/termin/:catStartedSessionId/anwesenheit?/certificates'),
		check: refusal
	}),
	row('/app/katalog/termin/:catStartedSessionId/anwesenheit?/feedback', {
		route: '/app/katalog/termin/[sessionId]/anwesenheit',
		method: 'POST',
		auth: 'session',
		expect: manageOnly('/app/katalog/termin/:catStartedSessionId/anwesenheit?/feedback'),
		check: refusal
	}),
	row('/app/katalog/termin/:catStartedSessionId/anwesenheitsliste.pdf', {
		route: '/app/katalog/termin/[sessionId]/anwesenheitsliste.pdf',
		method: 'GET',
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 200, 403),
		check: contentType('application/pdf')
	}),
	// Check-in at the door: the link in a registrant's QR code, for the organisation's organisers and facilitators only.
	row('/app/katalog/einlass/:catCheckInId', {
		route: '/app/katalog/einlass/[registrationId]',
		method: 'GET',
		auth: 'session',
		expect: facilitateOnly('/app/katalog/einlass/:catCheckInId'),
		check: (c) => {
			refusal(c);
			(allowed(c.actor, FACILITATING) ? expect(c.text) : expect(c.text).not).toContain('Carla Einlass');
		}
	}),
	row('/app/katalog/einlass/:catCheckInId', {
		route: '/app/katalog/einlass/[registrationId]',
		method: 'POST',
		auth: 'session',
		expect: facilitateOnly('/app/katalog/einlass/:catCheckInId'),
		check: (c) => {
			refusal(c);
			if (c.response.status === 200) expect(c.text).toContain('ist als anwesend eingetragen');
		}
	}),
	row('/app/katalog/termin/:catStartedSessionId/anmeldungen.csv', {
		route: '/app/katalog/termin/[sessionId]/anmeldungen.[format]',
		method: 'GET',
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 200, 403),
		check: contentType('text/csv')
	}),
	row('/app/katalog/termin/:catStartedSessionId/anmeldungen.xlsx', {
		route: '/app/katalog/termin/[sessionId]/anmeldungen.[format]',
		method: 'GET',
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 200, 403),
		check: contentType('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
	}),
	row('/app/katalog/termin/:catStartedSessionId/bescheinigung/:catCertCode', {
		route: '/app/katalog/termin/[sessionId]/bescheinigung/[code]',
		method: 'GET',
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 200, 403),
		check: contentType('application/pdf')
	}),
	row('/app/katalog/termin/:catUpcomingSessionId/bescheinigung/:catCertCode', {
		// The code belongs to another session.
		route: '/app/katalog/termin/[sessionId]/bescheinigung/[code]',
		method: 'GET',
		auth: 'session',
		expect: byRole(401, 404, 404, 404, 404, 403)
	}),
	row('/app/katalog/termin/:catStartedSessionId/feedback', {
		route: '/app/katalog/termin/[sessionId]/feedback',
		method: 'GET',
		auth: 'session',
		expect: facilitateOnly('/app/katalog/termin/:catStartedSessionId/feedback'),
		check: (c) => {
			refusal(c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(PUB_TITLE);
			// Feedback arrives during the table (the link rows), so the window is open: nothing, not even a count.
			expect(c.text).toContain('Die Rückmeldungen erscheinen, wenn das Feedback-Fenster am');
			// (The rule's own "Texte ab 8 Rückmeldungen" is no count.)
			expect(c.text).not.toMatch(/(?<!ab )\d+ Rückmeldungen|Mittelwert|<table/);
		}
	}),

	// API: the catalogue is public; writing needs an organiser's token of the module's organisation.
	row('/api/v1/modules', {
		route: '/api/v1/modules',
		method: 'GET',
		auth: 'token',
		expect: everyone(200),
		check: async (c) => {
			const titles = ((await json(c)).modules as { title: string }[]).map((m) => m.title);
			expect(titles).toContain(SEED_TITLE);
			expect(titles).toContain(PUB_TITLE);
			expect(titles).not.toContain(DRAFT_TITLE);
		}
	}),
	row('/api/v1/modules', {
		route: '/api/v1/modules',
		method: 'POST',
		auth: 'token',
		json: (_, actor) => ({ title: `API-Modul von ${actor}`, format: 'workshop', status: 'draft' }),
		expect: byRole(401, 201, 201, 201, 403, 403),
		check: async (c) => {
			if (c.response.status === 401) return expectApiError(c, 'unauthorized');
			if (c.response.status === 403) return expectApiError(c, 'forbidden');
			const id = (await json(c)).id as string;
			expect(c.response.headers.get('location')).toBe(`/api/v1/modules/${id}`);
			// Created in the token's own organisation: the demo owner sees only the demo members' drafts.
			const seen = await api(c.f, 'GET', `/api/v1/modules/${id}`);
			expect(seen.status).toBe(c.actor === 'otherOrg' ? 404 : 200);
		}
	}),
	row('/api/v1/modules/:catPubModuleId', {
		route: '/api/v1/modules/[id]',
		method: 'GET',
		auth: 'token',
		expect: everyone(200),
		check: async (c) => {
			expect(await json(c)).toMatchObject({ title: PUB_TITLE, status: 'published' });
			noneOf(SECRET_NAME, '@e2e.example')(c);
		}
	}),
	row('/api/v1/modules/:catDraftModuleId', {
		route: '/api/v1/modules/[id]',
		method: 'GET',
		auth: 'token',
		expect: byRole(404, 404, 200, 200, 200, 404),
		check: async (c) => {
			if (c.response.status === 200) return expect(await json(c)).toMatchObject({ title: DRAFT_TITLE, status: 'draft' });
			await expectApiError(c, 'not_found');
			noneOf(DRAFT_TITLE)(c);
		}
	}),
	row('/api/v1/modules/:catPubModuleId/sessions', {
		route: '/api/v1/modules/[id]/sessions',
		method: 'POST',
		auth: 'token',
		json: (_, actor) => ({ ...span(60), location: `API-Termin von ${actor}`, capacity: 10 }),
		expect: byRole(401, 404, 201, 201, 403, 403),
		check: async (c) => {
			const code = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' }[c.response.status];
			if (code) await expectApiError(c, code);
			const locations = (await moduleOf(c.f, ids!.catPubModuleId)).sessions.map((s) => s.location);
			(c.response.status === 201 ? expect(locations) : expect(locations).not).toContain(c.sent.location);
		}
	}),
	row('/api/v1/sessions/:catUpcomingSessionId/registrations', {
		// Public, with double opt-in; only an organiser's token of the session's organisation confirms at once.
		route: '/api/v1/sessions/[id]/registrations',
		method: 'POST',
		auth: 'token',
		json: (_, actor) => ({ name: `API ${actor}`, email: unique(`api-${actor}`), organisation: '', group: 'wirtschaft' }),
		expect: everyone(201),
		check: async (c) => expect((await json(c)).status).toBe(allowed(c.actor, MANAGERS) ? 'confirmed' : 'pending_confirmation')
	}),
	row('/api/v1/sessions/:catDraftSessionId/registrations', {
		// A draft takes no public registrations; its own organisers may register people.
		route: '/api/v1/sessions/[id]/registrations',
		method: 'POST',
		auth: 'token',
		json: (_, actor) => ({ name: `API-Entwurf ${actor}`, email: unique(`api-entwurf-${actor}`), organisation: '', group: 'wirtschaft' }),
		expect: byRole(404, 404, 201, 201, 404, 404),
		check: async (c) => {
			if (c.response.status === 404) await expectApiError(c, 'not_found');
			noneOf(DRAFT_TITLE)(c);
		}
	}),
	row('/api/v1/registrations/:catDeleteLink', {
		route: '/api/v1/registrations/[cancelToken]',
		method: 'DELETE',
		auth: 'token',
		headers: next('catDeleteLink'),
		expect: everyone(200),
		check: async (c) => {
			expect(await json(c)).toMatchObject({ status: 'cancelled' });
			noneOf(SECRET_NAME, '@e2e.example')(c);
		}
	}),
	row(`/api/v1/registrations/${BOGUS_LINK}`, {
		route: '/api/v1/registrations/[cancelToken]',
		method: 'DELETE',
		auth: 'token',
		expect: everyone(404),
		check: (c) => expectApiError(c, 'not_found')
	}),
	row('/api/v1/sessions/:catUpcomingSessionId.ics', {
		route: '/api/v1/sessions/[id].ics',
		method: 'GET',
		auth: 'token',
		expect: everyone(200),
		check: (c) => {
			contentType('text/calendar')(c);
			noneOf(SECRET_NAME)(c);
		}
	}),
	row('/api/v1/sessions/:catDraftSessionId.ics', {
		// A draft's calendar only for those who see drafts (sessions.facilitate) in its organisation.
		route: '/api/v1/sessions/[id].ics',
		method: 'GET',
		auth: 'token',
		expect: byRole(404, 404, 200, 200, 200, 404),
		check: async (c) => {
			if (c.response.status !== 404) return expect(c.text).toContain('Berechtigungsprobe: Entwurf');
			await expectApiError(c, 'not_found');
			noneOf('Berechtigungsprobe: Entwurf')(c);
		}
	})
];

export async function prepare(f: Fixtures): Promise<void> {
	const module = async (title: string, status: 'draft' | 'published', facilitators: string[]) =>
		created(
			await api(f, 'POST', '/api/v1/modules', {
				title,
				description: 'Ein Modul der Berechtigungstabelle.',
				format: 'workshop',
				competences: [{ code: 'A1.1', level: 'anwenden' }],
				facilitators: facilitators.map((name) => ({ name, organisation: '', sector: 'verwaltung', bio: '' })),
				status
			}),
			`module ${title}`
		);
	const session = async (moduleId: string, times: { start: string; end: string }, location: string) =>
		created(await api(f, 'POST', `/api/v1/modules/${moduleId}/sessions`, { ...times, location, capacity: 100 }), `session ${location}`);

	const got: Record<string, string> = {};
	got.catPubModuleId = await module(PUB_TITLE, 'published', ['Paula Porträt', 'Fiona Fotolos']);
	got.catDraftModuleId = await module(DRAFT_TITLE, 'draft', ['Dora Entwurf']);
	got.catStatusModuleId = await module(STATUS_TITLE, 'draft', []);
	got.catEditModuleId = await module(EDIT_TITLE, 'draft', []);
	got.catUpcomingSessionId = await session(got.catPubModuleId, span(30), 'Raum Probe');
	got.catMoveSessionId = await session(got.catPubModuleId, span(31), 'Raum Ziel');
	got.catStatusSessionId = await session(got.catPubModuleId, span(32), 'Raum Status');
	got.catUpdateSessionId = await session(got.catPubModuleId, span(33), 'Raum Änderung');
	got.catStartedSessionId = await session(got.catPubModuleId, { start: inDays(0, -1).toISOString(), end: inDays(0, 6).toISOString() }, 'Raum Begonnen');
	got.catDraftSessionId = await session(got.catDraftModuleId, span(30), 'Raum Entwurf');
	Object.assign(f.ids, got);
	ids = f.ids;

	[got.catPhotoId, got.catRemovablePhotoId] = await facilitatorIds(f, got.catPubModuleId);
	[got.catDraftPhotoId] = await facilitatorIds(f, got.catDraftModuleId);
	await uploadPhoto(f, got.catPubModuleId, got.catPhotoId);
	await uploadPhoto(f, got.catPubModuleId, got.catRemovablePhotoId);
	await uploadPhoto(f, got.catDraftModuleId, got.catDraftPhotoId);

	got.catSecretEmail = (await enrol(f, got.catUpcomingSessionId, SECRET_NAME)).email;
	const noCert = await enrol(f, got.catUpcomingSessionId, 'Nora Ohnebescheinigung');
	const actors = 6;
	const confirm = [];
	for (let i = 0; i < actors; i++) confirm.push(await enrol(f, got.catUpcomingSessionId, `Bestätigung ${i}`, true));
	const cancel = [];
	for (let i = 0; i < actors; i++) cancel.push(await enrol(f, got.catUpcomingSessionId, `Abmeldung ${i}`));
	const remove = [];
	for (let i = 0; i < actors; i++) remove.push(await enrol(f, got.catUpcomingSessionId, `Löschung ${i}`));
	// Attendees of the session that has begun: all present (two never give feedback), one toggled by the table.
	const attendees = [];
	for (let i = 0; i < actors + 2; i++) attendees.push(await enrol(f, got.catStartedSessionId, `${ATTENDEE} ${i}`));
	const toggled = await enrol(f, got.catStartedSessionId, TOGGLED);
	got.catToggledId = toggled.id;
	got.catCheckInId = (await enrol(f, got.catStartedSessionId, 'Carla Einlass')).id;
	const attendance = new URLSearchParams();
	for (const person of [...attendees, toggled]) attendance.append('listed', person.id);
	for (const person of attendees) attendance.append('present', person.id);
	expect((await postRaw(f, `/app/katalog/termin/${got.catStartedSessionId}/anwesenheit?/save`, attendance)).status).toBe(200);
	expect((await postRaw(f, `/app/katalog/termin/${got.catStartedSessionId}/anwesenheit?/certificates`, new URLSearchParams({ mail: 'no' }))).status).toBe(200);

	const [certToken, noCertToken, ...links] = await linksFor(f, [attendees[0].email, noCert.email, ...confirm, ...cancel, ...remove, ...attendees].map((p) => (typeof p === 'string' ? p : p.email)));
	got.catCertToken = certToken;
	got.catNoCertToken = noCertToken;
	supplies.catConfirmLink = { items: links.slice(0, actors), at: 0 };
	supplies.catCancelLink = { items: links.slice(actors, 2 * actors), at: 0 };
	supplies.catDeleteLink = { items: links.slice(2 * actors, 3 * actors), at: 0 };
	supplies.catFeedbackLink = { items: links.slice(3 * actors, 4 * actors), at: 0 };

	const page = await ownerPage(f, `/app/katalog/termin/${got.catStartedSessionId}/anwesenheit`);
	const code = new RegExp(`${ATTENDEE} 0:[^<]*<a href="[^"]*/bescheinigung/([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})"`).exec(page)?.[1];
	if (!code) throw new Error('no certificate code on the attendance page');
	got.catCertCode = code;
	Object.assign(f.ids, got);
}
