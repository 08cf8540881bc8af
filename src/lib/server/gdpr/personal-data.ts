import { sql, type SQL } from 'drizzle-orm';
import { answerColumns, type RegistrationQuestion } from '../../domain/catalogue/registration-questions';
import type { Db } from '../db/client';

/*
 * Where Stadtwissen keeps something about a person, found by their e-mail address (Art. 15 and 17
 * DSGVO). The reach is one organisation (an owner's request in the app) or the whole instance
 * (the CLI). Study answers are not here on purpose: they are stored without any link to a person
 * (no token, no address, the day only), so nobody can find a person's answers — not even on request.
 *
 * PERSONAL_COLUMNS lists every column that holds an e-mail address or points to an account, with
 * what a request does with it; a test compares it with the database, so a new such column fails
 * the build until it is covered here.
 */
export const PERSONAL_COLUMNS: Record<string, string> = {
	'users.email': 'Konto: ausgegeben; beim Löschen wird das Konto gelöscht',
	'memberships.user_id': 'Mitgliedschaften: ausgegeben; gelöscht',
	'sessions.user_id': 'Anmeldungen (Sitzungen): Anzahl ausgegeben; mit dem Konto gelöscht',
	'api_tokens.user_id': 'API-Schlüssel: Name und Zeiten ausgegeben; mit dem Konto gelöscht',
	'password_resets.user_id': 'Passwort-Links: nur Hash, mit dem Konto gelöscht',
	'org_invitations.email': 'Einladungen in eine Organisation: ausgegeben; gelöscht',
	'org_invitations.invited_by': 'wer eingeladen hat: gezählt; beim Löschen leer',
	'audit_log.user_id': 'Protokoll: ausgegeben; beim Löschen bleibt der Eintrag ohne Person',
	'outbox_mails.recipient': 'Postausgang: ausgegeben; beim Löschen wird die Adresse entfernt',
	'catalogue_registrations.email': 'Anmeldungen zu Terminen: ausgegeben; anonymisiert wie nach Ablauf der Aufbewahrungsfrist',
	'catalogue_registrations.created_by': 'wer angemeldet hat: gezählt; beim Löschen leer',
	'catalogue_modules.created_by': 'angelegte Module: gezählt; beim Löschen leer',
	'invitation_emails.email': 'Einladungsadressen laufender Analysen: ausgegeben; gelöscht',
	'studies.created_by': 'angelegte Analysen: gezählt; beim Löschen leer',
	'open_answer_releases.released_by': 'Freigaben offener Antworten: gezählt; beim Löschen leer',
	'framework_versions.created_by': 'Rahmenwerk-Versionen: gezählt; beim Löschen leer',
	'framework_imports.user_id': 'Rahmenwerk-Importe: gezählt; mit dem Konto gelöscht',
	'werkstaetten.created_by': 'angelegte Werkstätten: gezählt; beim Löschen leer',
	'qualification_plans.created_by': 'Qualifizierungspläne: gezählt; beim Löschen leer',
	'plan_gap_decisions.decided_by': 'Entscheidungen in Plänen: gezählt; beim Löschen leer',
	'glossary_entries.created_by': 'Glossareinträge: gezählt; beim Löschen leer',
	'glossary_proposals.decided_by': 'Entscheidungen über Glossarvorschläge: gezählt; beim Löschen leer'
};

/** Columns that only record who made an organisation's object: counted in the export, emptied by the account's deletion. */
const AUTHORED = [
	['org_invitations', 'invited_by', 'org_id'],
	['catalogue_registrations', 'created_by', 'org_id'],
	['catalogue_modules', 'created_by', 'org_id'],
	['studies', 'created_by', 'org_id'],
	['open_answer_releases', 'released_by', null],
	['framework_versions', 'created_by', null],
	['framework_imports', 'user_id', null],
	['werkstaetten', 'created_by', 'org_id'],
	['qualification_plans', 'created_by', 'org_id'],
	['plan_gap_decisions', 'decided_by', null],
	['glossary_entries', 'created_by', 'org_id'],
	['glossary_proposals', 'decided_by', 'org_id']
] as const;

/** One organisation (an owner's request) or, with null, the whole instance (the CLI). */
export type Reach = { orgId: string } | null;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null || value === undefined ? null : String(value));

