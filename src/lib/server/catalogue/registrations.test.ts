import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { organiserAt, tenantAs, TEST_BASE_URL, visitorAt } from '../../../../tests/helpers/actors';
import { catalogueRegistrationLinks, catalogueRegistrations } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { cancelRegistration } from './cancel-registration';
import { confirmRegistration } from './confirm-registration';
import { viewRegistration } from './view-registration';
import { cancelByOrganiser } from './cancel-by-organiser';
import { eraseRegistration } from './erase-registration';
import { sessionRegistrations } from './list-session-registrations';
import { moveRegistration } from './move-registration';
import { registerForSession } from './register-for-session';
import { registerPerson } from './register-person';
import { registerThroughApi } from './register-through-api';
import { REGISTRATION_LIMIT } from './registration-intake';
import { createSession } from './create-session';
import { setSessionStatus } from './set-session-status';
import { updateSession } from './update-session';
import { saveModule } from './save-module';
import { settleDueSessions } from './settle-due-sessions';
import { rejected } from '../../../../tests/helpers/errors';
import { hitRateLimit } from '../auth/rate-limit';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';

let t: TestDatabase;
let smtp: TestSmtp;
let altenburg: TenantContext;
let gera: TenantContext;
/** A visitor's or an organiser's request at `now` (default: the moment of the call). */
const at = (now?: Date, mailHostAccepted = true) => visitorAt(t.db, now, mailHostAccepted);
const organiser = organiserAt;
const HOUR = 3600_000;
const inDays = (days: number, hour = 9) => {
	const d = new Date(Date.now() + days * 24 * HOUR);
	d.setUTCHours(hour, 0, 0, 0);
	return d;
};

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	await ensureDefaultFramework(t.db);
	altenburg = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	gera = await tenantAs(t.db, 'Stadt Gera', 'organiser');
});

async function publishedSession(capacity: number, startsInDays = 20, ctx = altenburg): Promise<string> {
	const { id } = await saveModule(ctx, { title: `Modul ${Math.random()}`, format: 'workshop', status: 'published', description: 'Text' });
	const session = await createSession(ctx, id, { start: inDays(startsInDays).toISOString(), end: inDays(startsInDays, 15).toISOString(), location: 'Rathaus Altenburg', capacity });
	return session.id;
}

let addresses = 0;
/** A visitor from an address of its own, so the hourly limit per address stays out of the way. */
const visitor = (now?: Date) => ({ ...at(now), clientAddress: `192.0.2.${++addresses}` });

const person = (n: number | string) => ({ name: `Person ${n}`, email: `person${n}@example.org`, organisation: 'Stadt', group: 'verwaltung' });

/** The personal link in the newest mail to `email` that SMTP received. */
async function linkFor(email: string): Promise<string> {
	const newest = smtp.to(email).filter((mail) => mail.text.includes('/katalog/anmeldung/')).at(-1);
	const match = /\/katalog\/anmeldung\/(swr_[A-Za-z0-9_-]+)/.exec(newest?.text ?? '');
	if (!match) throw new Error(`no link for ${email}`);
	return match[1];
}

/** The mails SMTP received for `email`, oldest first. */
async function mailsTo(email: string) {
	return smtp.to(email).map((mail) => ({ subject: mail.subject, body: mail.text }));
}

