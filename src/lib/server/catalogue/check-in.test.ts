import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { organiserAt, tenantAs, TEST_BASE_URL, visitorAt } from '../../../../tests/helpers/actors';
import { rejected } from '../../../../tests/helpers/errors';
import { linkIn, startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { catalogueRegistrations } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { checkInRegistration } from './check-in-registration';
import { createSession } from './create-session';
import { getRegistrationPage } from './get-registration-page';
import { registerPerson } from './register-person';
import { saveModule } from './save-module';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let facilitator: TenantContext;
let gera: TenantContext;
let sessionId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Weimar', 'organiser');
	facilitator = await tenantAs(t.db, 'Stadt Weimar', 'facilitator', 'sessions.facilitate');
	gera = await tenantAs(t.db, 'Stadt Gera', 'organiser');
	const { id } = await saveModule(organiser, { title: 'Beteiligung digital', format: 'workshop', status: 'published', description: 'Text' });
	const start = new Date(Date.now() + 5 * 86_400_000);
	sessionId = (await createSession(organiser, id, { start: start.toISOString(), end: new Date(start.getTime() + 6 * 3600_000).toISOString(), location: 'Rathaus', capacity: 1 })).id;
});

const attended = async (id: string) => (await t.db.select({ attended: catalogueRegistrations.attended }).from(catalogueRegistrations).where(eq(catalogueRegistrations.id, id)))[0].attended;

describe('check-in with the QR code of the confirmation', () => {
	it('shows a confirmed registrant a QR code of the check-in link, which a facilitator of the organisation opens to mark them present', async () => {
		const seat = await registerPerson(organiserAt(organiser), sessionId, { name: 'Ida Einlass', email: 'ida@example.org', group: 'verwaltung' });
		const mail = smtp.to('ida@example.org').at(-1)!;
		expect(mail.text).toContain('QR-Code');
		const token = linkIn(mail.text, '/katalog/anmeldung/');
		const page = await getRegistrationPage(visitorAt(t.db), token);
		expect(page.checkIn?.url).toBe(`${TEST_BASE_URL}/app/katalog/einlass/${seat.id}`);
		expect(page.checkIn?.qr.d.length).toBeGreaterThan(100);

		expect(await attended(seat.id)).toBe(false);
		expect(await checkInRegistration(facilitator, seat.id)).toEqual({ done: 'checkedIn', name: 'Ida Einlass' });
		expect(await attended(seat.id)).toBe(true);
		// Twice is harmless.
		expect((await checkInRegistration(organiser, seat.id)).done).toBe('checkedIn');
	});

	it('refuses another organisation and a person without a confirmed seat, changing nothing', async () => {
		const waiting = await registerPerson(organiserAt(organiser), sessionId, { name: 'Wanda Warte', email: 'wanda@example.org', group: 'verwaltung' });
		expect(waiting.status).toBe('waitlisted');
		const token = linkIn(smtp.to('wanda@example.org').at(-1)!.text, '/katalog/anmeldung/');
		expect((await getRegistrationPage(visitorAt(t.db), token)).checkIn).toBeNull();
		expect((await rejected(checkInRegistration(facilitator, waiting.id))).message).toContain('keinen bestätigten Platz (Status: Warteliste)');
		expect(await rejected(checkInRegistration(gera, waiting.id))).toMatchObject({ code: 'not_found' });
		expect(await rejected(checkInRegistration(organiser, 'kein-code'))).toMatchObject({ code: 'not_found' });
		expect(await attended(waiting.id)).toBe(false);
	});
});
