import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rateLimits } from '../db/schema';
import { backoffDelaySeconds, purgeRateLimits, RATE_LIMIT_KEEP_SECONDS } from './rate-limit';

let t: TestDatabase;

beforeAll(async () => {
	t = await createTestDatabase();
});

describe('rate limit counters', () => {
	it('back off exponentially after the free attempts, up to the ceiling', () => {
		const policy = { free: 3, firstDelaySeconds: 5, maxDelaySeconds: 900, forgetAfterSeconds: 86_400 };
		expect([0, 2, 3, 4, 5, 10, 30].map((attempts) => backoffDelaySeconds(attempts, policy))).toEqual([0, 0, 5, 10, 20, 640, 900]);
	});

	it('are deleted once older than every window, so e-mail and IP addresses do not pile up', async () => {
		await t.db.insert(rateLimits).values([
			{ key: 'login:account-address:alt@example.org:192.0.2.1', windowStart: sql`now() - make_interval(secs => ${RATE_LIMIT_KEEP_SECONDS + 60})`, hits: 4 },
			{ key: 'login:account-address:neu@example.org:192.0.2.1', windowStart: sql`now() - interval '23 hours'`, hits: 4 }
		]);
		expect(await purgeRateLimits(t.db)).toBe(1);
		expect((await t.db.select().from(rateLimits)).map((row) => row.key)).toEqual(['login:account-address:neu@example.org:192.0.2.1']);
	});
});
