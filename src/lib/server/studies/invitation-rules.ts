import { AppError } from '../errors';
import { mailConfigured } from '../mail/mailer';
import type { Study } from './get-study';

export const participationLink = (baseUrl: string, token: string) => `${baseUrl}/t/${token}`;

export function requireGroup(study: Study, group: string) {
	const found = study.groups.find((g) => g.key === group);
	if (!found) {
		throw new AppError('validation_failed', 'Diese Gruppe gibt es in der Analyse nicht.', [
			{ path: 'group', message: `Mögliche Gruppen: ${study.groups.map((g) => g.key).join(', ')}.` }
		]);
	}
	return found;
}

export function requireNotFinished(study: Study) {
	if (study.status === 'closed' && study.currentRound >= study.rounds) throw new AppError('conflict', 'Die Analyse ist abgeschlossen; neue Einladungen sind nicht mehr möglich.');
	if (study.status === 'published') throw new AppError('conflict', 'Die Analyse ist veröffentlicht; neue Einladungen sind nicht mehr möglich.');
}

/** Without SMTP a link could only wait in a readable outbox: e-mail invitations are refused instead. */
export function requireMail(what: string) {
	if (!mailConfigured()) {
		throw new AppError(
			'conflict',
			`${what} gehen nur mit einem Mailserver (SMTP), und diese Installation hat keinen. Geben Sie die Links stattdessen selbst aus: Erzeugen Sie unter „Links für eine Gruppe erzeugen“ einen Stapel und laden Sie ihn als PDF (mit QR-Codes) oder CSV herunter.`
		);
	}
}
