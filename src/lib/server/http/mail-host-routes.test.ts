/*
 * Without ORIGIN, a request whose Host is not the listen address sends no mail — for every
 * action that may send one, refused before anything is written. Route handlers are called with
 * request events against a real database and a real SMTP server.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { systemContext } from '../context';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { routeEvent } from '../../../../tests/helpers/route-event';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { registerPerson } from '../catalogue/register-person';
import { createSession } from '../catalogue/create-session';
import { saveModule } from '../catalogue/save-module';
import { closeDatabase } from '../db/client';
import { catalogueRegistrations, catalogueSessions, outboxMails } from '../db/schema';
import { MAIL_HOST_REFUSED, withMailGate } from '../mail/mail-host';
import { sendMail } from '../mail/send-mail';
import type { TenantContext } from '../tenant';
import { actions as sessionActions } from '../../../routes/app/katalog/termin/[sessionId]/+page.server';
import { actions as attendanceActions } from '../../../routes/app/katalog/termin/[sessionId]/anwesenheit/+page.server';
import { actions as registrantActions } from '../../../routes/katalog/anmeldung/[token]/+page.server';
import { DELETE as cancelApi } from '../../../routes/api/v1/registrations/[cancelToken]/+server';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
const saved: Record<string, string | undefined> = {};
/** The listen address without ORIGIN (HOST 127.0.0.1, PORT 3000): the only Host that may send mail. */
const OWN = 'http://127.0.0.1:3000';
const FOREIGN = 'http://angreifer.example';

beforeAll(async () => {
	for (const key of ['DATABASE_URL', 'ORIGIN', 'STADTWISSEN_ORIGIN', 'HOST', 'PORT']) saved[key] = process.env[key];
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	process.env.DATABASE_URL = t.url;
	for (const key of ['ORIGIN', 'STADTWISSEN_ORIGIN', 'HOST', 'PORT']) delete process.env[key];
	organiser = await tenantAs(t.db, 'Stadt Zeitz', 'organiser');
});

