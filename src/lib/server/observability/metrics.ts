import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client';
import { allProcessesMetrics, answerMetricsQuestions, shareWithPrimary } from './cluster-metrics';

/*
 * What /metrics tells Prometheus (issue 19): requests and their latency per route group, accepted
 * submissions, the mail queue and refused mails, and the database pool. Counters are per process
 * (Prometheus adds up the instances); the mail queue is read from the database at each scrape, so
 * every instance reports the same value (take max, not sum).
 */

export type RouteGroup = 'questionnaire' | 'api' | 'app' | 'public' | 'operations' | 'unmatched';

/** The group a route id belongs to; `null` (no route matched: 404s, static files) is its own group. */
export function routeGroup(routeId: string | null): RouteGroup {
	if (routeId === null) return 'unmatched';
	if (routeId === '/t' || routeId.startsWith('/t/')) return 'questionnaire';
	if (routeId.startsWith('/api/')) return 'api';
	if (routeId === '/app' || routeId.startsWith('/app/')) return 'app';
	if (['/healthz', '/readyz', '/metrics'].includes(routeId)) return 'operations';
	return 'public';
}

const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'stadtwissen_' });
shareWithPrimary(registry);

const requests = new Counter({
	name: 'stadtwissen_http_requests_total',
	help: 'Beantwortete Anfragen je Routengruppe, Methode und Statusklasse.',
	labelNames: ['group', 'method', 'status'] as const,
	registers: [registry]
});
const latency = new Histogram({
	name: 'stadtwissen_http_request_duration_seconds',
	help: 'Antwortzeit je Routengruppe (Sekunden).',
	labelNames: ['group'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});
const submissions = new Counter({
	name: 'stadtwissen_submissions_total',
	help: 'Angenommene Fragebögen (Formular und API; wiederholte Abgaben mit demselben Idempotency-Key nicht mitgezählt).',
	registers: [registry]
});
const mailFailures = new Counter({
	name: 'stadtwissen_mail_delivery_failures_total',
	help: 'Zustellversuche, die der SMTP-Server abgelehnt hat oder die scheiterten.',
	registers: [registry]
});

let database: Database | undefined;

/** The pool the gauges below read; set by the route that serves /metrics. */
export function observeDatabase(db: Database): void {
	database = db;
}

new Gauge({
	name: 'stadtwissen_db_pool_connections',
	help: 'Verbindungen des Datenbank-Pools dieses Prozesses: total, idle, waiting (wartende Anfragen).',
	labelNames: ['state'] as const,
	registers: [registry],
	collect() {
		const pool = database?.$client;
		if (!pool) return;
		this.set({ state: 'total' }, pool.totalCount);
		this.set({ state: 'idle' }, pool.idleCount);
		this.set({ state: 'waiting' }, pool.waitingCount);
	}
});

new Gauge({
	name: 'stadtwissen_mail_outbox',
	help: 'E-Mails im Ausgang nach Zustand: pending (Warteschlange, noch nicht zugestellt), failed (endgültig gescheitert). Für alle Instanzen gleich.',
	labelNames: ['status'] as const,
	registers: [registry],
	// Read from the database: every process reports the same value.
	aggregator: 'max',
	async collect() {
		if (!database) return;
		const { rows } = await database.execute<{ pending: number; failed: number }>(
			sql`SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM outbox_mails`
		);
		this.set({ status: 'pending' }, rows[0]?.pending ?? 0);
		this.set({ status: 'failed' }, rows[0]?.failed ?? 0);
	}
});

export function countRequest(routeId: string | null, method: string, status: number, seconds: number): void {
	const group = routeGroup(routeId);
	requests.inc({ group, method, status: `${Math.floor(status / 100)}xx` });
	latency.observe({ group }, seconds);
}

export function countSubmission(): void {
	submissions.inc();
}

export function countMailFailure(): void {
	mailFailures.inc();
}

export const METRICS_CONTENT_TYPE = registry.contentType;

/** Everything in Prometheus' text format: of all worker processes when there are several (cluster-metrics.ts). */
export function metricsText(): Promise<string> {
	return allProcessesMetrics() ?? registry.metrics();
}

/** For the primary of several worker processes: answers their /metrics with the sum over all of them and itself. */
export function serveMetricsToWorkers(): void {
	answerMetricsQuestions(registry);
}
