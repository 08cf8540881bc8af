import { dayAndTime, spans } from '../../format/berlin-time';
import type { SessionPart } from '../db/schema';
import type { Mail } from '../mail/send-mail';

/*
 * The mails of the registration journey, in plain German ("Sie", short sentences, the most
 * important thing first). Most carry the person's own link; the three that do not say so.
 */

export interface MailContext {
	orgId: string;
	orgName: string;
	moduleTitle: string;
	parts: SessionPart[];
	location: string;
	onlineUrl: string;
	baseUrl: string;
}

export interface Person {
	name: string;
	email: string;
}

/** A registrant's personal page. */
export const registrationLink = (baseUrl: string, token: string) => `${baseUrl}/katalog/anmeldung/${token}`;
const manageLink = (ctx: MailContext, token: string) => registrationLink(ctx.baseUrl, token);
const when = (ctx: MailContext) => spans('de', ctx.parts);
const where = (ctx: MailContext) => [ctx.location, ctx.onlineUrl].filter(Boolean).join(' – ');
const greeting = (person: Person) => `Guten Tag ${person.name},`;
const signature = (ctx: MailContext) => ['', 'Freundliche Grüße', ctx.orgName];

/** A registration mail; `carriesLink` when it holds the person's own link (then its body is never stored). */
function mail(ctx: MailContext, person: Person, subject: string, lines: string[], carriesLink = true): Mail {
	return { orgId: ctx.orgId, kind: 'registration', carriesLink, to: person.email, subject, body: [greeting(person), '', ...lines, ...signature(ctx)].join('\n') };
}

export function pendingMail(ctx: MailContext, person: Person, token: string, holdUntil: Date): Mail {
	return mail(ctx, person, `Bitte bestätigen Sie Ihre Anmeldung: ${ctx.moduleTitle}`, [
		`Sie haben sich für „${ctx.moduleTitle}“ angemeldet.`,
		`Termin: ${when(ctx)}`,
		`Ort: ${where(ctx)}`,
		'',
		`Bitte bestätigen Sie Ihre Anmeldung bis ${dayAndTime('de', holdUntil)}. Erst dann ist Ihr Platz sicher. Klicken Sie dazu auf diesen Link:`,
		manageLink(ctx, token),
		'',
		'Über denselben Link können Sie sich auch wieder abmelden.',
		'Sie haben sich nicht angemeldet? Dann müssen Sie nichts tun. Ohne Bestätigung löschen wir die Anmeldung.'
	]);
}

export function waitlistMail(ctx: MailContext, person: Person, token: string, position: number, offerWindowHours: number, confirmed: boolean): Mail {
	return mail(ctx, person, `Warteliste: ${ctx.moduleTitle}`, [
		`Der Termin von „${ctx.moduleTitle}“ ist leider voll. Sie stehen auf Platz ${position} der Warteliste.`,
		`Termin: ${when(ctx)}`,
		'',
		...(confirmed
			? []
			: ['Bitte bestätigen Sie innerhalb von 48 Stunden, dass Sie auf der Warteliste stehen möchten. Klicken Sie dazu auf diesen Link:', manageLink(ctx, token), '']),
		`Wird ein Platz frei, schreiben wir Ihnen. Sie haben dann ${offerWindowHours} Stunden Zeit, den Platz anzunehmen.`,
		...(confirmed ? ['Über diesen Link können Sie sich von der Warteliste abmelden:', manageLink(ctx, token)] : ['Über denselben Link können Sie sich auch von der Warteliste abmelden.'])
	]);
}

export function offerMail(ctx: MailContext, person: Person, token: string, holdUntil: Date): Mail {
	return mail(ctx, person, `Ein Platz ist frei: ${ctx.moduleTitle}`, [
		`Gute Nachricht: Für „${ctx.moduleTitle}“ ist ein Platz frei geworden. Er ist für Sie reserviert.`,
		`Termin: ${when(ctx)}`,
		`Ort: ${where(ctx)}`,
		'',
		`Bitte nehmen Sie den Platz bis ${dayAndTime('de', holdUntil)} an. Danach geht er an die nächste Person auf der Warteliste. Klicken Sie dazu auf diesen Link:`,
		manageLink(ctx, token),
		'',
		'Sie möchten nicht mehr teilnehmen? Dann melden Sie sich über denselben Link ab.'
	]);
}

