import { runApi } from '$lib/server/http/adapter';
import { streamWerkstattEvents } from '$lib/server/werkstatt/stream-events';
import type { RequestHandler } from './$types';

/** Server-Sent Events of the Werkstatt; reconnecting clients send Last-Event-ID (a first connection may give `?after=`). */
export const GET: RequestHandler = (event) =>
	runApi(event, 'public', (ctx) =>
		streamWerkstattEvents(ctx, event.params.code, { after: event.request.headers.get('last-event-id') ?? event.url.searchParams.get('after'), signal: event.request.signal })
	);
