import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, useLog } from '../observability/logger';
import { observeRequests, requestIdFor } from './observe-requests';

const TOKEN = 'Qw3rTy7uIoPaSdFgHjKlZxCvBnM1234567890_-xyz';
let restore = () => {};
afterEach(() => restore());

function captured() {
	const lines: string[] = [];
	restore = useLog(createLogger({ format: 'json', destination: { write: (line: string) => lines.push(line) } }));
	return lines;
}

function event(path: string, routeId: string | null, headers: Record<string, string> = {}) {
	const url = new URL(path, 'http://localhost');
	return { url, request: new Request(url, { method: 'POST', headers }), route: { id: routeId }, locals: {} } as unknown as RequestEvent;
}

describe('every request gets an id and one log line', () => {
	it("a questionnaire request's line names its route, status and duration — never its token", async () => {
		const lines = captured();
		const request = event(`/t/${TOKEN}/seite/3`, '/t/[token]/seite/[n]');
		const response = await observeRequests({ event: request, resolve: async () => new Response('ok', { status: 303 }) });
		expect(lines).toHaveLength(1);
		const entry = JSON.parse(lines[0]) as Record<string, unknown>;
		expect(entry).toMatchObject({ method: 'POST', route: '/t/[token]/seite/[n]', status: 303, requestId: request.locals.requestId });
		expect(typeof entry.durationMs).toBe('number');
		expect(lines[0]).not.toContain(TOKEN);
		expect(response.headers.get('x-request-id')).toBe(request.locals.requestId);
	});

	it("keeps a load balancer's x-request-id and answers with it", async () => {
		const lines = captured();
		const request = event('/api/v1/studies', '/api/v1/studies', { 'x-request-id': 'lb-4711.abc' });
		const response = await observeRequests({ event: request, resolve: async () => new Response('{}') });
		expect(response.headers.get('x-request-id')).toBe('lb-4711.abc');
		expect(JSON.parse(lines[0])).toMatchObject({ requestId: 'lb-4711.abc', status: 200 });
	});

	it('makes its own id when the header is missing or carries anything but an id', () => {
		expect(requestIdFor(null)).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdFor('anna@example.de')).not.toContain('anna');
		expect(requestIdFor('a b')).not.toBe('a b');
		expect(requestIdFor('x'.repeat(101))).toHaveLength(36);
	});

	it('logs a request that failed with an exception as a 500 and lets the error on', async () => {
		const lines = captured();
		await expect(observeRequests({ event: event('/app', '/app'), resolve: async () => Promise.reject(new Error('kaputt')) })).rejects.toThrow('kaputt');
		expect(JSON.parse(lines[0])).toMatchObject({ route: '/app', status: 500, level: 50 });
	});
});
