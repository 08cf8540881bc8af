import pg from 'pg';
import { channelOf } from './werkstatt-records';
import { log } from '../observability/logger';

/*
 * One LISTEN connection per process for every live client of every Werkstatt. NOTIFY reaches every
 * app instance (each has its own hub), so several instances behind a load balancer serve one
 * Werkstatt. The connection is a dedicated client, not one of the pool's: a pooled connection would
 * be handed to other queries, and LISTEN belongs to a session.
 */

export interface LiveEvent {
	id: number;
	kind: string;
	payload: Record<string, unknown>;
}

export interface Subscriber {
	/** A committed event of the subscribed Werkstatt. */
	event(event: LiveEvent): void;
	/** The connection was lost and is back: events in between were not heard, replay them from the log. */
	resync(): void;
}

const RECONNECT_MS = 1000;

export class LiveHub {
	private client: pg.Client | null = null;
	private connecting: Promise<pg.Client> | null = null;
	private readonly channels = new Map<string, Set<Subscriber>>();
	/** LISTEN of each channel, awaited by every subscriber (not only the first), so nobody replays before it is in place. */
	private readonly listening = new Map<string, Promise<void>>();
	private closed = false;

	constructor(private readonly url: string) {}

	/** Starts delivering the Werkstatt's events to `subscriber`; resolves once LISTEN is in place. Returns the unsubscribe. */
	async subscribe(werkstattId: string, subscriber: Subscriber): Promise<() => void> {
		const channel = channelOf(werkstattId);
		let set = this.channels.get(channel);
		if (!set) {
			set = new Set();
			this.channels.set(channel, set);
			this.listening.set(channel, this.listen(channel));
		}
		set.add(subscriber);
		try {
			await this.listening.get(channel);
		} catch (cause) {
			this.unsubscribe(channel, subscriber);
			throw cause;
		}
		return () => this.unsubscribe(channel, subscriber);
	}

	/** How many clients listen to the Werkstatt in this process. */
	subscribers(werkstattId: string): number {
		return this.channels.get(channelOf(werkstattId))?.size ?? 0;
	}

	async close(): Promise<void> {
		this.closed = true;
		this.channels.clear();
		this.listening.clear();
		const client = this.client ?? (await this.connecting?.catch(() => null));
		this.client = null;
		await client?.end().catch(() => {});
	}

	private unsubscribe(channel: string, subscriber: Subscriber): void {
		const set = this.channels.get(channel);
		if (!set?.delete(subscriber) || set.size) return;
		this.channels.delete(channel);
		this.listening.delete(channel);
		// Another subscriber may have come in the meantime: only UNLISTEN a channel nobody wants.
		this.client?.query(`UNLISTEN ${quote(channel)}`).catch(() => {});
	}

	private async listen(channel: string): Promise<void> {
		const client = await this.connection();
		await client.query(`LISTEN ${quote(channel)}`);
	}

	private connection(): Promise<pg.Client> {
		if (this.client) return Promise.resolve(this.client);
		this.connecting ??= this.connect().finally(() => (this.connecting = null));
		return this.connecting;
	}

	private async connect(): Promise<pg.Client> {
		const client = new pg.Client({ connectionString: this.url });
		client.on('notification', (message) => this.deliver(message.channel, message.payload));
		client.on('error', (error) => log().warn({ err: error }, 'Werkstatt-Live-Verbindung verloren'));
		client.on('end', () => this.lost(client));
		await client.connect();
		this.client = client;
		return client;
	}

	private deliver(channel: string, payload: string | undefined): void {
		const set = this.channels.get(channel);
		if (!set || !payload) return;
		let event: LiveEvent;
		try {
			event = JSON.parse(payload) as LiveEvent;
		} catch {
			return;
		}
		for (const subscriber of [...set]) subscriber.event(event);
	}

	/** The connection ended (database restart, network): reconnect, LISTEN again, let everyone replay what they missed. */
	private lost(client: pg.Client): void {
		if (this.client !== client || this.closed) return;
		this.client = null;
		const retry = () => {
			if (this.closed || !this.channels.size) return;
			this.connection()
				.then(async (fresh) => {
					for (const channel of this.channels.keys()) await fresh.query(`LISTEN ${quote(channel)}`);
					for (const set of this.channels.values()) for (const subscriber of [...set]) subscriber.resync();
				})
				.catch(() => setTimeout(retry, RECONNECT_MS));
		};
		setTimeout(retry, RECONNECT_MS);
	}
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

let shared: LiveHub | undefined;

/** The process's hub, on the app's database (DATABASE_URL). */
export function liveHub(): LiveHub {
	if (!shared) {
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('DATABASE_URL ist nicht gesetzt. Starten Sie Stadtwissen mit „npm start“.');
		shared = new LiveHub(url);
	}
	return shared;
}
