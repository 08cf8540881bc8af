import * as client from 'openid-client';
import { AppError } from '../errors';
import type { OidcSettings } from './oidc-settings';
import { log } from '../observability/logger';

/*
 * The connection to the identity provider through `openid-client`: discovery once per issuer and
 * client (retried after a failure), and the German refusals for whatever the provider or the
 * network answers. Plain http:// is allowed only for a provider on this machine (tests, a local
 * Keycloak); config.ts refuses it for any other host.
 */

export const CALLBACK_PATH = '/anmelden/verwaltung/zurueck';
export const SCOPES = 'openid email profile';

let cached: { key: string; configuration: Promise<client.Configuration> } | undefined;

export const PROVIDER_UNREACHABLE = 'Der Anmeldedienst Ihrer Verwaltung ist gerade nicht erreichbar. Bitte versuchen Sie es in einigen Minuten noch einmal.';

/** The provider's configuration from its discovery document. */
export function providerConfiguration(settings: OidcSettings): Promise<client.Configuration> {
	const key = [settings.issuer, settings.clientId, settings.clientSecret].join('\n');
	if (cached?.key !== key) {
		const local = settings.issuer.startsWith('http://');
		const configuration = client
			.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, { execute: local ? [client.allowInsecureRequests] : [], timeout: 10 })
			.catch((cause: unknown) => {
				if (cached?.configuration === configuration) cached = undefined;
				log().error({ reason: describe(cause) }, 'OpenID Connect: Anbieter nicht erreichbar (discovery)');
				throw new AppError('unavailable', PROVIDER_UNREACHABLE);
			});
		cached = { key, configuration };
	}
	return cached.configuration;
}

/** The messages of an error and its causes (openid-client wraps the check that failed). */
function causeChain(cause: unknown): string {
	const messages: string[] = [];
	for (let at = cause; at instanceof Error && messages.length < 5; at = at.cause) messages.push(at.message);
	return messages.join(' / ');
}

/** A short, token-free description of a failure for the log. */
export function describe(cause: unknown): string {
	if (cause instanceof client.AuthorizationResponseError || cause instanceof client.ResponseBodyError) return `${cause.error}${cause.error_description ? `: ${cause.error_description}` : ''}`;
	if (cause instanceof Error) return `${cause.name}${'code' in cause && cause.code ? ` ${String(cause.code)}` : ''}: ${causeChain(cause)}`;
	return String(cause);
}

const RESTART = 'Bitte beginnen Sie die Anmeldung noch einmal.';

/** The provider sent the browser back with `?error=…` instead of a code. */
export function providerRefusal(error: string): AppError {
	if (error === 'access_denied') return new AppError('forbidden', `Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt. ${RESTART}`);
	if (['login_required', 'interaction_required', 'consent_required'].includes(error)) return new AppError('forbidden', `Der Anmeldedienst hat die Anmeldung nicht abgeschlossen. ${RESTART}`);
	return new AppError('bad_request', `Der Anmeldedienst hat die Anmeldung abgelehnt (Meldung: ${error.slice(0, 80)}). ${RESTART}`);
}

/** What the person is told when the code flow fails at the provider's answer. */
export function refusalFor(cause: unknown): AppError {
	if (cause instanceof AppError) return cause;
	if (cause instanceof client.AuthorizationResponseError) return providerRefusal(cause.error);
	if (cause instanceof client.ResponseBodyError) {
		if (cause.error === 'invalid_grant') return new AppError('bad_request', `Die Anmeldung ist abgelaufen oder wurde schon verwendet. ${RESTART}`);
		if (cause.error === 'invalid_client' || cause.error === 'unauthorized_client')
			return new AppError('unavailable', 'Stadtwissen ist beim Anmeldedienst nicht richtig eingetragen (Client-ID oder Geheimnis). Bitte wenden Sie sich an Ihre IT.');
		return new AppError('bad_request', `Der Anmeldedienst hat die Anmeldung abgelehnt (Meldung: ${cause.error}). ${RESTART}`);
	}
	if (cause instanceof TypeError || (cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'TimeoutError'))) return new AppError('unavailable', PROVIDER_UNREACHABLE);
	const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
	if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return new AppError('bad_request', `Die Anmeldung ist abgelaufen. ${RESTART}`);
	if (/"state"/.test(causeChain(cause)))
		return new AppError('bad_request', `Die Antwort des Anmeldedienstes gehört nicht zu dieser Anmeldung (vielleicht wurde sie in einem anderen Fenster begonnen). ${RESTART}`);
	return new AppError('bad_request', `Die Antwort des Anmeldedienstes konnte nicht bestätigt werden. ${RESTART}`);
}
