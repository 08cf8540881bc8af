import type { AuditEvent } from '../audit';

/** What an audit event means, in the words of a person reading their Art. 15 answer; complete by type. */
export const AUDIT_LABELS: Record<AuditEvent, string> = {
	login: 'Angemeldet',
	login_failed: 'Anmeldung fehlgeschlagen',
	login_rate_limited: 'Anmeldung wegen zu vieler Versuche abgewiesen',
	logout: 'Abgemeldet',
	password_changed: 'Passwort geändert',
	password_reset_requested: 'Zurücksetzen des Passworts angefordert',
	password_reset: 'Passwort zurückgesetzt',
	role_changed: 'Rolle geändert',
	member_invited: 'In die Organisation eingeladen',
	member_joined: 'Der Organisation beigetreten',
	member_removed: 'Aus der Organisation entfernt',
	token_created: 'API-Schlüssel angelegt',
	token_revoked: 'API-Schlüssel widerrufen',
	organisation_created: 'Organisation angelegt',
	glossary_entry_created: 'Glossar-Eintrag angelegt',
	glossary_entry_updated: 'Glossar-Eintrag geändert',
	glossary_entry_deleted: 'Glossar-Eintrag gelöscht',
	glossary_starter_adopted: 'Start-Glossar übernommen',
	glossary_imported: 'Glossar importiert',
	glossary_proposal_accepted: 'Glossar-Vorschlag angenommen',
	glossary_proposal_rejected: 'Glossar-Vorschlag abgelehnt',
	legal_page_saved: 'Rechtstext gespeichert',
	identity_saved: 'Erscheinungsbild der Organisation gespeichert',
	logo_saved: 'Logo gespeichert',
	logo_removed: 'Logo entfernt',
	registrants_messaged: 'Nachricht an die Angemeldeten eines Termins',
	personal_data_exported: 'Auskunft über gespeicherte Daten erteilt',
	personal_data_erased: 'Gespeicherte Daten gelöscht',
	study_opened_by_date: 'Analyse zum Starttermin geöffnet',
	study_closed_by_date: 'Analyse zum Endtermin geschlossen',
	study_reminder_by_date: 'Erinnerung vor dem Endtermin verschickt'
};

/** The German label of a stored event; an event this version does not know (from a newer one) keeps its name. */
export function auditLabel(event: string): string {
	return (AUDIT_LABELS as Record<string, string>)[event] ?? event;
}

const REGISTRATION_STATUS: Record<string, string> = {
	pending_confirmation: 'Bestätigung der E-Mail-Adresse ausstehend',
	confirmed: 'bestätigt',
	waitlisted: 'auf der Warteliste',
	offered: 'Platz angeboten',
	cancelled: 'storniert',
	expired: 'verfallen'
};
const MAIL_STATUS: Record<string, string> = { pending: 'wartet auf Zustellung', sent: 'zugestellt', failed: 'nicht zustellbar', not_sent: 'nicht versandt (kein Mailserver)' };

export const registrationStatusLabel = (status: string) => REGISTRATION_STATUS[status] ?? status;
export const mailStatusLabel = (status: string) => MAIL_STATUS[status] ?? status;
