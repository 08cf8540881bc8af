import { describe, expect, it } from 'vitest';
import { ConfigError, proxyConfig, readConfig } from '../config';
import { clientAddressOf, type RequestOrigin } from './client-address';
import { clientAddress } from './context';

const PROXY = '10.0.0.5';

function request(headers: Record<string, string>, socketAddress: string | undefined = PROXY): RequestOrigin {
	const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
	return { header: (name) => lower.get(name) ?? null, socketAddress };
}

const behindProxy = (env: Record<string, string>) => proxyConfig(readConfig(env));

describe('the client address behind a reverse proxy', () => {
	it('without ADDRESS_HEADER is the socket address, whatever a client writes into X-Forwarded-For', () => {
		const direct = behindProxy({});
		expect(clientAddressOf(request({ 'x-forwarded-for': '198.51.100.9' }, '203.0.113.7'), direct)).toBe('203.0.113.7');
		expect(clientAddressOf(request({}, '::ffff:203.0.113.7'), direct)).toBe('203.0.113.7');
	});

	it('with ADDRESS_HEADER=x-forwarded-for tells two clients of one proxy apart, trusting only the entry the proxy appended', () => {
		const proxy = behindProxy({ ADDRESS_HEADER: 'X-Forwarded-For' });
		expect(clientAddressOf(request({ 'x-forwarded-for': '203.0.113.7' }), proxy)).toBe('203.0.113.7');
		expect(clientAddressOf(request({ 'x-forwarded-for': '198.51.100.23' }), proxy)).toBe('198.51.100.23');
		// A client that sends its own X-Forwarded-For cannot pick its address: the proxy appends the real one.
		expect(clientAddressOf(request({ 'x-forwarded-for': '1.2.3.4, 203.0.113.7' }), proxy)).toBe('203.0.113.7');
	});

	it('with XFF_DEPTH=2 takes the second entry from the right (CDN in front of nginx)', () => {
		const proxy = behindProxy({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '2' });
		expect(clientAddressOf(request({ 'x-forwarded-for': 'forged, 203.0.113.7, 192.0.2.200' }), proxy)).toBe('203.0.113.7');
		expect(clientAddressOf(request({ 'x-forwarded-for': '203.0.113.7' }), proxy)).toBe('203.0.113.7');
	});

	it('takes a single-address header such as X-Real-IP as it is', () => {
		const proxy = behindProxy({ ADDRESS_HEADER: 'x-real-ip' });
		expect(clientAddressOf(request({ 'x-real-ip': ' 2001:db8::7 ' }), proxy)).toBe('2001:db8::7');
	});

	it('falls back to the socket when the header is missing, instead of putting every such request into one bucket', () => {
		const proxy = behindProxy({ ADDRESS_HEADER: 'x-forwarded-for' });
		expect(clientAddressOf(request({}, '192.0.2.44'), proxy)).toBe('192.0.2.44');
		expect(clientAddressOf(request({ 'x-forwarded-for': ' , ' }, '192.0.2.44'), proxy)).toBe('192.0.2.44');
	});

	it('the request context reads the header adapter-node would, and the socket of its platform request when it is missing', () => {
		const previous = { header: process.env.ADDRESS_HEADER, depth: process.env.XFF_DEPTH };
		process.env.ADDRESS_HEADER = 'x-forwarded-for';
		delete process.env.XFF_DEPTH;
		try {
			// adapter-node's getClientAddress throws when the configured header is absent.
			const throwing = () => {
				throw new Error('Address header was specified with ADDRESS_HEADER=x-forwarded-for but is absent from request');
			};
			const platform = { req: { socket: { remoteAddress: '::ffff:192.0.2.61' } } };
			expect(clientAddress({ getClientAddress: throwing, request: new Request('http://x/', { headers: { 'x-forwarded-for': '203.0.113.7' } }), platform })).toBe('203.0.113.7');
			expect(clientAddress({ getClientAddress: throwing, request: new Request('http://x/'), platform })).toBe('192.0.2.61');
		} finally {
			for (const [name, value] of [['ADDRESS_HEADER', previous.header], ['XFF_DEPTH', previous.depth]] as const) {
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
			}
		}
	});
});

describe('ADDRESS_HEADER and XFF_DEPTH in the configuration', () => {
	it('refuses values adapter-node would misread, with German messages', () => {
		expect(() => readConfig({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' })).toThrow(/XFF_DEPTH muss zwischen 1 und 20 liegen/);
		expect(() => readConfig({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: 'zwei' })).toThrow(/XFF_DEPTH muss eine Zahl sein/);
		expect(() => readConfig({ XFF_DEPTH: '2' })).toThrow(/XFF_DEPTH wirkt nur zusammen mit ADDRESS_HEADER=x-forwarded-for/);
		expect(() => readConfig({ ADDRESS_HEADER: 'x forwarded for' })).toThrow(ConfigError);
		expect(() => readConfig({ ADDRESS_HEADER: 'x forwarded for' })).toThrow(/ADDRESS_HEADER muss der Name eines HTTP-Headers sein/);
	});

	it('accepts a header name in any case', () => {
		expect(proxyConfig(readConfig({ ADDRESS_HEADER: 'X-Real-IP' }))).toEqual({ addressHeader: 'x-real-ip', xffDepth: 1 });
	});
});
