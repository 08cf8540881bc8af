import { randomBytes, scryptSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { createUserInOrganisation } from '../accounts/create-user';
import { login } from '../accounts/login';
import { users } from '../db/schema';
import { hashPassword, needsRehash, PASSWORD_COST, setPasswordCostForTests, unusablePasswordHash, verifyPassword } from './secrets';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
	// This file checks the real cost; the other integration tests run with a lower one.
	setPasswordCostForTests(PASSWORD_COST);
});

afterAll(() => setPasswordCostForTests({ N: 2 ** 12, r: 8, p: 1 }));

/** A hash as Stadtwissen wrote them before the cost was raised (N = 2¹⁵), made with node:crypto directly. */
function oldHash(password: string): string {
	const salt = randomBytes(16);
	const key = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
	return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('password hashing cost', () => {
	it('hashes with scrypt N = 2¹⁷, r = 8, p = 1 (OWASP), and verifies what it wrote', { timeout: 60_000 }, async () => {
		const hash = await hashPassword('richtig-geheim-42');
		expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
		expect(await verifyPassword('richtig-geheim-42', hash)).toBe(true);
		expect(await verifyPassword('falsch', hash)).toBe(false);
		expect(needsRehash(hash)).toBe(false);
		expect(unusablePasswordHash()).toMatch(/^scrypt\$131072\$8\$1\$/);
	});

	it('replaces an old-cost hash at the next successful login, and keeps it after a failed one', { timeout: 90_000 }, async () => {
		const { userId } = await createUserInOrganisation(t.db, { email: 'alt@altenburg.de', name: 'Alt', password: 'egal-egal-123', orgName: 'Stadt Altenburg', role: 'viewer' });
		const old = oldHash('altes-passwort-7');
		await t.db.update(users).set({ passwordHash: old }).where(eq(users.id, userId));
		expect(needsRehash(old)).toBe(true);

		await expect(login(t.db, { email: 'alt@altenburg.de', password: 'falsch-falsch', ip: '192.0.2.1' })).rejects.toThrow(/stimmen nicht/);
		expect((await t.db.select().from(users).where(eq(users.id, userId)))[0].passwordHash).toBe(old);

		await login(t.db, { email: 'alt@altenburg.de', password: 'altes-passwort-7', ip: '192.0.2.1' });
		const [{ passwordHash }] = await t.db.select().from(users).where(eq(users.id, userId));
		expect(passwordHash).not.toBe(old);
		expect(passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
		expect(needsRehash(passwordHash)).toBe(false);
		expect((await login(t.db, { email: 'alt@altenburg.de', password: 'altes-passwort-7', ip: '192.0.2.1' })).userId).toBe(userId);
	});

	it('treats a damaged hash as no password, without asking scrypt for gigabytes', async () => {
		expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
		expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
	});

	it('lets only a test run lower the cost', () => {
		const vitest = process.env.VITEST;
		delete process.env.VITEST;
		try {
			expect(() => setPasswordCostForTests({ N: 2, r: 1, p: 1 })).toThrow(/tests only/);
		} finally {
			process.env.VITEST = vitest;
		}
	});
});
