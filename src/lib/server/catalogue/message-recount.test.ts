/**
 * A message to a session's registrants goes only to as many people as the organiser confirmed:
 * when the count no longer holds (the waiting-list box changed after counting, someone registered
 * meanwhile), nothing is sent and the new count is asked for again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../../../tests/helpers/days';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { organiserAt, tenantAs } from '../../../../tests/helpers/actors';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { registrantMessageForm } from '../../schemas/catalogue';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { createSession } from './create-session';
import { messageRegistrants } from './message-registrants';
import { registerPerson } from './register-person';
import { saveModule } from './save-module';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let sessionId: string;

const message = (fields: Record<string, string>) => registrantMessageForm.parse({ subject: 'Neuer Raum', text: 'Raum 2.04.', confirm: 'yes', ...fields });
const person = (n: string) => ({ name: `Person ${n}`, email: `${n}@example.org`, organisation: '', group: 'verwaltung' });

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Weimar', 'organiser');
	const { id } = await saveModule(organiser, { title: 'Offene Daten', format: 'workshop', status: 'published', description: 'Text' });
	sessionId = (await createSession(organiser, id, { start: inDays(15).toISOString(), end: inDays(15, 15).toISOString(), location: 'Rathaus', capacity: 1 })).id;
	await registerPerson(organiserAt(organiser), sessionId, person('eins'));
	await registerPerson(organiserAt(organiser), sessionId, person('warte'));
});

describe('sending a message to the confirmed number of recipients', () => {
	it('asks again and sends nothing when the waiting-list box changed after counting', async () => {
		const before = smtp.received.length;
		// Counted without the waiting list (1), then the box was ticked (2 now).
		expect(await messageRegistrants(organiserAt(organiser), sessionId, message({ recipients: '1', includeWaitlist: 'yes' }))).toEqual({ step: 'confirm', recipients: 2, waitlisted: 1, changed: true });
		// Counted with the waiting list (2), then the box was cleared (1 now).
		expect(await messageRegistrants(organiserAt(organiser), sessionId, message({ recipients: '2' }))).toEqual({ step: 'confirm', recipients: 1, waitlisted: 0, changed: true });
		expect(smtp.received.length).toBe(before);
	});

	it('sends when the confirmed number holds', async () => {
		const before = smtp.received.length;
		expect(await messageRegistrants(organiserAt(organiser), sessionId, message({ recipients: '2', includeWaitlist: 'yes' }))).toEqual({ step: 'sent', recipients: 2 });
		expect(smtp.received.slice(before).map((m) => m.to).sort()).toEqual(['eins@example.org', 'warte@example.org']);
	});

	it('takes a count that is not a number as none given', () => {
		expect(message({ recipients: 'zwölf' }).recipients).toBeUndefined();
		expect(message({ recipients: '-1' }).recipients).toBeUndefined();
		expect(message({ recipients: '3' }).recipients).toBe(3);
	});
});