describe('registration with double opt-in', () => {
	it('holds a seat for 48 hours, confirms by the link, and cancels by the same link', async () => {
		const sessionId = await publishedSession(2);
		const receipt = await registerForSession(visitor(), { sessionId, input: person('a1'), consent: true });
		expect(receipt.status).toBe('pending_confirmation');
		expect(receipt.holdUntil!.getTime() - Date.now()).toBeGreaterThan(47 * HOUR);
		const [mail] = await mailsTo('persona1@example.org');
		expect(mail.subject).toBe(`Bitte bestätigen Sie Ihre Anmeldung: ${(await viewRegistration(at(), await linkFor('persona1@example.org'))).lock.module.title}`);
		expect(mail.body).toContain('Guten Tag Person a1,');

		const token = await linkFor('persona1@example.org');
		const confirmed = await confirmRegistration(at(), token);
		expect(confirmed.registration.status).toBe('confirmed');
		// Confirming twice is harmless.
		expect((await confirmRegistration(at(), token)).registration.status).toBe('confirmed');
		const confirmation = (await mailsTo('persona1@example.org')).find((m) => m.subject.startsWith('Ihre Anmeldung ist bestätigt'))!;
		expect(confirmation.body).toContain(`${TEST_BASE_URL}/api/v1/sessions/${sessionId}.ics`);

		const cancelled = await cancelRegistration(at(), token);
		expect(cancelled.registration.status).toBe('cancelled');
		expect((await cancelRegistration(at(), token)).registration.status).toBe('cancelled');
	});

	it('lets an unconfirmed hold lapse after 48 hours and gives the seat to the waiting list', async () => {
		const sessionId = await publishedSession(1);
		await registerForSession(visitor(), { sessionId, input: person('b1') });
		const second = await registerForSession(visitor(), { sessionId, input: person('b2') });
		expect(second).toMatchObject({ status: 'waitlisted', position: 1 });
		await confirmRegistration(at(), await linkFor('personb2@example.org'));

		const later = new Date(Date.now() + 49 * HOUR);
		const view = await viewRegistration(at(later), await linkFor('personb1@example.org'));
		expect(view.registration.status).toBe('expired');
		const promoted = await viewRegistration(at(later), await linkFor('personb2@example.org'));
		expect(promoted.registration.status).toBe('offered');
		expect((await mailsTo('personb2@example.org')).map((m) => m.subject)).toContain(`Ein Platz ist frei: ${view.lock.module.title}`);
	});

	it('leaves a lapsed hold to the periodic sweep when the page is viewed under a foreign Host, so no offer is mailed from there', async () => {
		const sessionId = await publishedSession(1);
		await registerForSession(visitor(), { sessionId, input: person('h1') });
		await registerForSession(visitor(), { sessionId, input: person('h2') });
		await confirmRegistration(at(), await linkFor('personh2@example.org'));

		const later = new Date(Date.now() + 49 * HOUR);
		const view = await viewRegistration(at(later, false), await linkFor('personh1@example.org'));
		expect(view.registration.status).toBe('pending_confirmation');
		expect((await mailsTo('personh2@example.org')).some((m) => m.subject.startsWith('Ein Platz ist frei'))).toBe(false);

		expect(await settleDueSessions(at(later))).toBeGreaterThanOrEqual(1);
		expect((await mailsTo('personh2@example.org')).some((m) => m.subject.startsWith('Ein Platz ist frei'))).toBe(true);
	});

	it('passes a lapsed hold on without anybody opening a page (the server’s periodic sweep)', async () => {
		const sessionId = await publishedSession(1);
		await registerForSession(visitor(), { sessionId, input: person('s1') });
		await registerForSession(visitor(), { sessionId, input: person('s2') });
		await confirmRegistration(at(), await linkFor('persons2@example.org'));
		expect(await settleDueSessions(at(new Date(Date.now() + 47 * HOUR)))).toBe(0);
		expect((await mailsTo('persons2@example.org')).map((m) => m.subject).filter((s) => s.startsWith('Ein Platz ist frei'))).toEqual([]);

		expect(await settleDueSessions(at(new Date(Date.now() + 49 * HOUR)))).toBeGreaterThanOrEqual(1);
		const [offered] = await t.db.select().from(catalogueRegistrations).where(and(eq(catalogueRegistrations.sessionId, sessionId), eq(catalogueRegistrations.email, 'persons2@example.org')));
		expect(offered.status).toBe('offered');
		expect((await mailsTo('persons2@example.org')).some((m) => m.subject.startsWith('Ein Platz ist frei'))).toBe(true);
	});

	it('rejects bad input with German messages and writes nothing', async () => {
		const sessionId = await publishedSession(3);
		const count = async () => (await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId))).length;
		const bad = [
			{ name: '', email: 'a@b.de', group: 'verwaltung' },
			{ name: 'X', email: 'keine-adresse', group: 'verwaltung' },
			{ name: 'X', email: 'x@y.de', group: 'unbekannt' },
			{ name: 'x'.repeat(121), email: 'x@y.de', group: 'verwaltung' },
			{ name: 5, email: ['x'], group: null },
			'<script>alert(1)</script>'
		];
		for (const input of bad) {
			const error = await rejected(registerForSession(visitor(), { sessionId, input }));
			expect(error.code).toBe('validation_failed');
			expect(error.details.length).toBeGreaterThan(0);
			for (const detail of error.details) expect(detail.message).toMatch(/[äöüÄÖÜß]|Bitte|Hier|Höchstens|Ungültig|Das Feld/);
		}
		const noConsent = await rejected(registerForSession(visitor(), { sessionId, input: person('c1'), consent: false }));
		expect(noConsent.details[0].path).toBe('consent');
		expect(await count()).toBe(0);
		// Script tags are kept as text, never interpreted.
		await registerForSession(visitor(), { sessionId, input: { ...person('c2'), name: '<script>alert(1)</script>' } });
		const [row] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId));
		expect(row.name).toBe('<script>alert(1)</script>');
	});

	it('refuses a second registration with the same address and re-sends the link', async () => {
		const sessionId = await publishedSession(3);
		await registerForSession(visitor(), { sessionId, input: person('d1') });
		const error = await rejected(registerForSession(visitor(), { sessionId, input: { ...person('d1'), email: 'PersonD1@Example.org' } }));
		expect(error.code).toBe('conflict');
		expect(await mailsTo('persond1@example.org')).toHaveLength(2);
	});

	it('answers 404 for drafts and unknown sessions, 409 for closed, cancelled or past sessions', async () => {
		const { id: draft } = await saveModule(altenburg, { title: 'Entwurf', format: 'talk' });
		const draftSession = await createSession(altenburg, draft, { start: inDays(5).toISOString(), end: inDays(5, 12).toISOString(), location: 'Ort', capacity: 5 });
		expect((await rejected(registerForSession(visitor(), { sessionId: draftSession.id, input: person('e1') }))).code).toBe('not_found');
		expect((await rejected(registerForSession(visitor(), { sessionId: 'kein-termin', input: person('e1') }))).code).toBe('not_found');

		const closed = await publishedSession(5);
		await setSessionStatus(organiser(altenburg), closed, 'closed');
		expect((await rejected(registerForSession(visitor(), { sessionId: closed, input: person('e2') }))).code).toBe('conflict');

		const past = await publishedSession(5, 3);
		const late = inDays(4);
		expect((await rejected(registerForSession(visitor(late), { sessionId: past, input: person('e3') }))).message).toMatch(/begonnen/);
	});
});