export interface PersonalDataExport {
	format: 'stadtwissen-auskunft';
	version: 1;
	createdAt: string;
	email: string;
	reach: { organisation: string | null };
	notes: string[];
	accounts: {
		id: string;
		email: string;
		name: string;
		locale: string;
		createdAt: string | null;
		memberships: { organisation: string; role: string; since: string | null }[];
		apiTokens: { name: string; createdAt: string | null; lastUsedAt: string | null; revokedAt: string | null }[];
		activeSessions: number;
		authored: { table: string; count: number }[];
	}[];
	organisationInvitations: { organisation: string; role: string; createdAt: string | null; expiresAt: string | null; acceptedAt: string | null }[];
	registrations: {
		organisation: string;
		module: string;
		startsAt: string | null;
		name: string;
		email: string;
		affiliation: string;
		group: string;
		accessibilityNeeds: string;
		/** Answers to the module's own registration questions. */
		answers: { question: string; answer: string }[];
		status: string;
		createdAt: string | null;
		confirmedAt: string | null;
		cancelledAt: string | null;
		consentedAt: string | null;
		attended: boolean;
	}[];
	certificates: { code: string; organisation: string; holderName: string; module: string; issuedAt: string | null; revokedAt: string | null }[];
	mails: { organisation: string | null; kind: string; subject: string; status: string; createdAt: string | null; sentAt: string | null }[];
	auditEntries: { organisation: string | null; event: string; createdAt: string | null; detail: Record<string, unknown> }[];
	studyInvitations: { organisation: string; study: string; sentOn: string | null; remindedOn: string | null }[];
	werkstattDisplayNames: never[];
}

export const EXPORT_NOTES = [
	'Antworten in Analysen (Fragebögen) sind nicht enthalten: Sie werden ohne Bezug zu einer Person gespeichert (kein Name, keine Adresse, kein Link, nur der Tag) und lassen sich niemandem zuordnen – auch nicht auf Anfrage.',
	'Anzeigenamen in Werkstätten sind nicht enthalten: Sie sind mit keinem Konto und keiner Adresse verbunden.',
	'Passwörter werden nur als Hash gespeichert und nicht ausgegeben; Anmelde- und Passwort-Links ebenso.',
	'Anmeldungen, deren Aufbewahrungsfrist abgelaufen ist, sind bereits anonymisiert und erscheinen hier nicht mehr.'
];

const rows = async <T>(db: Db, query: SQL): Promise<T[]> => (await db.execute(query)).rows as T[];
const inReach = (column: SQL, reach: Reach) => (reach ? sql`${column} = ${reach.orgId}` : sql`true`);

/** The accounts with this address that the request reaches: in the organisation, or any on the instance. */
export async function accountsInReach(db: Db, email: string, reach: Reach): Promise<{ id: string; email: string; name: string; locale: string; created_at: Date }[]> {
	return rows(
		db,
		sql`SELECT u.id, u.email, u.name, u.locale, u.created_at FROM users u
			WHERE lower(u.email) = ${email}
			AND ${reach ? sql`EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.org_id = ${reach.orgId})` : sql`true`}`
	);
}

