import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number];

/*
 * With STADTWISSEN_WORKERS > 1 each worker process counts its own requests; /metrics, answered by
 * one of them, shows all of them: the worker asks the primary, the primary collects every worker's
 * figures and its own (background jobs run there) and sums them up as prom-client's cluster mode
 * does (counters and histograms added, gauges by their own rule).
 */

const ASK = 'stadtwissen:metrics-ask';
const ANSWER = 'stadtwissen:metrics-answer';
const COLLECT = 'stadtwissen:metrics-collect';
const COLLECTED = 'stadtwissen:metrics-collected';

interface Message {
	type?: string;
	id?: string;
	text?: string;
	error?: string;
	metrics?: MetricJson[];
}

/** In a worker: hands this process's figures to the primary when it collects. */
export function shareWithPrimary(registry: Registry): void {
	if (!cluster.isWorker) return;
	process.on('message', (message: Message) => {
		if (message?.type !== COLLECT) return;
		registry.getMetricsAsJSON().then(
			(metrics) => process.send?.({ type: COLLECTED, id: message.id, metrics }),
			(error: Error) => process.send?.({ type: COLLECTED, id: message.id, metrics: [], error: error.message })
		);
	});
}

/** In a worker: every process's figures, through the primary; null outside a cluster. */
export function allProcessesMetrics(timeoutMs = 5000): Promise<string> | null {
	if (!cluster.isWorker || !process.send) return null;
	const id = randomUUID();
	return new Promise((resolve, reject) => {
		const listen = (message: Message) => {
			if (message?.type !== ANSWER || message.id !== id) return;
			clearTimeout(timer);
			process.off('message', listen);
			if (message.error !== undefined) reject(new Error(message.error));
			else resolve(message.text ?? '');
		};
		const timer = setTimeout(() => {
			process.off('message', listen);
			reject(new Error('Der Hauptprozess hat die Metriken nicht rechtzeitig gesammelt.'));
		}, timeoutMs);
		process.on('message', listen);
		process.send!({ type: ASK, id });
	});
}

/** In the primary: answers a worker's question with the sum over the primary and every live worker. */
export function answerMetricsQuestions(own: Registry, timeoutMs = 4000): void {
	const pending = new Map<string, { waiting: number; collected: MetricJson[][]; finish: () => void }>();
	cluster.on('message', (worker, message: Message) => {
		if (message?.type === COLLECTED && message.id) {
			const round = pending.get(message.id);
			if (!round) return;
			round.collected.push(message.metrics ?? []);
			if (--round.waiting === 0) round.finish();
			return;
		}
		if (message?.type !== ASK || !message.id) return;
		const asked = message.id;
		const workers = Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected());
		void own.getMetricsAsJSON().then((mine) => {
			const round = { waiting: workers.length, collected: [mine] as MetricJson[][], finish: () => {} };
			const timer = setTimeout(() => round.finish(), timeoutMs);
			round.finish = () => {
				clearTimeout(timer);
				pending.delete(asked);
				AggregatorRegistry.aggregate(round.collected)
					.metrics()
					.then(
						(text) => worker.isConnected() && worker.send({ type: ANSWER, id: asked, text }),
						(error: Error) => worker.isConnected() && worker.send({ type: ANSWER, id: asked, error: error.message })
					);
			};
			pending.set(asked, round);
			for (const w of workers) w?.send({ type: COLLECT, id: asked });
			if (workers.length === 0) round.finish();
		});
	});
}