describe('capacity under concurrency', () => {
	it('gives the last seat to exactly one of many people registering at the same moment', async () => {
		const sessionId = await publishedSession(3);
		await registerForSession(visitor(), { sessionId, input: person('f0') });
		await registerForSession(visitor(), { sessionId, input: person('f00') });
		const receipts = await Promise.all(Array.from({ length: 15 }, (_, i) => registerForSession(visitor(), { sessionId, input: person(`f${i + 1}`) })));
		expect(receipts.filter((r) => r.status === 'pending_confirmation')).toHaveLength(1);
		const waitlisted = receipts.filter((r) => r.status === 'waitlisted');
		expect(waitlisted).toHaveLength(14);
		expect(waitlisted.map((r) => r.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
		const rows = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId));
		expect(rows.filter((r) => ['pending_confirmation', 'confirmed', 'offered'].includes(r.status))).toHaveLength(3);
	});

	it('never overbooks when cancellations, confirmations and registrations race', async () => {
		const sessionId = await publishedSession(2);
		for (const n of [1, 2, 3, 4]) await registerForSession(visitor(), { sessionId, input: person(`g${n}`) });
		const tokens = await Promise.all([1, 2, 3, 4].map((n) => linkFor(`persong${n}@example.org`)));
		await Promise.all([
			cancelRegistration(at(), tokens[0]),
			confirmRegistration(at(), tokens[1]),
			confirmRegistration(at(), tokens[2]),
			...[5, 6, 7].map((n) => registerForSession(visitor(), { sessionId, input: person(`g${n}`) }))
		]);
		const rows = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId));
		expect(rows.filter((r) => ['pending_confirmation', 'confirmed', 'offered'].includes(r.status)).length).toBeLessThanOrEqual(2);
	});
});

