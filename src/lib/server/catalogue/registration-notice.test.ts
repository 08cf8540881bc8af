import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { tenantAs, visitorAt } from '../../../../tests/helpers/actors';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { createSession } from './create-session';
import { registerForSession } from './register-for-session';
import { saveModule } from './save-module';

let t: TestDatabase;
let smtp: TestSmtp;
let organiser: TenantContext;
let facilitator: TenantContext;

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Suhl', 'organiser');
	facilitator = await tenantAs(t.db, 'Stadt Suhl', 'facilitator', 'sessions.facilitate');
});

let n = 0;
async function sessionOf(notifyOnRegistration?: boolean): Promise<string> {
	const module = { title: `Modul ${++n}`, format: 'workshop', status: 'published', description: 'Text', ...(notifyOnRegistration === undefined ? {} : { notifyOnRegistration }) };
	const { id } = await saveModule(organiser, module);
	const start = new Date(Date.now() + 9 * 86_400_000);
	return (await createSession(organiser, id, { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString(), location: 'Rathaus', capacity: 5 })).id;
}
const register = (sessionId: string, who: string) =>
	registerForSession({ ...visitorAt(t.db), clientAddress: `203.0.113.${++n}` }, { sessionId, input: { name: who, email: `${who.toLowerCase()}@example.org`, group: 'verwaltung' }, consent: true });
const notices = () => smtp.received.filter((m) => m.subject.startsWith('Neue Anmeldung'));

describe('the organisers’ notice of a new registration', () => {
	it('is off by default', async () => {
		const before = notices().length;
		await register(await sessionOf(), 'Otto');
		expect(notices().length).toBe(before);
	});

	it('when the module asks for it, goes to the organisers (not facilitators) with name and status, not the address', async () => {
		const sessionId = await sessionOf(true);
		const before = notices().length;
		await register(sessionId, 'Paula');
		const sent = notices().slice(before);
		expect(sent.map((m) => m.to)).toEqual([organiser.actor.email.toLowerCase()]);
		expect(sent.map((m) => m.to)).not.toContain(facilitator.actor.email.toLowerCase());
		expect(sent[0].subject).toBe(`Neue Anmeldung: Modul ${n - 1}`);
		expect(sent[0].text).toContain('Paula hat sich für');
		expect(sent[0].text).toContain(`/app/katalog/termin/${sessionId}#anmeldungen`);
		expect(sent[0].text).not.toContain('paula@example.org');
	});
});