/** Everything stored about `email` within the reach, as the documented JSON shape. */
export async function collectPersonalData(db: Db, email: string, reach: Reach, now: Date): Promise<PersonalDataExport> {
	const address = email.toLowerCase();
	const organisation = reach ? ((await rows<{ name: string }>(db, sql`SELECT name FROM organisations WHERE id = ${reach.orgId}`))[0]?.name ?? null) : null;
	const accounts: PersonalDataExport['accounts'] = [];
	for (const account of await accountsInReach(db, address, reach)) {
		const memberships = await rows<{ name: string; role: string; created_at: Date }>(
			db,
			sql`SELECT o.name, m.role, m.created_at FROM memberships m JOIN organisations o ON o.id = m.org_id WHERE m.user_id = ${account.id} AND ${inReach(sql`m.org_id`, reach)} ORDER BY o.name`
		);
		const tokens = await rows<{ name: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }>(
			db,
			sql`SELECT name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ${account.id} AND ${inReach(sql`org_id`, reach)} ORDER BY created_at`
		);
		const [sessions] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${account.id} AND expires_at > ${now}`);
		const authored: { table: string; count: number }[] = [];
		for (const [table, column, orgColumn] of AUTHORED) {
			const scoped = reach && orgColumn ? sql`AND ${sql.identifier(orgColumn)} = ${reach.orgId}` : sql``;
			const [counted] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${account.id} ${scoped}`);
			if (counted.n) authored.push({ table, count: counted.n });
		}
		accounts.push({
			id: account.id,
			email: account.email,
			name: account.name,
			locale: account.locale,
			createdAt: iso(account.created_at),
			memberships: memberships.map((m) => ({ organisation: m.name, role: m.role, since: iso(m.created_at) })),
			apiTokens: tokens.map((t) => ({ name: t.name, createdAt: iso(t.created_at), lastUsedAt: iso(t.last_used_at), revokedAt: iso(t.revoked_at) })),
			activeSessions: sessions.n,
			authored
		});
	}
	const accountIds = accounts.map((a) => a.id);
	const byAccount = accountIds.length ? sql`a.user_id IN (${sql.join(accountIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;

	const invitations = await rows<{ name: string; role: string; created_at: Date; expires_at: Date; accepted_at: Date | null }>(
		db,
		sql`SELECT o.name, i.role, i.created_at, i.expires_at, i.accepted_at FROM org_invitations i JOIN organisations o ON o.id = i.org_id
			WHERE lower(i.email) = ${address} AND ${inReach(sql`i.org_id`, reach)} ORDER BY i.created_at`
	);
	const registrations = await rows<Record<string, unknown>>(
		db,
		sql`SELECT o.name AS organisation, m.title AS module, s.starts_at, r.name, r.email, r.organisation AS affiliation, r.group_key, r.accessibility_needs,
				r.answers, m.registration_questions, r.status, r.created_at, r.confirmed_at, r.cancelled_at, r.consented_at, r.attended
			FROM catalogue_registrations r JOIN catalogue_sessions s ON s.id = r.session_id JOIN catalogue_modules m ON m.id = s.module_id JOIN organisations o ON o.id = r.org_id
			WHERE lower(r.email) = ${address} AND r.anonymised_at IS NULL AND ${inReach(sql`r.org_id`, reach)} ORDER BY s.starts_at, r.seq`
	);
	const certificates = await rows<{ code: string; name: string; holder_name: string; module_title: string; issued_at: Date; revoked_at: Date | null }>(
		db,
		sql`SELECT c.code, o.name, c.holder_name, c.module_title, c.issued_at, c.revoked_at FROM catalogue_certificates c
			JOIN catalogue_registrations r ON r.id = c.registration_id JOIN organisations o ON o.id = c.org_id
			WHERE lower(r.email) = ${address} AND ${inReach(sql`c.org_id`, reach)} ORDER BY c.issued_at`
	);
	const mails = await rows<{ name: string | null; kind: string; subject: string; status: string; created_at: Date; sent_at: Date | null }>(
		db,
		sql`SELECT o.name, x.kind, x.subject, x.status, x.created_at, x.sent_at FROM outbox_mails x LEFT JOIN organisations o ON o.id = x.org_id
			WHERE lower(x.recipient) = ${address} AND ${reach ? sql`(x.org_id = ${reach.orgId} OR (x.org_id IS NULL AND ${accountIds.length > 0}))` : sql`true`} ORDER BY x.created_at`
	);
	const audit = await rows<{ name: string | null; event: string; created_at: Date; detail: Record<string, unknown> }>(
		db,
		sql`SELECT o.name, a.event, a.created_at, a.detail FROM audit_log a LEFT JOIN organisations o ON o.id = a.org_id
			WHERE (${byAccount} OR lower(a.detail->>'email') = ${address})
			AND ${reach ? sql`(a.org_id = ${reach.orgId} OR (a.org_id IS NULL AND ${byAccount}))` : sql`true`} ORDER BY a.id`
	);
	const studyInvitations = await rows<{ name: string; title: string; sent_on: string | null; reminded_on: string | null }>(
		db,
		sql`SELECT o.name, s.title, e.sent_on, e.reminded_on FROM invitation_emails e JOIN studies s ON s.id = e.study_id JOIN organisations o ON o.id = s.org_id
			WHERE lower(e.email) = ${address} AND ${inReach(sql`s.org_id`, reach)} ORDER BY s.title`
	);

	return {
		format: 'stadtwissen-auskunft',
		version: 1,
		createdAt: now.toISOString(),
		email: address,
		reach: { organisation },
		notes: EXPORT_NOTES,
		accounts,
		organisationInvitations: invitations.map((i) => ({ organisation: i.name, role: i.role, createdAt: iso(i.created_at), expiresAt: iso(i.expires_at), acceptedAt: iso(i.accepted_at) })),
		registrations: registrations.map((r) => ({
			organisation: String(r.organisation),
			module: String(r.module),
			startsAt: iso(r.starts_at),
			name: String(r.name),
			email: String(r.email),
			affiliation: String(r.affiliation),
			group: String(r.group_key),
			accessibilityNeeds: String(r.accessibility_needs),
			answers: answerColumns((r.registration_questions ?? []) as RegistrationQuestion[], r.answers as Record<string, string>)
				.filter((a) => a.answer !== '')
				.map((a) => ({ question: a.label, answer: a.answer })),
			status: String(r.status),
			createdAt: iso(r.created_at),
			confirmedAt: iso(r.confirmed_at),
			cancelledAt: iso(r.cancelled_at),
			consentedAt: iso(r.consented_at),
			attended: Boolean(r.attended)
		})),
		certificates: certificates.map((c) => ({ code: c.code, organisation: c.name, holderName: c.holder_name, module: c.module_title, issuedAt: iso(c.issued_at), revokedAt: iso(c.revoked_at) })),
		mails: mails.map((m) => ({ organisation: m.name, kind: m.kind, subject: m.subject, status: m.status, createdAt: iso(m.created_at), sentAt: iso(m.sent_at) })),
		auditEntries: audit.map((a) => ({ organisation: a.name, event: a.event, createdAt: iso(a.created_at), detail: a.detail })),
		studyInvitations: studyInvitations.map((s) => ({ organisation: s.name, study: s.title, sentOn: iso(s.sent_on), remindedOn: iso(s.reminded_on) })),
		werkstattDisplayNames: []
	};
}