export function confirmedMail(ctx: MailContext, person: Person, token: string, calendarUrl: string): Mail {
	return mail(ctx, person, `Ihre Anmeldung ist bestätigt: ${ctx.moduleTitle}`, [
		`Ihr Platz für „${ctx.moduleTitle}“ ist sicher. Wir freuen uns auf Sie.`,
		`Termin: ${when(ctx)}`,
		`Ort: ${where(ctx)}`,
		'',
		`Den Termin für Ihren Kalender finden Sie hier: ${calendarUrl}`,
		'',
		'Für den Einlass: Auf Ihrer Anmeldeseite (Link unten) steht ein QR-Code. Zeigen Sie ihn bitte am Einlass vor.',
		'',
		'Sie können doch nicht teilnehmen? Bitte melden Sie sich über diesen Link ab. Dann bekommt eine andere Person Ihren Platz:',
		manageLink(ctx, token)
	]);
}

export function cancelledMail(ctx: MailContext, person: Person, byOrganiser: boolean): Mail {
	return mail(ctx, person, `Abmeldung: ${ctx.moduleTitle}`, [
		byOrganiser
			? `Ihre Anmeldung für „${ctx.moduleTitle}“ am ${when(ctx)} wurde vom Veranstalter storniert. Bei Fragen antworten Sie bitte auf diese E-Mail.`
			: `Sie haben sich von „${ctx.moduleTitle}“ am ${when(ctx)} abgemeldet. Danke, dass Sie Ihren Platz freigegeben haben.`
	], false);
}

export function offerExpiredMail(ctx: MailContext, person: Person): Mail {
	return mail(ctx, person, `Platzangebot abgelaufen: ${ctx.moduleTitle}`, [
		`Sie haben den freien Platz für „${ctx.moduleTitle}“ nicht rechtzeitig angenommen. Er ist jetzt an die nächste Person gegangen.`,
		'Sie möchten trotzdem teilnehmen? Dann melden Sie sich bitte für einen anderen Termin an.'
	], false);
}

export function sessionCancelledMail(ctx: MailContext, person: Person): Mail {
	return mail(ctx, person, `Termin fällt aus: ${ctx.moduleTitle}`, [
		`Der Termin von „${ctx.moduleTitle}“ am ${when(ctx)} fällt leider aus.`,
		'Ihre Anmeldung ist damit erledigt. Weitere Termine finden Sie im Fortbildungskatalog:',
		`${ctx.baseUrl}/katalog`
	], false);
}

export function movedMail(ctx: MailContext, person: Person, token: string): Mail {
	return mail(ctx, person, `Neuer Termin: ${ctx.moduleTitle}`, [
		`Ihre Anmeldung für „${ctx.moduleTitle}“ wurde auf einen anderen Termin verlegt.`,
		`Neuer Termin: ${when(ctx)}`,
		`Ort: ${where(ctx)}`,
		'',
		'Alles zu Ihrer Anmeldung, auch die Abmeldung, finden Sie hier:',
		manageLink(ctx, token)
	]);
}

export function duplicateMail(ctx: MailContext, person: Person, token: string): Mail {
	return mail(ctx, person, `Ihre Anmeldung: ${ctx.moduleTitle}`, [
		`Mit Ihrer E-Mail-Adresse gibt es schon eine Anmeldung für „${ctx.moduleTitle}“ am ${when(ctx)}.`,
		'Hier sehen Sie, wie es um Ihre Anmeldung steht. Dort können Sie sie auch bestätigen oder sich abmelden:',
		manageLink(ctx, token)
	]);
}

