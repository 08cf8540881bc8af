import { describe, expect, it } from 'vitest';
import { configuredBaseUrl } from './base-url';

describe('configuredBaseUrl', () => {
	it('is the address serve publishes, without a trailing slash', () => {
		expect(configuredBaseUrl({ STADTWISSEN_ORIGIN: 'https://stadtwissen.kreis.de/' })).toBe('https://stadtwissen.kreis.de');
	});

	it('falls back to ORIGIN, then to the listen address — never to anything a request says', () => {
		expect(configuredBaseUrl({ ORIGIN: 'https://beteiligung.stadt.de' })).toBe('https://beteiligung.stadt.de');
		expect(configuredBaseUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://localhost:8080');
		expect(configuredBaseUrl({})).toBe('http://127.0.0.1:3000');
	});
});
