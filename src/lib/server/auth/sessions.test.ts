import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { createUserInOrganisation } from '../accounts/create-user';
import { sessions } from '../db/schema';
import { actorForSession } from './actor-for-session';
import { createSession } from './create-session';
import { SESSION_DAYS, SESSION_IDLE_MINUTES } from './session-lifetime';
import { hashToken } from './secrets';

let t: TestDatabase;
let userId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	({ userId } = await createUserInOrganisation(t.db, { email: 'sitzung@altenburg.de', name: 'Sitzung', password: 'egal-egal-123', orgName: 'Stadt Altenburg', role: 'viewer' }));
});

/** As if the session had been created, and last used, `minutes` ago. */
async function age(token: string, minutes: number): Promise<void> {
	await t.db
		.update(sessions)
		.set({ createdAt: sql`${sessions.createdAt} - make_interval(mins => ${minutes})`, expiresAt: sql`${sessions.expiresAt} - make_interval(mins => ${minutes})` })
		.where(eq(sessions.tokenHash, hashToken(token)));
}

async function row(token: string) {
	const [found] = await t.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token)));
	return found;
}

const minutesFromNow = (date: Date) => (date.getTime() - Date.now()) / 60_000;

describe('sessions end after two idle hours, and after 14 days in any case', () => {
	it('a session unused for more than two hours no longer signs anybody in', async () => {
		const { token } = await createSession(t.db, userId);
		expect(await actorForSession(t.db, token)).not.toBeNull();
		await age(token, SESSION_IDLE_MINUTES + 1);
		expect(await actorForSession(t.db, token)).toBeNull();
	});

	it('each use moves the idle deadline to two hours from now, writing at most every few minutes', async () => {
		const { token, expiresAt } = await createSession(t.db, userId);
		// The cookie lives as long as the session may at most.
		expect(minutesFromNow(expiresAt)).toBeGreaterThan(SESSION_DAYS * 24 * 60 - 2);
		await age(token, 90);
		expect(minutesFromNow((await row(token)).expiresAt)).toBeLessThan(31);
		expect(await actorForSession(t.db, token)).not.toBeNull();
		const slid = (await row(token)).expiresAt;
		expect(minutesFromNow(slid)).toBeGreaterThan(SESSION_IDLE_MINUTES - 1);
		expect(minutesFromNow(slid)).toBeLessThanOrEqual(SESSION_IDLE_MINUTES + 1);
		// Used again right away: nothing to write.
		await actorForSession(t.db, token);
		expect((await row(token)).expiresAt.getTime()).toBe(slid.getTime());
	});

	it('sliding never passes the absolute end, 14 days after sign-in', async () => {
		const { token } = await createSession(t.db, userId);
		await age(token, SESSION_DAYS * 24 * 60 - 30);
		await t.db.update(sessions).set({ expiresAt: sql`now() + interval '10 minutes'` }).where(eq(sessions.tokenHash, hashToken(token)));
		expect(await actorForSession(t.db, token)).not.toBeNull();
		const end = minutesFromNow((await row(token)).expiresAt);
		expect(end).toBeGreaterThan(28);
		expect(end).toBeLessThan(31);
		await age(token, 31);
		expect(await actorForSession(t.db, token)).toBeNull();
	});

	it('a session from before the idle timeout (expiring in 14 days) is brought down to two hours at its next use', async () => {
		const { token } = await createSession(t.db, userId);
		await t.db.update(sessions).set({ expiresAt: sql`now() + interval '13 days'` }).where(eq(sessions.tokenHash, hashToken(token)));
		expect(await actorForSession(t.db, token)).not.toBeNull();
		expect(minutesFromNow((await row(token)).expiresAt)).toBeLessThanOrEqual(SESSION_IDLE_MINUTES + 1);
	});
});
