import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/lib/server/platform/embedded-postgres';
import { startApp, type AppProcess } from './helpers/app-process';
import { createTestDatabase, type TestDatabase } from './helpers/database';

let t: TestDatabase;
let app: AppProcess | undefined;
let origin: string;

beforeAll(async () => {
	t = await createTestDatabase();
	const port = await freePort();
	app = await startApp({ database: t, port, env: { STADTWISSEN_WORKERS: '1' } });
	origin = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(() => {
	app?.child.kill('SIGKILL');
});

describe('responses on the wire', () => {
	it('sends pages and JSON compressed with what the browser accepts, and plain to a client that accepts nothing', async () => {
		for (const [path, type] of [
			['/', 'text/html'],
			['/api/v1/openapi.json', 'application/json']
		]) {
			const brotli = await fetch(origin + path, { headers: { 'accept-encoding': 'br' } });
			expect(brotli.headers.get('content-type')).toContain(type);
			expect(brotli.headers.get('content-encoding'), path).toBe('br');
			const gzip = await fetch(origin + path, { headers: { 'accept-encoding': 'gzip' } });
			expect(gzip.headers.get('content-encoding'), path).toBe('gzip');
			const plain = await fetch(origin + path, { headers: { 'accept-encoding': 'identity' } });
			expect(plain.headers.get('content-encoding'), path).toBeNull();
			// fetch decompresses: all three carry the same document (each page has its own script nonce).
			const withoutNonce = async (response: Response) => (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""');
			const [a, b, c] = await Promise.all([withoutNonce(brotli), withoutNonce(gzip), withoutNonce(plain)]);
			expect(a).toBe(c);
			expect(b).toBe(c);
			expect(c.length).toBeGreaterThan(1024);
		}
	});
});
