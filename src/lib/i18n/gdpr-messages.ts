import { defineMessages } from './fragment';

/** The owners' page for data protection requests (Art. 15 and 17 DSGVO). */
export const gdprMessages = defineMessages(
	{
		'gdpr.settingsLink': 'Datenschutz-Anfragen',
		'gdpr.settingsLinkHint': 'Auskunft über gespeicherte Daten einer Person geben (Art. 15 DSGVO) oder sie löschen (Art. 17 DSGVO).',
		'gdpr.title': 'Datenschutz-Anfragen',
		'gdpr.back': '← Einstellungen',
		'gdpr.lead':
			'Fragt eine Person, was {name} über sie gespeichert hat, oder verlangt sie die Löschung, geben Sie hier ihre E-Mail-Adresse ein. Erfasst werden Konten, Mitgliedschaften, Anmeldungen zu Terminen, Bescheinigungen, versandte E-Mails, Protokolleinträge und Einladungsadressen laufender Analysen von {name}.',
		'gdpr.answers': 'Antworten in Analysen sind nie enthalten: Sie werden ohne Bezug zu einer Person gespeichert und lassen sich niemandem zuordnen.',
		'gdpr.email': 'E-Mail-Adresse der Person',
		'gdpr.exportJson': 'Auskunft herunterladen (JSON)',
		'gdpr.exportPdf': 'Auskunft als PDF',
		'gdpr.review': 'Daten löschen …',
		'gdpr.logged': 'Jede Anfrage wird im Protokoll vermerkt (wer, wann, welche Art) – ohne die Adresse und ohne die Daten.',
		'gdpr.previewTitle': 'Daten von {email} löschen',
		'gdpr.preview':
			'Gefunden: {accounts} Konto/Konten, {registrations} Anmeldung(en), {certificates} Bescheinigung(en), {mails} E-Mail(s), {invitations} Einladung(en), {audit} Protokolleintrag/-einträge.',
		'gdpr.eraseWarning':
			'Das Konto wird gelöscht (gehört es auch zu einer anderen Organisation, nur seine Mitgliedschaft hier), Anmeldungen werden anonymisiert und Bescheinigungen zurückgezogen, die Adresse wird aus dem Postausgang entfernt. Protokolleinträge bleiben ohne die Person. Das lässt sich nicht rückgängig machen.',
		'gdpr.eraseOpen': 'Löschung bestätigen',
		'gdpr.eraseConfirm': 'Endgültig löschen',
		'gdpr.erased':
			'Die Daten von {email} sind gelöscht: {deleted} Konto/Konten gelöscht, {kept} nur aus dieser Organisation entfernt, {registrations} Anmeldung(en) anonymisiert, {mails} Adresse(n) aus dem Postausgang entfernt, {invitations} Einladung(en) gelöscht.'
	},
	{
		'gdpr.settingsLink': 'Data protection requests',
		'gdpr.settingsLinkHint': "Tell a person what is stored about them (Art. 15 GDPR) or erase it (Art. 17 GDPR).",
		'gdpr.title': 'Data protection requests',
		'gdpr.back': '← Settings',
		'gdpr.lead':
			'When a person asks what {name} stores about them, or asks for erasure, enter their e-mail address here. Covered are accounts, memberships, session registrations, certificates, mails sent, protocol entries and invitation addresses of running studies of {name}.',
		'gdpr.answers': 'Study answers are never included: they are stored without any link to a person and cannot be attributed to anyone.',
		'gdpr.email': "The person's e-mail address",
		'gdpr.exportJson': 'Download the data (JSON)',
		'gdpr.exportPdf': 'Data as PDF',
		'gdpr.review': 'Erase data …',
		'gdpr.logged': 'Every request is recorded in the protocol (who, when, which kind) — without the address and without the data.',
		'gdpr.previewTitle': 'Erase the data of {email}',
		'gdpr.preview': 'Found: {accounts} account(s), {registrations} registration(s), {certificates} certificate(s), {mails} mail(s), {invitations} invitation(s), {audit} protocol entries.',
		'gdpr.eraseWarning':
			'The account is deleted (if it belongs to another organisation too, only its membership here), registrations are anonymised and certificates withdrawn, the address is removed from the outbox. Protocol entries stay without the person. This cannot be undone.',
		'gdpr.eraseOpen': 'Confirm erasure',
		'gdpr.eraseConfirm': 'Erase for good',
		'gdpr.erased':
			'The data of {email} is erased: {deleted} account(s) deleted, {kept} only removed from this organisation, {registrations} registration(s) anonymised, {mails} address(es) removed from the outbox, {invitations} invitation(s) deleted.'
	}
);
