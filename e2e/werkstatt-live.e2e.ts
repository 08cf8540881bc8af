/**
 * Werkstatt live events through the running server (hooks, compression, the Node adapter's
 * streaming): a phone's stream gets each change as it happens, uncompressed and unbuffered, and a
 * reconnect with Last-Event-ID gets what it missed. The browser journey with phones and projector
 * comes with the Werkstatt pages.
 */
import { describe, expect, it } from 'vitest';
import { e2eContext } from './support/context';
import { apiJson, createApiToken, login } from './support/http';

const { demo } = e2eContext();

/** Reads an event stream until a frame with `event: kind` arrived; returns that frame's id. */
async function until(reader: ReadableStreamDefaultReader<Uint8Array>, kind: string, seen: { text: string }): Promise<number> {
	const decoder = new TextDecoder();
	for (;;) {
		const frame = new RegExp(`id: (\\d+)\\nevent: ${kind.replace('.', '\\.')}\\n`).exec(seen.text);
		if (frame) {
			seen.text = seen.text.slice(frame.index + frame[0].length);
			return Number(frame[1]);
		}
		const { done, value } = await reader.read();
		if (done) throw new Error(`the stream ended before "${kind}": ${seen.text}`);
		seen.text += decoder.decode(value, { stream: true });
	}
}

const stream = (code: string, headers: Record<string, string> = {}) => {
	const controller = new AbortController();
	const response = fetch(`${demo.url}/api/v1/w/${code}/events`, { headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br', ...headers }, signal: controller.signal });
	return { response, close: () => controller.abort() };
};

describe('Werkstatt live events over HTTP', () => {
	it('reach a phone at once, uncompressed, and a reconnect after Last-Event-ID gets what it missed', async () => {
		const cookie = await login(demo.url, demo.accounts.organiser.email, demo.accounts.organiser.password);
		const key = await createApiToken(demo.url, cookie, 'Werkstatt live');
		const { code } = await apiJson<{ id: string; code: string }>(demo.url, key, 'POST', '/api/v1/werkstaetten', { title: 'Live über HTTP' });
		const { token } = await apiJson<{ token: string }>(demo.url, undefined, 'POST', `/api/v1/w/${code}/join`, { group: null });
		const say = (text: string) => apiJson<{ id: string }>(demo.url, undefined, 'POST', `/api/v1/w/${code}/statements`, { text, kind: 'statement' }, { authorization: `Bearer ${token}` });

		const first = stream(code);
		const response = await first.response;
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		expect(response.headers.get('content-encoding')).toBeNull();
		const reader = response.body!.getReader();
		const seen = { text: '' };
		// The stream is open (its first frame arrived) before anything is said.
		while (!seen.text.includes('retry: 2000')) seen.text += new TextDecoder().decode((await reader.read()).value);

		const one = await say('Erste Aussage, live.');
		const oneId = await until(reader, 'statement.posted', seen);
		expect(seen.text).toContain(one.id);
		first.close();

		const two = await say('Zweite Aussage, während das Telefon kurz weg war.');
		const again = stream(code, { 'last-event-id': String(oneId) });
		const replayed = (await again.response).body!.getReader();
		const later = { text: '' };
		expect(await until(replayed, 'statement.posted', later)).toBeGreaterThan(oneId);
		expect(later.text).toContain(two.id);
		expect(later.text).not.toContain(one.id);
		again.close();
	});
});
