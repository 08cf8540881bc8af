import { describe, expect, it } from 'vitest';
import { configuredBaseUrl, mailHostAccepted } from './base-url';

describe('configuredBaseUrl', () => {
	it('is the address serve publishes, without a trailing slash', () => {
		expect(configuredBaseUrl({ STADTWISSEN_ORIGIN: 'https://stadtwissen.kreis.de/' })).toBe('https://stadtwissen.kreis.de');
	});

	it('falls back to ORIGIN, then to the listen address — never to anything a request says', () => {
		expect(configuredBaseUrl({ ORIGIN: 'https://beteiligung.stadt.de' })).toBe('https://beteiligung.stadt.de');
		expect(configuredBaseUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://localhost:8080');
		expect(configuredBaseUrl({})).toBe('http://127.0.0.1:3000');
	});

	it('follows a changed configuration although it is read once, not per request', () => {
		const env: NodeJS.ProcessEnv = { HOST: 'stadtwissen.kreis.de', PORT: '8080' };
		expect(configuredBaseUrl(env)).toBe('http://stadtwissen.kreis.de:8080');
		env.PORT = '9090';
		expect(configuredBaseUrl(env)).toBe('http://stadtwissen.kreis.de:9090');
		env.ORIGIN = 'https://beteiligung.stadt.de';
		expect(configuredBaseUrl(env)).toBe('https://beteiligung.stadt.de');
	});
});

describe('mailHostAccepted', () => {
	it('accepts every Host when ORIGIN is configured: links come from ORIGIN', () => {
		expect(mailHostAccepted('irgendwer.example', { ORIGIN: 'https://beteiligung.stadt.de' })).toBe(true);
	});

	it('without ORIGIN accepts only the listen address (loopback names alike, same port)', () => {
		expect(mailHostAccepted('127.0.0.1:3000', {})).toBe(true);
		expect(mailHostAccepted('localhost:3000', {})).toBe(true);
		expect(mailHostAccepted('LOCALHOST:3000', {})).toBe(true);
		expect(mailHostAccepted('localhost:8080', { HOST: '0.0.0.0', PORT: '8080' })).toBe(true);
		expect(mailHostAccepted('stadtwissen.kreis.de:8080', { HOST: 'stadtwissen.kreis.de', PORT: '8080' })).toBe(true);
	});

	it('without ORIGIN refuses another host, another port, a missing or a malformed Host', () => {
		expect(mailHostAccepted('angreifer.example', {})).toBe(false);
		expect(mailHostAccepted('angreifer.example:3000', {})).toBe(false);
		expect(mailHostAccepted('127.0.0.1:3001', {})).toBe(false);
		expect(mailHostAccepted('192.168.1.20:8080', { HOST: '0.0.0.0', PORT: '8080' })).toBe(false);
		expect(mailHostAccepted(null, {})).toBe(false);
		expect(mailHostAccepted('a b/c', {})).toBe(false);
	});
});
