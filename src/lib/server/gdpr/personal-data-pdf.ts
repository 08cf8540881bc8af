import { translator } from '../../i18n';
import type { DownloadFile } from '../http/download';
import type { PdfIdentity } from '../identity/pdf-identity';
import { Report } from '../results/exports/pdf';
import { auditLabel, mailStatusLabel, registrationStatusLabel } from './audit-labels';
import type { PersonalDataExport } from './personal-data';

const ROLES: Record<string, string> = { owner: 'Inhaber*in', organiser: 'Organisator*in', facilitator: 'Moderator*in', viewer: 'Lesende*r' };
const when = (value: string | null) =>
	value ? new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: value.length > 10 ? 'short' : undefined, timeZone: 'Europe/Berlin' }).format(new Date(value)) : '–';
const none = (report: Report, text: string) => report.paragraph(text, { color: '#555555' });

/**
 * The Art. 15 answer as a readable, tagged German PDF: the same content as the JSON, section by
 * section. An organisation's answer (`identity`) carries its logo, name and accent colour; the
 * instance's (CLI) stays in the app's own.
 */
export async function personalDataPdf(data: PersonalDataExport, options: { compress?: boolean; identity?: PdfIdentity | null } = {}): Promise<DownloadFile> {
	const title = 'Auskunft nach Art. 15 DSGVO';
	const { identity } = options;
	const report = new Report(title, 'de-DE', options.compress ?? true, identity?.colour);
	if (identity?.logo) report.logo(identity.logo, identity.name);
	report.startSection(title, false);
	if (identity) report.paragraph(`Auskunft von ${identity.name}`);
	report.paragraph(`Gespeicherte Daten zur E-Mail-Adresse ${data.email}`, { bold: true });
	report.paragraph(`Erstellt am ${when(data.createdAt)} · Umfang: ${data.reach.organisation ? `Organisation „${data.reach.organisation}“` : 'die ganze Stadtwissen-Installation'}`);
	report.heading('Was nicht enthalten ist', 2);
	report.list(data.notes);

	report.heading('Konten', 2);
	if (!data.accounts.length) none(report, 'Kein Konto mit dieser Adresse.');
	for (const a of data.accounts) {
		report.list([
			`Name: ${a.name}`,
			`E-Mail-Adresse: ${a.email}`,
			`Sprache: ${a.locale === 'en' ? 'Englisch' : 'Deutsch'}`,
			`Angelegt: ${when(a.createdAt)}`,
			`Mitgliedschaften: ${a.memberships.map((m) => `${m.organisation} (${ROLES[m.role] ?? m.role}, seit ${when(m.since)})`).join('; ') || 'keine'}`,
			`Aktive Anmeldungen: ${a.activeSessions}`,
			`API-Schlüssel: ${a.apiTokens.map((t) => `${t.name} (angelegt ${when(t.createdAt)}${t.revokedAt ? `, widerrufen ${when(t.revokedAt)}` : ''})`).join('; ') || 'keine'}`,
			`Als Urheber*in vermerkt: ${a.authored.map((x) => `${x.table} (${x.count})`).join(', ') || 'nirgends'}`
		]);
	}

	report.heading('Einladungen in eine Organisation', 2);
	if (!data.organisationInvitations.length) none(report, 'Keine.');
	else report.list(data.organisationInvitations.map((i) => `${i.organisation}: ${ROLES[i.role] ?? i.role}, eingeladen ${when(i.createdAt)}, ${i.acceptedAt ? `angenommen ${when(i.acceptedAt)}` : `gültig bis ${when(i.expiresAt)}`}`));

	report.heading('Anmeldungen zu Fortbildungsterminen', 2);
	if (!data.registrations.length) none(report, 'Keine.');
	for (const r of data.registrations) {
		report.list([
			`${r.module} (${r.organisation}), Termin ${when(r.startsAt)}`,
			`Name: ${r.name} · E-Mail-Adresse: ${r.email} · Organisation: ${r.affiliation || '–'} · Gruppe: ${r.group}`,
			`Barrierefreiheit: ${r.accessibilityNeeds || '–'}`,
			...r.answers.map((a) => `${a.question}: ${a.answer}`),
			`Status: ${registrationStatusLabel(r.status)}, angemeldet ${when(r.createdAt)}, Einwilligung ${when(r.consentedAt)}, teilgenommen: ${r.attended ? 'ja' : 'nein'}`
		]);
	}

	report.heading('Teilnahmebescheinigungen', 2);
	if (!data.certificates.length) none(report, 'Keine.');
	else report.list(data.certificates.map((c) => `${c.module} für ${c.holderName} (${c.organisation}), Code ${c.code}, ausgestellt ${when(c.issuedAt)}${c.revokedAt ? `, zurückgezogen ${when(c.revokedAt)}` : ''}`));

	report.heading('Versandte E-Mails (Postausgang)', 2);
	if (!data.mails.length) none(report, 'Keine.');
	else report.list(data.mails.map((m) => `${when(m.createdAt)}: „${m.subject}“ (${mailStatusLabel(m.status)})`));

	report.heading('Einladungen zu laufenden Analysen', 2);
	if (!data.studyInvitations.length) none(report, 'Keine.');
	else report.list(data.studyInvitations.map((s) => `${s.study} (${s.organisation}), versandt ${when(s.sentOn)}${s.remindedOn ? `, erinnert ${when(s.remindedOn)}` : ''}`));

	report.heading('Protokolleinträge', 2);
	if (!data.auditEntries.length) none(report, 'Keine.');
	else report.list(data.auditEntries.map((e) => `${when(e.createdAt)}: ${auditLabel(e.event)}${e.organisation ? ` (${e.organisation})` : ''}`));

	report.numberPages(translator('de'), title);
	return { body: await report.finish(), contentType: 'application/pdf', fileName: 'auskunft.pdf' };
}
