import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPerson } from '../src/lib/server/catalogue/register-person';
import { createSession } from '../src/lib/server/catalogue/create-session';
import { saveModule } from '../src/lib/server/catalogue/save-module';
import { closeDatabase } from '../src/lib/server/db/client';
import { catalogueRegistrations, catalogueSessions } from '../src/lib/server/db/schema';
import { organiserAt, tenantAs } from './helpers/actors';
import { runCli } from './helpers/cli';
import { createTestDatabase, type TestDatabase } from './helpers/database';

let t: TestDatabase;
const previousUrl = process.env.DATABASE_URL;
const previousMigrationUrl = process.env.DATABASE_MIGRATION_URL;

beforeAll(async () => {
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	process.env.DATABASE_MIGRATION_URL = t.ownerUrl;
});

afterAll(async () => {
	await closeDatabase();
	process.env.DATABASE_URL = previousUrl;
	if (previousMigrationUrl === undefined) delete process.env.DATABASE_MIGRATION_URL;
	else process.env.DATABASE_MIGRATION_URL = previousMigrationUrl;
});

const cli = runCli;

async function registrationOfEndedSession(orgName: string, monthsAgo: number) {
	const org = await tenantAs(t.db, orgName, 'organiser');
	const { id: moduleId } = await saveModule(org, { title: 'Rückblick', format: 'talk', status: 'published' });
	const session = await createSession(org, moduleId, { start: '2099-01-10T09:00:00+01:00', end: '2099-01-10T12:00:00+01:00', location: 'Rathaus', capacity: 5 });
	const registration = await registerPerson(organiserAt(org), session.id, { name: 'Ruth Vergangen', email: `ruth@${orgName.toLowerCase().replace(/\W/g, '')}.example`, group: 'verwaltung' });
	const ended = new Date();
	ended.setMonth(ended.getMonth() - monthsAgo);
	await t.db.update(catalogueSessions).set({ startsAt: new Date(ended.getTime() - 3 * 3600_000), endsAt: ended }).where(eq(catalogueSessions.id, session.id));
	return { org, registrationId: registration.id };
}

const nameOf = async (id: string) => (await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, id)))[0].name;

describe('npx stadtwissen catalogue retention', () => {
	it('anonymises registrations whose session ended longer ago than the retention period, and only those', async () => {
		const old = await registrationOfEndedSession('Gemeinde Altdorf', 13);
		const recent = await registrationOfEndedSession('Gemeinde Neudorf', 2);

		const first = await cli('catalogue', 'retention');
		expect(first.code).toBe(0);
		expect(first.out).toContain('1 Anmeldung(en) aus 1 Termin(en) anonymisiert.');
		expect(await nameOf(old.registrationId)).toBe('');
		expect(await nameOf(recent.registrationId)).toBe('Ruth Vergangen');

		const again = await cli('catalogue', 'retention');
		expect(again.out).toContain('nichts geändert');
	});

	it('limits itself to one organisation with --org, and names an unknown one', async () => {
		const other = await registrationOfEndedSession('Gemeinde Fremdfeld', 14);
		const mine = await registrationOfEndedSession('Gemeinde Eigenheim', 14);
		expect((await cli('catalogue', 'retention', '--org', mine.org.org.orgSlug)).code).toBe(0);
		expect(await nameOf(mine.registrationId)).toBe('');
		expect(await nameOf(other.registrationId)).toBe('Ruth Vergangen');

		const unknown = await cli('catalogue', 'retention', '--org', 'gibt-es-nicht');
		expect(unknown.code).toBe(1);
		expect(unknown.err).toContain('Es gibt keine Organisation mit dem Kurznamen „gibt-es-nicht“.');
	});
});
