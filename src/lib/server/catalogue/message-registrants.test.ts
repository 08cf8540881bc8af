import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../../../tests/helpers/days';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { organiserAt, tenantAs } from '../../../../tests/helpers/actors';
import { rejected } from '../../../../tests/helpers/errors';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { registrantMessageForm } from '../../schemas/catalogue';
import { auditLog } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { cancelByOrganiser } from './cancel-by-organiser';
import { createSession } from './create-session';
import { eraseRegistration } from './erase-registration';
import { messageRegistrants } from './message-registrants';
import { registerPerson } from './register-person';
import { saveModule } from './save-module';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let gera: TenantContext;
let sessionId: string;

const message = (fields: Record<string, string>) => registrantMessageForm.parse({ subject: 'Neuer Raum', text: 'Wir treffen uns in Raum 2.04.', ...fields });

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Erfurt', 'organiser');
	gera = await tenantAs(t.db, 'Stadt Gera', 'organiser');
	const { id } = await saveModule(organiser, { title: 'Offene Daten', format: 'workshop', status: 'published', description: 'Text' });
	sessionId = (await createSession(organiser, id, { start: inDays(15).toISOString(), end: inDays(15, 15).toISOString(), location: 'Rathaus', capacity: 2 })).id;
	const ctx = organiserAt(organiser);
	const person = (n: string) => ({ name: `Person ${n}`, email: `${n}@example.org`, organisation: '', group: 'verwaltung' });
	await registerPerson(ctx, sessionId, person('eins'));
	const zwei = await registerPerson(ctx, sessionId, person('zwei'));
	await registerPerson(ctx, sessionId, person('warte'));
	await registerPerson(ctx, sessionId, person('weg'));
	await cancelByOrganiser(ctx, zwei.id);
	// 'warte' is offered the freed seat (not yet confirmed), 'weg' waits. An erased registration gets nothing.
	const gone = await registerPerson(ctx, sessionId, person('geloescht'));
	await eraseRegistration(ctx, gone.id);
});

describe('a message to all registrants of a session', () => {
	it('first only counts the recipients; with confirm it mails each confirmed person once, with the organisation’s legal links, and records it', async () => {
		const before = smtp.received.length;
		const preview = await messageRegistrants(organiserAt(organiser), sessionId, message({}));
		expect(preview).toEqual({ step: 'confirm', recipients: 1, waitlisted: 0 });
		expect(smtp.received.length).toBe(before);

		const sent = await messageRegistrants(organiserAt(organiser), sessionId, message({ confirm: 'yes' }));
		expect(sent).toEqual({ step: 'sent', recipients: 1 });
		const mails = smtp.received.slice(before);
		expect(mails.map((m) => m.to)).toEqual(['eins@example.org']);
		expect(mails[0].subject).toBe('Neuer Raum – Offene Daten');
		expect(mails[0].text).toContain('Wir treffen uns in Raum 2.04.');
		expect(mails[0].text).toContain('/o/stadt-erfurt/impressum');
		expect(mails[0].text).toContain('/o/stadt-erfurt/datenschutz');
		const audit = await t.db.select().from(auditLog).where(eq(auditLog.event, 'registrants_messaged'));
		expect(audit).toHaveLength(1);
		expect(audit[0].detail).toEqual({ sessionId, recipients: 1, waitlist: false });
		expect(JSON.stringify(audit[0].detail)).not.toContain('Raum 2.04');
	});

	it('reaches the waiting list only when asked', async () => {
		const before = smtp.received.length;
		expect(await messageRegistrants(organiserAt(organiser), sessionId, message({ includeWaitlist: 'yes' }))).toEqual({ step: 'confirm', recipients: 3, waitlisted: 2 });
		await messageRegistrants(organiserAt(organiser), sessionId, message({ includeWaitlist: 'yes', confirm: 'yes' }));
		expect(smtp.received.slice(before).map((m) => m.to).sort()).toEqual(['eins@example.org', 'warte@example.org', 'weg@example.org']);
	});

	it('refuses an empty message in German and another organisation’s session', async () => {
		expect(registrantMessageForm.safeParse({ subject: ' ', text: '' }).error?.issues.map((i) => i.message)).toEqual(['Bitte geben Sie einen Betreff ein.', 'Bitte schreiben Sie einen Text.']);
		expect(await rejected(messageRegistrants(organiserAt(gera), sessionId, message({ confirm: 'yes' })))).toMatchObject({ code: 'not_found' });
	});
});
