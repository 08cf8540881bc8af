import { describe, expect, it } from 'vitest';
import { createLogger, scrubLogText } from './logger';

function capture(format: 'json' | 'text') {
	const lines: string[] = [];
	const logger = createLogger({ format, destination: { write: (line: string) => lines.push(line) } });
	return { logger, lines };
}

const TOKEN = 'Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789_-abcde';

describe('the server log', () => {
	it('writes one JSON object per line when LOG_FORMAT=json', () => {
		const { logger, lines } = capture('json');
		logger.info({ requestId: 'r-7', route: '/api/v1/studies', status: 201 }, 'Anfrage');
		expect(lines).toHaveLength(1);
		expect(lines[0].endsWith('\n')).toBe(true);
		expect(JSON.parse(lines[0])).toMatchObject({ level: 30, requestId: 'r-7', route: '/api/v1/studies', status: 201, msg: 'Anfrage' });
	});

	it('writes a readable line otherwise: level, request id, message, fields', () => {
		const { logger, lines } = capture('text');
		logger.warn({ requestId: 'r-8', status: 503 }, 'Datenbank nicht erreichbar');
		expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+ WARN +\[r-8\] Datenbank nicht erreichbar status=503\n$/);
	});

	it('an error entry names no e-mail address, in its message, its stack or its fields', () => {
		for (const format of ['json', 'text'] as const) {
			const { logger, lines } = capture(format);
			const failure = new Error('duplicate key value violates unique constraint: Key (email)=(anna.schmidt@landkreis.example) already exists');
			logger.error({ err: failure, reason: 'Empfänger anna.schmidt@landkreis.example abgelehnt', email: 'anna.schmidt@landkreis.example' }, 'Interner Fehler');
			expect(lines.join('')).toContain('Interner Fehler');
			expect(lines.join('')).toContain('duplicate key value');
			expect(lines.join('')).not.toContain('anna.schmidt');
		}
	});

	it('never writes a token, a participant link or a password, whatever a caller passes', () => {
		const { logger, lines } = capture('json');
		logger.info({ link: `https://stadtwissen.example/t/${TOKEN}/seite/2`, password: 'geheim-und-lang', headers: { authorization: `Bearer ${TOKEN}` } }, `Link /t/${TOKEN}`);
		const line = lines.join('');
		expect(line).not.toContain(TOKEN);
		expect(line).not.toContain('geheim-und-lang');
		expect(line).toContain('/t/[token]/seite/2');
	});

	it('keeps ordinary text as it is', () => {
		expect(scrubLogText('GET /app/analysen/[id] 200 12.5 ms')).toBe('GET /app/analysen/[id] 200 12.5 ms');
		expect(scrubLogText('an x@y.de b')).toBe('an [E-Mail] b');
	});
});
