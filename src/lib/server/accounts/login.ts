import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { recordAudit } from '../audit';
import { checkRateLimit, clearRateLimit, hitRateLimit } from '../auth/rate-limit';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../auth/secrets';
import { createSession } from '../auth/sessions';
import { AppError } from '../errors';

/**
 * Only failed attempts count. Per account: 5 in 15 minutes. Per IP: generous, so a town hall's
 * shared NAT (or a browser test suite on 127.0.0.1) is not locked out by successful logins.
 */
export const LOGIN_LIMITS = { perAccount: 5, perIp: 50, windowSeconds: 15 * 60 };

export async function login(db: Db, input: { email: string; password: string; ip: string }): Promise<{ token: string; expiresAt: Date; userId: string }> {
	const accountKey = `login:account:${input.email}`;
	const ipKey = `login:ip:${input.ip}`;
	const [account, ip] = [
		await checkRateLimit(db, accountKey, LOGIN_LIMITS.perAccount, LOGIN_LIMITS.windowSeconds),
		await checkRateLimit(db, ipKey, LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowSeconds)
	];
	if (!account.allowed || !ip.allowed) {
		const retry = Math.max(account.allowed ? 0 : account.retryAfterSeconds, ip.allowed ? 0 : ip.retryAfterSeconds);
		await recordAudit(db, 'login_rate_limited', { detail: { email: input.email, ip: input.ip } });
		throw new AppError(
			'rate_limited',
			`Zu viele Anmeldeversuche. Bitte warten Sie ${Math.ceil(retry / 60)} Minuten und versuchen Sie es dann erneut – oder setzen Sie Ihr Passwort zurück.`,
			[],
			retry
		);
	}
	const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
	const valid = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
	if (!user || !valid) {
		await hitRateLimit(db, accountKey, LOGIN_LIMITS.perAccount, LOGIN_LIMITS.windowSeconds);
		await hitRateLimit(db, ipKey, LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowSeconds);
		await recordAudit(db, 'login_failed', { userId: user?.id ?? null, detail: { email: input.email, ip: input.ip } });
		throw new AppError('unauthorized', 'E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie Ihre Eingabe.');
	}
	await clearRateLimit(db, accountKey);
	const session = await createSession(db, user.id);
	await recordAudit(db, 'login', { userId: user.id, detail: { ip: input.ip } });
	return { ...session, userId: user.id };
}