describe('waiting list', () => {
	it('promotes the next person when someone cancels, and passes an expired offer on', async () => {
		const sessionId = await publishedSession(1);
		await registerForSession(visitor(), { sessionId, input: person('h1') });
		await confirmRegistration(at(), await linkFor('personh1@example.org'));
		for (const n of [2, 3]) {
			await registerForSession(visitor(), { sessionId, input: person(`h${n}`) });
			await confirmRegistration(at(), await linkFor(`personh${n}@example.org`));
		}
		await cancelRegistration(at(), await linkFor('personh1@example.org'));
		const offered = await viewRegistration(at(), await linkFor('personh2@example.org'));
		expect(offered.registration.status).toBe('offered');
		expect((await viewRegistration(at(), await linkFor('personh3@example.org'))).position).toBe(1);

		// h2 lets the 48-hour window pass: the seat goes to h3.
		const later = new Date(Date.now() + 49 * HOUR);
		expect((await viewRegistration(at(later), await linkFor('personh3@example.org'))).registration.status).toBe('offered');
		expect((await mailsTo('personh2@example.org')).map((m) => m.subject)).toContain(`Platzangebot abgelaufen: ${offered.lock.module.title}`);
		const accepted = await confirmRegistration(at(later), await linkFor('personh3@example.org'));
		expect(accepted.registration.status).toBe('confirmed');
		expect((await rejected(confirmRegistration(at(later), await linkFor('personh2@example.org')))).code).toBe('gone');
	});

	it('offers seats when the organiser raises the capacity', async () => {
		const sessionId = await publishedSession(1);
		for (const n of [1, 2]) await registerForSession(visitor(), { sessionId, input: person(`i${n}`) });
		await updateSession(organiser(altenburg), sessionId, { start: inDays(20).toISOString(), end: inDays(20, 15).toISOString(), location: 'Rathaus', capacity: 2 });
		expect((await viewRegistration(at(), await linkFor('personi2@example.org'))).registration.status).toBe('offered');
		const error = await rejected(updateSession(organiser(altenburg), sessionId, { start: inDays(20).toISOString(), end: inDays(20, 15).toISOString(), location: 'Rathaus', capacity: 1 }));
		expect(error.code).toBe('conflict');
	});
});

