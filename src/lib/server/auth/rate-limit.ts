import { sql } from 'drizzle-orm';
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