afterAll(async () => {
	await closeDatabase();
	for (const [key, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
});

const event = routeEvent;

async function sessionWithRegistrant(email: string) {
	const { id } = await saveModule(organiser, { title: `Modul ${Math.random()}`, format: 'workshop', status: 'published', description: 'Text' });
	const start = new Date(Date.now() + 20 * 86_400_000);
	const session = await createSession(organiser, id, { start: start.toISOString(), end: new Date(start.getTime() + 6 * 3_600_000).toISOString(), location: 'Rathaus Zeitz', capacity: 5 });
	await registerPerson({ ...systemContext(t.db, OWN), ...organiser }, session.id, { name: 'Ina Beispiel', email, organisation: 'Stadt', group: 'verwaltung' });
	const link = smtp.to(email).at(-1)?.text.match(/\/katalog\/anmeldung\/(swr_[A-Za-z0-9_-]+)/)?.[1];
	if (!link) throw new Error('no registration link mailed');
	return { sessionId: session.id, token: link };
}

const refusal = (result: unknown) => result as { status: number; data: { message?: string } };

describe('actions that send mail, under a Host that is not the listen address', () => {
	it('an organiser cannot cancel a session (mails to everyone registered) — nothing changes, nobody is written to', async () => {
		const { sessionId } = await sessionWithRegistrant('ina@example.org');
		const before = smtp.to('ina@example.org').length;
		const form = { status: 'cancelled', confirm: 'yes' };
		const refused = refusal(await sessionActions.status(event(FOREIGN, { actor: organiser.actor, path: `/app/katalog/termin/${sessionId}?/status`, params: { sessionId }, form })));
		expect(refused.status).toBe(403);
		expect(refused.data.message).toBe(MAIL_HOST_REFUSED);
		const [session] = await t.db.select().from(catalogueSessions).where(eq(catalogueSessions.id, sessionId));
		expect(session.status).not.toBe('cancelled');
		expect(smtp.to('ina@example.org')).toHaveLength(before);

		// The same action under the listen address works and writes.
		await sessionActions.status(event(OWN, { actor: organiser.actor, path: `/app/katalog/termin/${sessionId}?/status`, params: { sessionId }, form }));
		expect((await t.db.select().from(catalogueSessions).where(eq(catalogueSessions.id, sessionId)))[0].status).toBe('cancelled');
		expect(smtp.to('ina@example.org').length).toBeGreaterThan(before);
	});

	it('an organiser cannot ask for feedback or cancel someone’s registration', async () => {
		const { sessionId } = await sessionWithRegistrant('jan@example.org');
		const before = smtp.to('jan@example.org').length;
		const feedback = refusal(await attendanceActions.feedback(event(FOREIGN, { actor: organiser.actor, path: `/app/katalog/termin/${sessionId}/anwesenheit?/feedback`, params: { sessionId } })));
		expect(feedback.status).toBe(403);
		const [registration] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId));
		const cancel = refusal(
			await sessionActions.cancelRegistration(event(FOREIGN, { actor: organiser.actor, path: `/app/katalog/termin/${sessionId}?/cancelRegistration`, params: { sessionId }, form: { registrationId: registration.id } }))
		);
		expect(cancel.status).toBe(403);
		expect((await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, registration.id)))[0].status).toBe(registration.status);
		expect(smtp.to('jan@example.org')).toHaveLength(before);
	});

	it('a registrant’s own link page and the API cannot cancel (which offers the seat to the waiting list by mail)', async () => {
		const { token } = await sessionWithRegistrant('kai@example.org');
		const [before] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.email, 'kai@example.org'));
		const page = refusal(await registrantActions.cancel(event(FOREIGN, { actor: null, path: `/katalog/anmeldung/${token}?/cancel`, params: { token } })));
		expect(page.status).toBe(403);
		expect(page.data.message).toBe(MAIL_HOST_REFUSED);
		const api = await cancelApi(event(FOREIGN, { actor: null, path: `/api/v1/registrations/${token}`, params: { cancelToken: token }, method: 'DELETE' }));
		expect(api.status).toBe(403);
		const [after] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.email, 'kai@example.org'));
		expect(after.status).toBe(before.status);

		const allowed = await cancelApi(event(OWN, { actor: null, path: `/api/v1/registrations/${token}`, params: { cancelToken: token }, method: 'DELETE' }));
		expect(allowed.status).toBe(200);
	});

	it('a mail from any other action in such a request is refused where every mail passes, before it is recorded', async () => {
		const refused = await rejected(withMailGate(false, () => sendMail(t.db, { orgId: organiser.org.orgId, carriesLink: false, to: 'lea@example.org', subject: 'Hinweis', body: 'Text' })));
		expect(refused.message).toBe(MAIL_HOST_REFUSED);
		expect(await t.db.select().from(outboxMails).where(eq(outboxMails.recipient, 'lea@example.org'))).toEqual([]);
		expect(smtp.to('lea@example.org')).toEqual([]);
		expect(await withMailGate(true, () => sendMail(t.db, { orgId: organiser.org.orgId, carriesLink: false, to: 'lea@example.org', subject: 'Hinweis', body: 'Text' }))).toBe('sent');
	});
});

describe('destructive steps need their confirmation', () => {
	it('keeps a registration without the registrant’s confirmation, and cancels with it', async () => {
		const { token } = await sessionWithRegistrant('lea@example.org');
		const at = { actor: null, path: `/katalog/anmeldung/${token}?/cancel`, params: { token } };
		const unconfirmed = refusal(await registrantActions.cancel(event(OWN, { ...at, form: {} })));
		expect(unconfirmed.status).toBe(422);
		const registration = async () => (await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.email, 'lea@example.org')))[0];
		expect((await registration()).status).toBe('confirmed');
		expect(await registrantActions.cancel(event(OWN, { ...at, form: { confirm: 'yes' } }))).toEqual({ done: 'cancelled' });
		expect((await registration()).status).toBe('cancelled');
	});

	it('erases a person’s data only when the organiser confirms', async () => {
		const { sessionId } = await sessionWithRegistrant('mo@example.org');
		const [registration] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.email, 'mo@example.org'));
		const at = { actor: organiser.actor, path: `/app/katalog/termin/${sessionId}?/erase`, params: { sessionId } };
		const unconfirmed = refusal(await sessionActions.erase(event(OWN, { ...at, form: { registrationId: registration.id } })));
		expect(unconfirmed.status).toBe(422);
		expect((unconfirmed.data as { errors?: Record<string, string> }).errors?.confirm).toBe('Bitte bestätigen Sie, dass die Daten endgültig gelöscht werden sollen.');
		expect((await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, registration.id)))[0].name).toBe('Ina Beispiel');
		await sessionActions.erase(event(OWN, { ...at, form: { registrationId: registration.id, confirm: 'yes' } }));
		expect((await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, registration.id)))[0].anonymisedAt).toBeInstanceOf(Date);
	});
});
