import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../errors';

export const MAIL_HOST_REFUSED =
	'Diese Anfrage nennt nicht die Adresse, unter der Stadtwissen eingerichtet ist. Deshalb verschickt Stadtwissen von hier keine E-Mail. Rufen Sie Stadtwissen unter seiner eingerichteten Adresse auf, oder die Betreiber*in setzt ORIGIN auf die öffentliche Adresse.';

/**
 * Refuses a request that would send mail while its Host is not the configured address (only
 * possible without ORIGIN; see `mailHostAccepted`). Work from outside a request passes: the jobs'
 * and the CLI's `systemContext` accepts, and a context without the flag (some tests) is not refused.
 */
export function requireMailHost(ctx: object): void {
	if ('mailHostAccepted' in ctx && ctx.mailHostAccepted === false) throw new AppError('forbidden', MAIL_HOST_REFUSED);
}

/*
 * The last line: the route adapter runs every action and API call inside a gate that knows
 * whether the request's Host was accepted, and `sendMail` — which every mail passes — asks it.
 * Routes that send mail also declare it (`sendsMail`), so they refuse before writing anything;
 * the gate catches a mail from a route that forgot to.
 */
const gate = new AsyncLocalStorage<{ hostAccepted: boolean }>();

export function withMailGate<T>(hostAccepted: boolean, work: () => T): T {
	return gate.run({ hostAccepted }, work);
}

/** Throws the refusal when the current request may not send mail; outside a request it passes. */
export function requireMailGateOpen(): void {
	if (gate.getStore()?.hostAccepted === false) throw new AppError('forbidden', MAIL_HOST_REFUSED);
}
