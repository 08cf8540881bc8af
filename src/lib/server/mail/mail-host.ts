import { AppError } from '../errors';

export const MAIL_HOST_REFUSED =
	'Diese Anfrage nennt nicht die Adresse, unter der Stadtwissen eingerichtet ist. Deshalb verschickt Stadtwissen von hier keine E-Mail. Rufen Sie Stadtwissen unter seiner eingerichteten Adresse auf, oder die Betreiber*in setzt ORIGIN auf die öffentliche Adresse.';

/**
 * Refuses a request that would send mail while its Host is not the configured address (only
 * possible without ORIGIN; see `mailHostAccepted`). Contexts from outside a request (CLI, jobs,
 * tests) carry no such flag and pass.
 */
export function requireMailHost(ctx: object): void {
	if ('mailHostAccepted' in ctx && ctx.mailHostAccepted === false) throw new AppError('forbidden', MAIL_HOST_REFUSED);
}
