import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { recordAudit } from '../audit';
import { checkRateLimit, claimAttempt, clearRateLimit, hitRateLimit, releaseAttempt, type Backoff } from '../auth/rate-limit';
import { hashPassword, needsRehash, unusablePasswordHash, verifyPassword } from '../auth/secrets';
import { createSession } from '../auth/create-session';
import { requirePasswordLogin } from '../auth/oidc-settings';
import { AppError } from '../errors';

/**
 * Failed attempts slow an attacker down without locking the account's owner out:
 * - per account and address: 3 attempts, then a wait doubling from 5 s to 15 min — the attacker's
 *   address is held back, the owner at another address is not;
 * - per account, across all addresses: 10 attempts in a row, then at most one attempt every
 *   1, 2, 4 … up to 60 seconds — a distributed guesser is slowed to one guess a minute, while the
 *   owner waits at most a minute (never a lock);
 * - per address, across accounts: 50 failures in 15 minutes (password spraying). Generous, so a
 *   town hall's shared NAT (or a browser test suite on 127.0.0.1) is not locked out; successful
 *   logins do not count.
 * Counters live in PostgreSQL, shared by every instance.
 */
export const LOGIN_LIMITS = {
	perAccountAndAddress: { free: 3, firstDelaySeconds: 5, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 } satisfies Backoff,
	perAccount: { free: 10, firstDelaySeconds: 1, maxDelaySeconds: 60, forgetAfterSeconds: 15 * 60 } satisfies Backoff,
	perIp: 50,
	windowSeconds: 15 * 60
};

/** "30 Sekunden", "1 Minute", "15 Minuten". */
export function waitInGerman(seconds: number): string {
	if (seconds < 60) return seconds === 1 ? '1 Sekunde' : `${seconds} Sekunden`;
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
}

/** What a refused attempt is told, with the wait in words. */
const REFUSALS = {
	address: (wait: string) => `Zu viele fehlgeschlagene Anmeldungen von Ihrer Adresse. Bitte warten Sie ${wait} und versuchen Sie es dann erneut.`,
	accountAndAddress: (wait: string) => `Zu viele Anmeldeversuche. Bitte warten Sie ${wait} und versuchen Sie es dann erneut – oder setzen Sie Ihr Passwort zurück.`,
	account: (wait: string) =>
		`Für dieses Konto gab es gerade viele Fehlversuche; Anmeldungen sind deshalb verlangsamt. Bitte warten Sie ${wait} und versuchen Sie es dann erneut.`
};

async function refuse(db: Db, input: { email: string; ip: string }, retryAfterSeconds: number, message: (wait: string) => string): Promise<never> {
	await recordAudit(db, 'login_rate_limited', { detail: { email: input.email, ip: input.ip } });
	throw new AppError('rate_limited', message(waitInGerman(retryAfterSeconds)), [], retryAfterSeconds);
}

/**
 * A hash from before the cost was raised is replaced now that the password is at hand. Only if
 * nobody changed the password meanwhile (a reset in another tab must win).
 */
async function rehash(db: Db, user: { id: string; passwordHash: string }, password: string): Promise<void> {
	const fresh = await hashPassword(password);
	await db
		.update(users)
		.set({ passwordHash: fresh })
		.where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash)));
}

export async function login(
	db: Db,
	input: { email: string; password: string; ip: string; now?: Date }
): Promise<{ token: string; expiresAt: Date; userId: string }> {
	requirePasswordLogin();
	const email = input.email.trim().toLowerCase();
	const pairKey = `login:account-address:${email}:${input.ip}`;
	const accountKey = `login:account:${email}`;
	const ipKey = `login:ip:${input.ip}`;

	const ip = await checkRateLimit(db, ipKey, LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowSeconds);
	if (!ip.allowed) await refuse(db, input, ip.retryAfterSeconds, REFUSALS.address);
	// The address's own backoff first: an attacker held back here does not touch the account-wide slot.
	const pair = await claimAttempt(db, pairKey, LOGIN_LIMITS.perAccountAndAddress, input.now);
	if (!pair.allowed) await refuse(db, input, pair.retryAfterSeconds, REFUSALS.accountAndAddress);
	const account = await claimAttempt(db, accountKey, LOGIN_LIMITS.perAccount, input.now);
	if (!account.allowed) await refuse(db, input, account.retryAfterSeconds, REFUSALS.account);

	const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
	const valid = await verifyPassword(input.password, user?.passwordHash ?? unusablePasswordHash());
	if (!user || !valid) {
		// Both claims stay counted: this was a failure.
		await hitRateLimit(db, ipKey, LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowSeconds);
		await recordAudit(db, 'login_failed', { userId: user?.id ?? null, detail: { email: input.email, ip: input.ip } });
		throw new AppError('unauthorized', 'E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.');
	}
	// A success: this address starts afresh; the account-wide count keeps the others' failures.
	await clearRateLimit(db, pairKey);
	await releaseAttempt(db, accountKey);
	if (needsRehash(user.passwordHash)) await rehash(db, user, input.password);
	const session = await createSession(db, user.id);
	await recordAudit(db, 'login', { userId: user.id, detail: { ip: input.ip } });
	return { ...session, userId: user.id };
}