export function registeredByOrganiserMail(ctx: MailContext, person: Person, token: string, calendarUrl: string, waitlisted: boolean, position?: number): Mail {
	return mail(ctx, person, waitlisted ? `Warteliste: ${ctx.moduleTitle}` : `Ihre Anmeldung: ${ctx.moduleTitle}`, [
		waitlisted
			? `${ctx.orgName} hat Sie für „${ctx.moduleTitle}“ angemeldet. Der Termin ist voll: Sie stehen auf Platz ${position ?? 1} der Warteliste. Wird ein Platz frei, schreiben wir Ihnen.`
			: `${ctx.orgName} hat Sie für „${ctx.moduleTitle}“ angemeldet. Ihr Platz ist sicher.`,
		`Termin: ${when(ctx)}`,
		`Ort: ${where(ctx)}`,
		...(waitlisted ? [] : ['', `Den Termin für Ihren Kalender finden Sie hier: ${calendarUrl}`, 'Für den Einlass: Auf Ihrer Anmeldeseite (Link unten) steht ein QR-Code. Zeigen Sie ihn bitte am Einlass vor.']),
		'',
		'Sie möchten nicht teilnehmen? Dann melden Sie sich bitte über diesen Link ab:',
		manageLink(ctx, token)
	]);
}

export function feedbackRequestMail(ctx: MailContext, person: Person, token: string): Mail {
	return mail(ctx, person, `Ihre Meinung zu: ${ctx.moduleTitle}`, [
		`Danke, dass Sie an „${ctx.moduleTitle}“ teilgenommen haben.`,
		'Wie war es? Ihre Rückmeldung hilft uns, die Fortbildung zu verbessern. Sie dauert zwei Minuten und ist anonym: Wir sehen nicht, wer was geantwortet hat.',
		manageLink(ctx, token)
	]);
}

export function certificateMail(ctx: MailContext, person: Person, token: string): Mail {
	return mail(ctx, person, `Ihre Teilnahmebescheinigung: ${ctx.moduleTitle}`, [
		`Danke für Ihre Teilnahme an „${ctx.moduleTitle}“. Ihre Teilnahmebescheinigung liegt für Sie bereit:`,
		`${manageLink(ctx, token)}/bescheinigung.pdf`,
		'',
		'Auf der Bescheinigung steht ein Prüflink. Damit kann jede Person sehen, dass die Bescheinigung echt ist.'
	]);
}

/** The organiser's own message to a session's registrants (no personal link: the body may be kept until SMTP took it). */
export function registrantMessageMail(ctx: MailContext, person: Person, subject: string, text: string): Mail {
	return mail(ctx, person, `${subject} – ${ctx.moduleTitle}`, [text, '', `Sie bekommen diese Nachricht, weil Sie für „${ctx.moduleTitle}“ am ${when(ctx)} angemeldet sind.`], false);
}

const NOTICE_STATUS: Record<string, string> = {
	pending_confirmation: 'Platz reserviert, die E-Mail-Adresse ist noch nicht bestätigt',
	waitlisted: 'auf der Warteliste',
	confirmed: 'bestätigt'
};

/** The organisers' notice of a new registration (the module's setting): name and status, no address. */
export function organiserNoticeMail(ctx: MailContext, sessionId: string, recipient: Person, registration: { name: string; status: string }): Mail {
	const title = ctx.moduleTitle;
	return {
		orgId: ctx.orgId,
		kind: 'general',
		carriesLink: false,
		to: recipient.email,
		subject: `Neue Anmeldung: ${title}`,
		body: [
			greeting(recipient),
			'',
			`${registration.name} hat sich für „${title}“ am ${when(ctx)} angemeldet (${NOTICE_STATUS[registration.status] ?? registration.status}).`,
			'',
			'Alle Anmeldungen dieses Termins:',
			`${ctx.baseUrl}/app/katalog/termin/${sessionId}#anmeldungen`,
			'',
			'Diese Benachrichtigung schalten Sie im Modul unter „Bearbeiten“ → „Benachrichtigung“ aus.'
		].join('\n')
	};
}
