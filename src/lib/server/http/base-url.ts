import { publicOrigin, readConfig } from '../config';

/**
 * The one public base URL of this instance, for every link that leaves it (mails, link batches,
 * QR codes): the configured ORIGIN, else the listen address. Never the request's Host header,
 * which whoever sends the request chooses. `serve` publishes it as STADTWISSEN_ORIGIN.
 */
export function configuredBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
	const origin = env.STADTWISSEN_ORIGIN || publicOrigin(readConfig(env));
	return origin.replace(/\/+$/, '');
}
