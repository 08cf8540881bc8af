import { publicOrigin, readConfig } from '../config';

/**
 * The one public base URL of this instance, for every link that leaves it (mails, link batches,
 * QR codes): the configured ORIGIN, else the listen address. Never the request's Host header,
 * which whoever sends the request chooses. `serve` publishes it as STADTWISSEN_ORIGIN.
 */
export function configuredBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
	// Asked on every request: the configuration is read again only when what it depends on changed.
	const key = [env.STADTWISSEN_ORIGIN, env.ORIGIN, env.HOST, env.PORT].join('\n');
	if (key !== cached.key) {
		const origin = env.STADTWISSEN_ORIGIN || publicOrigin(readConfig(env));
		cached = { key, value: origin.replace(/\/+$/, '') };
	}
	return cached.value;
}

let cached = { key: '\0', value: '' };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a request with this `Host` header may make Stadtwissen send mail. With ORIGIN
 * configured, always: every link comes from ORIGIN. Without it, only when the Host is the
 * listen address the links are built from (any loopback name counts for a loopback address,
 * same port) — a request naming another host is refused, so nothing is ever mailed on behalf of
 * an address the operator did not configure.
 */
export function mailHostAccepted(host: string | null | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.ORIGIN) return true;
	if (!host) return false;
	const configured = new URL(configuredBaseUrl(env));
	let asked: URL;
	try {
		asked = new URL(`${configured.protocol}//${host}`);
	} catch {
		return false;
	}
	if (asked.port !== configured.port) return false;
	const name = (url: URL) => url.hostname.toLowerCase();
	return name(asked) === name(configured) || (LOOPBACK.has(name(configured)) && LOOPBACK.has(name(asked)));
}