describe('organisers', () => {
	it('register people directly, move them to another session, cancel and erase on request', async () => {
		const first = await publishedSession(1);
		const second = await publishedSession(2);
		const direct = await registerPerson(organiser(altenburg), first, person('j1'));
		expect(direct.status).toBe('confirmed');
		const full = await registerPerson(organiser(altenburg), first, person('j2'));
		expect(full).toMatchObject({ status: 'waitlisted', position: 1 });

		await moveRegistration(organiser(altenburg), direct.id, second);
		expect((await sessionRegistrations(altenburg, second)).map((r) => [r.email, r.status])).toEqual([['personj1@example.org', 'confirmed']]);
		// The seat freed in the first session is offered to j2.
		expect((await sessionRegistrations(altenburg, first)).find((r) => r.email === 'personj2@example.org')!.status).toBe('offered');

		await cancelByOrganiser(organiser(altenburg), full.id);
		expect((await mailsTo('personj2@example.org')).some((m) => m.subject.startsWith('Abmeldung:') && m.body.includes('vom Veranstalter storniert'))).toBe(true);

		await eraseRegistration(organiser(altenburg), direct.id);
		const [erased] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, direct.id));
		expect(erased).toMatchObject({ name: '', email: '', organisation: '', status: 'cancelled' });
		expect(await t.db.select().from(catalogueRegistrationLinks).where(eq(catalogueRegistrationLinks.registrationId, direct.id))).toHaveLength(0);
	});

	it('show facilitators who comes, but no e-mail address', async () => {
		const sessionId = await publishedSession(2);
		await registerPerson(organiser(altenburg), sessionId, { ...person('m1'), accessibilityNeeds: 'Rollstuhl' });
		const facilitator = await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate');
		const [entry] = await sessionRegistrations(facilitator, sessionId);
		expect(entry).toMatchObject({ name: 'Person m1', organisation: 'Stadt', groupKey: 'verwaltung', accessibilityNeeds: 'Rollstuhl', status: 'confirmed' });
		expect(entry).not.toHaveProperty('email');
		expect((await sessionRegistrations(altenburg, sessionId))[0].email).toBe('personm1@example.org');
	});

	it('cannot see or change another organisation’s sessions and registrations', async () => {
		const sessionId = await publishedSession(2);
		const receipt = await registerPerson(organiser(altenburg), sessionId, person('k1'));
		expect((await rejected(registerPerson(organiser(gera), sessionId, person('k2')))).code).toBe('not_found');
		expect((await rejected(cancelByOrganiser(organiser(gera), receipt.id))).code).toBe('not_found');
		expect((await rejected(eraseRegistration(organiser(gera), receipt.id))).code).toBe('not_found');
		expect((await rejected(setSessionStatus(organiser(gera), sessionId, 'closed'))).code).toBe('not_found');
		expect(await sessionRegistrations(gera, sessionId)).toEqual([]);
		const geraSession = await publishedSession(2, 20, gera);
		expect((await rejected(moveRegistration(organiser(altenburg), receipt.id, geraSession))).code).toBe('not_found');
		const rows = await t.db.select().from(catalogueRegistrations).where(and(eq(catalogueRegistrations.sessionId, geraSession)));
		expect(rows).toHaveLength(0);
	});

	it('tells everyone when a session is cancelled', async () => {
		const sessionId = await publishedSession(1);
		await registerPerson(organiser(altenburg), sessionId, person('l1'));
		await registerForSession(visitor(), { sessionId, input: person('l2') });
		await setSessionStatus(organiser(altenburg), sessionId, 'cancelled');
		for (const email of ['personl1@example.org', 'personl2@example.org']) expect((await mailsTo(email)).some((m) => m.subject.startsWith('Termin fällt aus'))).toBe(true);
		expect((await rejected(setSessionStatus(organiser(altenburg), sessionId, 'open'))).code).toBe('conflict');
	});
});

describe('limits and the API', () => {
	it('refuse public registrations beyond the hourly limit of one address, with the message of the form or the API', async () => {
		const sessionId = await publishedSession(5);
		const crowded = { ...at(), clientAddress: '198.51.100.7' };
		for (let i = 0; i < REGISTRATION_LIMIT; i++) await hitRateLimit(t.db, `catalogue-register:${crowded.clientAddress}`, REGISTRATION_LIMIT, 3600);
		const page = await rejected(registerForSession(crowded, { sessionId, input: person('n1'), source: 'public' }));
		expect(page).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Von Ihrem Netzwerk') });
		expect(page.retryAfterSeconds).toBeGreaterThan(0);
		const api = await rejected(registerThroughApi({ ...crowded, actor: null }, sessionId, person('n1')));
		expect(api).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('von dieser Adresse') });
		// The organisation's own organisers register at once, without the limit.
		expect((await registerThroughApi({ ...crowded, actor: altenburg.actor }, sessionId, person('n2'))).status).toBe('confirmed');
		expect((await rejected(registerThroughApi({ ...crowded, actor: gera.actor }, sessionId, person('n3')))).code).toBe('rate_limited');
		expect(await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId))).toHaveLength(1);
	});
});
