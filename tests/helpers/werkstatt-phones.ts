import type { RequestContext } from '../../src/lib/server/context';
import type { Database } from '../../src/lib/server/db/client';

/** What every request of a Werkstatt test shares (no database, no actor). */
export const werkstattRequest = (): Omit<RequestContext, 'db' | 'actor'> => ({
	baseUrl: 'https://stadtwissen.test',
	clientAddress: '192.0.2.1',
	mailHostAccepted: true,
	now: new Date(),
	locale: 'de',
	requestId: 'test'
});

/** A new phone per call: nobody signed in, each from its own address (so no rate limit per address bites). */
export function phones(db: () => Database): () => RequestContext {
	let addresses = 0;
	return () => ({ ...werkstattRequest(), db: db(), actor: null, clientAddress: `198.51.100.${++addresses}` });
}
