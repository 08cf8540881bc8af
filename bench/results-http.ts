/**
 * The results as an API client receives them: GET /api/v1/studies/{id}/results over HTTP, one
 * request at a time, compressed as the client asks (brotli, as browsers and most HTTP libraries
 * ask) and uncompressed; the sizes take turns so a slower moment of the machine hits all alike.
 * Baseline: GET /healthz the same way in the same run.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResultsRow {
	size: number;
	/** Median wall time of the whole request (headers sent → body read), brotli as negotiated. */
	compressedMs: number;
	compressedBytes: number;
	plainMs: number;
	plainBytes: number;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, its wall time and the bytes of its body as they came over the wire (still compressed). */
function timedGet(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number }> {
	const start = performance.now();
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers, agent }, (response) => {
				let bytes = 0;
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => {
					bytes += chunk.length;
					if (response.statusCode !== 200) chunks.push(chunk);
				});
				response.on('end', () => {
					if (response.statusCode !== 200) reject(new Error(`${url}: Status ${response.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
					else resolve({ ms: performance.now() - start, bytes });
				});
				response.on('error', reject);
			})
			.on('error', reject);
	});
}

export async function resultsOverHttp(options: { origin: string; apiToken: string; studies: { size: number; id: string }[]; runs: number }): Promise<{ rows: HttpResultsRow[]; healthzMs: number }> {
	const auth = { authorization: `Bearer ${options.apiToken}` };
	const url = (id: string) => `${options.origin}/api/v1/studies/${id}/results`;
	const compressed = (id: string) => timedGet(url(id), { ...auth, 'accept-encoding': 'br' });
	const plain = (id: string) => timedGet(url(id), { ...auth, 'accept-encoding': 'identity' });
	for (const { id } of options.studies) for (let i = 0; i < 5; i++) await compressed(id);
	const measured = options.studies.map(() => ({ compressed: [] as { ms: number; bytes: number }[], plain: [] as { ms: number; bytes: number }[] }));
	const healthz: number[] = [];
	for (let run = 0; run < options.runs; run++) {
		for (const [i, { id }] of options.studies.entries()) {
			measured[i].compressed.push(await compressed(id));
			measured[i].plain.push(await plain(id));
		}
		healthz.push((await timedGet(`${options.origin}/healthz`, {})).ms);
	}
	return {
		rows: options.studies.map(({ size }, i) => ({
			size,
			compressedMs: median(measured[i].compressed.map((m) => m.ms)),
			compressedBytes: median(measured[i].compressed.map((m) => m.bytes)),
			plainMs: median(measured[i].plain.map((m) => m.ms)),
			plainBytes: median(measured[i].plain.map((m) => m.bytes))
		})),
		healthzMs: median(healthz)
	};
}
