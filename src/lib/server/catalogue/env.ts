import type { CatalogueEnv } from './seats';

/** Links in mails use the configured public address (ORIGIN), else the address of the request. */
export function catalogueEnv(url: URL): CatalogueEnv {
	return { baseUrl: process.env.STADTWISSEN_ORIGIN ?? url.origin };
}
