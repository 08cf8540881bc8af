import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { createDatabase } from '../db/client';
import { AppError } from '../errors';
import { createUserInOrganisation } from './create-user';
import { login, LOGIN_LIMITS, waitInGerman } from './login';

let t: TestDatabase;
const PASSWORD = 'richtig-geheim-42';
const WRONG = 'falsch-falsch';

beforeAll(async () => {
	t = await createTestDatabase();
});

async function attempt(promise: Promise<unknown>): Promise<'ok' | AppError> {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
}

let people = 0;
async function person(): Promise<string> {
	const email = `person${++people}@altenburg.de`;
	await createUserInOrganisation(t.db, { email, name: `Person ${people}`, password: PASSWORD, orgName: 'Stadt Altenburg', role: 'viewer' });
	return email;
}

/** A clock the test moves; the rate limits read it instead of the database's. */
function clock() {
	let now = new Date();
	return {
		get now() {
			return now;
		},
		advance(seconds: number) {
			now = new Date(now.getTime() + seconds * 1000);
		}
	};
}

describe('login rate limits that protect instead of lock out', () => {
	it('an attacker failing many times from one address does not keep the owner out at another address; the attacker is told to wait', async () => {
		const email = await person();
		const time = clock();
		const attacker = '203.0.113.66';
		let failures = 0;
		let waits = 0;
		while (failures < 15) {
			const result = await attempt(login(t.db, { email, password: WRONG, ip: attacker, now: time.now }));
			expect(result).toBeInstanceOf(AppError);
			const error = result as AppError;
			if (error.code === 'unauthorized') failures += 1;
			else {
				expect(error.code).toBe('rate_limited');
				expect(error.message).toMatch(/Bitte warten Sie \d+ (Sekunden?|Minuten?)/);
				waits += 1;
				time.advance(error.retryAfterSeconds!);
			}
		}
		expect(waits).toBeGreaterThan(5);

		// The owner, at the office: at most a minute's wait (the account is slowed, not locked), then in.
		const owner = '198.51.100.20';
		const first = await attempt(login(t.db, { email, password: PASSWORD, ip: owner, now: time.now }));
		if (first !== 'ok') {
			expect(first.code).toBe('rate_limited');
			expect(first.message).toMatch(/verlangsamt\. Bitte warten Sie \d+ Sekunden?/);
			expect(first.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_LIMITS.perAccount.maxDelaySeconds);
			time.advance(first.retryAfterSeconds!);
			expect(await attempt(login(t.db, { email, password: PASSWORD, ip: owner, now: time.now }))).toBe('ok');
		}

		// The attacker's own address stays held back, for minutes, even with the right password.
		const refused = await attempt(login(t.db, { email, password: PASSWORD, ip: attacker, now: time.now }));
		expect(refused).toBeInstanceOf(AppError);
		expect((refused as AppError).code).toBe('rate_limited');
		expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(60);
		expect((refused as AppError).message).toMatch(/Bitte warten Sie \d+ Minuten/);
	});

	it('the owner mistyping at their own address waits seconds, doubling, and is then let in', async () => {
		const email = await person();
		const time = clock();
		const ip = '192.0.2.10';
		for (let i = 0; i < LOGIN_LIMITS.perAccountAndAddress.free; i++) {
			expect((await attempt(login(t.db, { email, password: WRONG, ip, now: time.now }))) as AppError).toHaveProperty('code', 'unauthorized');
		}
		const slowed = (await attempt(login(t.db, { email, password: PASSWORD, ip, now: time.now }))) as AppError;
		expect(slowed.code).toBe('rate_limited');
		expect(slowed.retryAfterSeconds).toBe(5);
		expect(slowed.message).toContain('Bitte warten Sie 5 Sekunden');
		time.advance(5);
		expect(await attempt(login(t.db, { email, password: PASSWORD, ip, now: time.now }))).toBe('ok');
		// …and a success starts that address afresh.
		for (let i = 0; i < LOGIN_LIMITS.perAccountAndAddress.free; i++) {
			expect((await attempt(login(t.db, { email, password: WRONG, ip, now: time.now }))) as AppError).toHaveProperty('code', 'unauthorized');
		}
	});

	it('parallel attempts from one address cannot slip several guesses through one check', async () => {
		const email = await person();
		const now = new Date();
		const results = await Promise.all(Array.from({ length: 10 }, () => attempt(login(t.db, { email, password: WRONG, ip: '192.0.2.77', now }))));
		const codes = results.map((result) => (result === 'ok' ? 'ok' : result.code));
		expect(codes.filter((code) => code === 'unauthorized')).toHaveLength(LOGIN_LIMITS.perAccountAndAddress.free);
		expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(10 - LOGIN_LIMITS.perAccountAndAddress.free);
	});

	it('another spelling of the e-mail address counts against the same account', async () => {
		const email = await person();
		const now = new Date();
		const spellings = [email, email.toUpperCase(), ` ${email}`];
		for (const spelling of spellings) {
			expect((await attempt(login(t.db, { email: spelling, password: WRONG, ip: '192.0.2.88', now }))) as AppError).toHaveProperty('code', 'unauthorized');
		}
		expect((await attempt(login(t.db, { email: email.toUpperCase(), password: WRONG, ip: '192.0.2.88', now }))) as AppError).toHaveProperty('code', 'rate_limited');
	});

	it('instances share the limits through PostgreSQL', async () => {
		const email = await person();
		const other = createDatabase(t.url, 2);
		try {
			const now = new Date();
			for (let i = 0; i < LOGIN_LIMITS.perAccountAndAddress.free; i++) {
				expect((await attempt(login(t.db, { email, password: WRONG, ip: '192.0.2.99', now }))) as AppError).toHaveProperty('code', 'unauthorized');
			}
			expect((await attempt(login(other, { email, password: PASSWORD, ip: '192.0.2.99', now }))) as AppError).toHaveProperty('code', 'rate_limited');
			expect(await attempt(login(other, { email, password: PASSWORD, ip: '192.0.2.100', now }))).toBe('ok');
		} finally {
			await other.$client.end();
		}
	});
});

describe('waitInGerman', () => {
	it('says seconds below a minute and whole minutes, rounded up, above', () => {
		expect(waitInGerman(1)).toBe('1 Sekunde');
		expect(waitInGerman(45)).toBe('45 Sekunden');
		expect(waitInGerman(60)).toBe('1 Minute');
		expect(waitInGerman(61)).toBe('2 Minuten');
		expect(waitInGerman(900)).toBe('15 Minuten');
	});
});
