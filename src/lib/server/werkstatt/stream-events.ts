import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { werkstattEvents } from '../db/schema';
import { DELETED_EVENT } from './delete-werkstatt';
import { liveHub, type LiveEvent, type LiveHub } from './live-hub';
import { werkstattByCode } from './werkstatt-records';

/** A comment line every 15 s keeps proxies from closing a quiet stream and tells the client it is alive. */
export const HEARTBEAT_MS = 15_000;
/** Events waiting for one client; a client this far behind is dropped rather than slowing the others (it reconnects and replays). */
export const CLIENT_BUFFER_EVENTS = 256;
/**
 * Events one replay sends at most (below the client's buffer, which a longer replay would overflow).
 * A client further behind gets `reload` instead: fetch the board again, live events follow from now.
 */
export const REPLAY_LIMIT = 200;
export const RELOAD_EVENT = 'reload';

export interface StreamOptions {
	/** Last-Event-ID (or `?after=`): replay what came after it. Without it the stream starts now. */
	after: string | null;
	/** The request's signal: the client went away. */
	signal?: AbortSignal;
	hub?: LiveHub;
	heartbeatMs?: number;
	bufferEvents?: number;
	replayLimit?: number;
}

const encoder = new TextEncoder();
const frame = (event: LiveEvent) => encoder.encode(`id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify({ id: event.id, ...event.payload })}\n\n`);

/** Whether `id` is an event of this Werkstatt still in the log (not purged, not another Werkstatt's, not made up). */
async function knownEvent(ctx: RequestContext, werkstattId: string, id: number): Promise<boolean> {
	const [row] = await ctx.db
		.select({ id: werkstattEvents.id })
		.from(werkstattEvents)
		.where(and(eq(werkstattEvents.id, id), eq(werkstattEvents.werkstattId, werkstattId)));
	return row !== undefined;
}

async function newestEventId(ctx: RequestContext, werkstattId: string): Promise<number> {
	const [newest] = await ctx.db.select({ id: werkstattEvents.id }).from(werkstattEvents).where(eq(werkstattEvents.werkstattId, werkstattId)).orderBy(desc(werkstattEvents.id)).limit(1);
	return newest?.id ?? 0;
}

/**
 * The live events of a Werkstatt as Server-Sent Events: what was missed after `after` from the
 * event log, then each committed change as the process's LISTEN connection hears it. Public like
 * the board (ids and kinds only, never text); clients fetch the board for the content.
 */
export async function streamWerkstattEvents(ctx: RequestContext, code: string, options: StreamOptions): Promise<Response> {
	const werkstatt = await werkstattByCode(ctx.db, code);
	const hub = options.hub ?? liveHub();
	const after = /^\d{1,18}$/.test(options.after?.trim() ?? '') ? Number(options.after!.trim()) : null;
	// A Last-Event-ID the log does not know (purged after the Werkstatt closed, see purge-closed-events.ts,
	// or from elsewhere) cannot be replayed from: the client reloads the board, live events follow from now.
	const unknown = after !== null && after > 0 && !(await knownEvent(ctx, werkstatt.id, after));
	// Without Last-Event-ID the stream starts now: after the newest event already in the log.
	let lastSent = after === null || unknown ? await newestEventId(ctx, werkstatt.id) : after;
	const limit = options.replayLimit ?? REPLAY_LIMIT;
	let unsubscribe: (() => void) | undefined;
	let heartbeat: ReturnType<typeof setInterval> | undefined;
	let done = false;
	/** While replaying, live events wait here (in order) so none is lost or sent twice. */
	let held: LiveEvent[] | null = [];
	let replaying: Promise<void> = Promise.resolve();

	const stop = (controller?: ReadableStreamDefaultController<Uint8Array>) => {
		if (done) return;
		done = true;
		unsubscribe?.();
		clearInterval(heartbeat);
		options.signal?.removeEventListener('abort', onAbort);
		try {
			controller?.close();
		} catch {
			/* already closed or errored */
		}
	};
	const onAbort = () => stop();

	const stream = new ReadableStream<Uint8Array>(
		{
			async start(controller) {
				const write = (bytes: Uint8Array) => {
					if (done) return;
					// A full buffer means the client reads slower than the room talks: drop it, keep the others moving.
					if ((controller.desiredSize ?? 0) <= 0) return stop(controller);
					controller.enqueue(bytes);
				};
				const send = (event: LiveEvent) => {
					if (event.kind === DELETED_EVENT) {
						write(encoder.encode(`event: ${DELETED_EVENT}\ndata: {}\n\n`));
						return stop(controller);
					}
					if (event.id <= lastSent) return;
					write(frame(event));
					lastSent = event.id;
				};
				const replay = async () => {
					const missed = await ctx.db
						.select({ id: werkstattEvents.id, kind: werkstattEvents.kind, payload: werkstattEvents.payload })
						.from(werkstattEvents)
						.where(and(eq(werkstattEvents.werkstattId, werkstatt.id), gt(werkstattEvents.id, lastSent)))
						.orderBy(asc(werkstattEvents.id))
						.limit(limit + 1);
					if (missed.length > limit) {
						const newest = await newestEventId(ctx, werkstatt.id);
						write(encoder.encode(`id: ${newest}\nevent: ${RELOAD_EVENT}\ndata: {}\n\n`));
						lastSent = newest;
						return;
					}
					for (const event of missed) send(event as LiveEvent);
				};
				const catchUp = () => {
					held ??= [];
					replaying = replaying.then(async () => {
						await replay().catch(() => stop(controller));
						const waiting = held ?? [];
						held = null;
						for (const event of waiting.sort((a, b) => a.id - b.id)) send(event);
					});
				};
				options.signal?.addEventListener('abort', onAbort);
				write(encoder.encode(`retry: 2000\n\n`));
				if (unknown) write(encoder.encode(`id: ${lastSent}\nevent: ${RELOAD_EVENT}\ndata: {}\n\n`));
				unsubscribe = await hub.subscribe(werkstatt.id, {
					event: (event) => (held ? held.push(event) : send(event)),
					resync: catchUp
				});
				if (done) return unsubscribe();
				catchUp();
				heartbeat = setInterval(() => write(encoder.encode(': ping\n\n')), options.heartbeatMs ?? HEARTBEAT_MS);
			},
			cancel() {
				stop();
			}
		},
		new CountQueuingStrategy({ highWaterMark: options.bufferEvents ?? CLIENT_BUFFER_EVENTS })
	);
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			// no-transform: the compression middleware leaves the stream alone (gzip would hold events back).
			'cache-control': 'no-cache, no-transform',
			'x-accel-buffering': 'no'
		}
	});
}
