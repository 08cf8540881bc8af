import { proxyConfig, readConfig, type ProxyConfig } from '../config';

/** What a request tells about where it came from: its headers and the address of the socket it arrived on. */
export interface RequestOrigin {
	header(name: string): string | null;
	socketAddress: string | undefined;
}

const MAX_ADDRESS_LENGTH = 64;

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is the same client as `192.0.2.1`. */
function normalised(address: string): string {
	const trimmed = address.trim().slice(0, MAX_ADDRESS_LENGTH);
	return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address for rate limits and the audit log. Behind a reverse proxy every socket is
 * the proxy's, so with `ADDRESS_HEADER` configured the address comes from the header the proxy
 * sets; for `x-forwarded-for` it is the `XFF_DEPTH`-th entry from the right — the entries further
 * left were written by whoever sent the request and are not trusted. A request without the header
 * (e.g. one that reached the app without passing the proxy) keeps its socket address, so it never
 * shares one bucket with every other such request.
 */
export function clientAddressOf(request: RequestOrigin, proxy: ProxyConfig): string {
	const value = proxy.addressHeader ? request.header(proxy.addressHeader)?.trim() : undefined;
	if (value) {
		if (proxy.addressHeader !== 'x-forwarded-for') return normalised(value);
		const entries = value
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
		// Fewer entries than trusted proxies: the request skipped the outer ones; the leftmost is what the first proxy it met saw.
		const entry = entries[Math.max(0, entries.length - proxy.xffDepth)];
		if (entry) return normalised(entry);
	}
	return request.socketAddress ? normalised(request.socketAddress) : 'unknown';
}

let cached: { key: string; proxy: ProxyConfig } | undefined;

/** The proxy settings of this process (read once per distinct environment; `serve` validated them at start). */
export function configuredProxy(env: NodeJS.ProcessEnv = process.env): ProxyConfig {
	const key = `${env.ADDRESS_HEADER ?? ''}|${env.XFF_DEPTH ?? ''}`;
	if (cached?.key !== key) cached = { key, proxy: proxyConfig(readConfig({ ADDRESS_HEADER: env.ADDRESS_HEADER, XFF_DEPTH: env.XFF_DEPTH })) };
	return cached.proxy;
}
