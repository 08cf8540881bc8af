import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';

export interface RateLimitVerdict {
	allowed: boolean;
	retryAfterSeconds: number;
}

/**
 * Counts one hit on `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in PostgreSQL so that every app instance shares it.
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimitVerdict> {
	const result = await db.execute<{ hits: number; window_start: Date }>(sql`
		INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, now(), 1)
		ON CONFLICT (key) DO UPDATE SET
			hits = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE rate_limits.hits + 1 END,
			window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE rate_limits.window_start END
		RETURNING hits, window_start`);
	const row = result.rows[0];
	const elapsed = (Date.now() - new Date(row.window_start).getTime()) / 1000;
	return { allowed: row.hits <= limit, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)) };
}

export async function clearRateLimit(db: Db, key: string): Promise<void> {
	await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

/** Whether `key` has already reached `limit` in its current window, without counting a hit. */
export async function checkRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimitVerdict> {
	const result = await db.execute<{ hits: number; window_start: Date }>(sql`
		SELECT hits, window_start FROM rate_limits
		WHERE key = ${key} AND window_start >= now() - make_interval(secs => ${windowSeconds})`);
	const row = result.rows[0];
	if (!row) return { allowed: true, retryAfterSeconds: 0 };
	const elapsed = (Date.now() - new Date(row.window_start).getTime()) / 1000;
	return { allowed: row.hits < limit, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)) };
}

/**
 * Exponential backoff on a key: `free` attempts need no wait; after that each attempt has to wait
 * `firstDelaySeconds` after the previous one, doubling with every further attempt up to
 * `maxDelaySeconds`. A key without attempts for `forgetAfterSeconds` starts from zero again.
 */
export interface Backoff {
	free: number;
	firstDelaySeconds: number;
	maxDelaySeconds: number;
	forgetAfterSeconds: number;
}

/** How long the attempt after `attempts` counted ones has to wait after the last of them. */
export function backoffDelaySeconds(attempts: number, policy: Backoff): number {
	if (attempts < policy.free) return 0;
	return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** (attempts - policy.free));
}

export type BackoffVerdict = { allowed: true; attempts: number } | { allowed: false; retryAfterSeconds: number };

/** `now` for tests; the database's clock otherwise, so that every instance measures the same waits. */
const clock = (now?: Date) => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

const delaySql = (hits: SQL, policy: Backoff) =>
	sql`LEAST(${policy.maxDelaySeconds}::float8, ${policy.firstDelaySeconds}::float8 * power(2::float8, (${hits} - ${policy.free})::float8))`;

/**
 * Claims one attempt on `key` if its backoff allows one now, counting it in the same statement —
 * so parallel requests cannot slip several attempts through one check. Row lives in `rate_limits`
 * (`window_start` = the last counted attempt, `hits` = attempts), shared by every instance.
 */
export async function claimAttempt(db: Db, key: string, policy: Backoff, now?: Date): Promise<BackoffVerdict> {
	const at = clock(now);
	const forgotten = sql`rate_limits.window_start <= ${at} - make_interval(secs => ${policy.forgetAfterSeconds})`;
	const claimed = await db.execute<{ hits: number }>(sql`
		INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${at}, 1)
		ON CONFLICT (key) DO UPDATE SET
			hits = CASE WHEN ${forgotten} THEN 1 ELSE rate_limits.hits + 1 END,
			window_start = ${at}
		WHERE ${forgotten}
			OR rate_limits.hits < ${policy.free}
			OR rate_limits.window_start + make_interval(secs => ${delaySql(sql`rate_limits.hits`, policy)}) <= ${at}
		RETURNING hits`);
	if (claimed.rows[0]) return { allowed: true, attempts: Number(claimed.rows[0].hits) };
	const waiting = await db.execute<{ wait: number }>(sql`
		SELECT EXTRACT(EPOCH FROM (window_start + make_interval(secs => ${delaySql(sql`hits`, policy)}) - ${at}))::float8 AS wait
		FROM rate_limits WHERE key = ${key}`);
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(waiting.rows[0]?.wait ?? 1))) };
}

/** Takes back one claimed attempt (it turned out not to be a failure); the time of the last attempt stays. */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
	await db.execute(sql`UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = ${key}`);
}

/** Every limit's window is a day at most; older counters only keep e-mail and IP addresses around. */
export const RATE_LIMIT_KEEP_SECONDS = 2 * 24 * 3600;

/** Deletes counters whose last attempt is older than `RATE_LIMIT_KEEP_SECONDS` (housekeeping, every six hours). */
export async function purgeRateLimits(db: Db, now?: Date): Promise<number> {
	const purged = await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${clock(now)} - make_interval(secs => ${RATE_LIMIT_KEEP_SECONDS})`);
	return purged.rowCount ?? 0;
}
