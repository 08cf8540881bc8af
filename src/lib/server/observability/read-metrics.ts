import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/client';
import { AppError } from '../errors';
import type { RequestContext } from '../context';
import { metricsText, observeDatabase } from './metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * /metrics for Prometheus, only for whoever holds METRICS_TOKEN (as `Authorization: Bearer …`).
 * Without a configured token the address does not exist (404), so nothing about the load of a
 * municipality's server is public by default.
 */
export async function readMetrics(ctx: RequestContext, input: { configuredToken: string | undefined; authorization: string | null }): Promise<string> {
	if (!input.configuredToken) throw new AppError('not_found', 'Diese Adresse gibt es nicht.');
	const given = /^Bearer\s+(\S+)$/i.exec(input.authorization ?? '')?.[1];
	if (!given || !timingSafeEqual(digest(given), digest(input.configuredToken))) {
		throw new AppError('unauthorized', 'Für /metrics fehlt der Schlüssel (METRICS_TOKEN als „Authorization: Bearer …“) oder er stimmt nicht.');
	}
	if ('$client' in ctx.db) observeDatabase(ctx.db as Database);
	return metricsText();
}
