import { z } from 'zod';
import { MAX_QUESTION_OPTIONS, MAX_REGISTRATION_QUESTIONS, QUESTION_KINDS } from '../domain/catalogue/registration-questions';
import { COMPETENCE_LEVEL_KEYS, MODULE_FORMAT_KEYS, MODULE_LANGUAGE_KEYS, PRINCIPLE_KEYS, SECTOR_KEYS, TARGET_GROUP_KEYS } from '../components/catalogue/keys';

/*
 * The catalogue's vocabulary and the zod schemas shared by the API and the forms. Enum values are
 * English and lower-case (API convention); the UI shows German labels from catalogue-messages.ts.
 */

export const MODULE_FORMATS = MODULE_FORMAT_KEYS;
export type ModuleFormat = (typeof MODULE_FORMATS)[number];

export const COMPETENCE_LEVELS = COMPETENCE_LEVEL_KEYS;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

/** The stakeholder groups of the product (the studies' default group keys). */
export const TARGET_GROUPS = TARGET_GROUP_KEYS;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const SECTORS = SECTOR_KEYS;
export type Sector = (typeof SECTORS)[number];

export const MODULE_LANGUAGES = MODULE_LANGUAGE_KEYS;
export type ModuleLanguage = (typeof MODULE_LANGUAGES)[number];

export const MODULE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];

export const SESSION_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const CHARTER_PRINCIPLES = PRINCIPLE_KEYS;

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 20_000;
export const MAX_FACILITATORS = 12;
export const MAX_PARTS = 10;

const listOf = (what: string) => `Hier wird eine Liste erwartet (${what}).`;
const oneOf = (values: readonly string[]) => `Erlaubt sind: ${values.join(', ')}.`;

/** Plain German for whatever a field's own message does not cover (wrong types, unknown values). */
export const germanFallback: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined) return 'Das Feld fehlt.';
			return issue.expected === 'string'
				? 'Hier wird ein Text erwartet.'
				: issue.expected === 'number' || issue.expected === 'int'
					? 'Hier wird eine Zahl erwartet.'
					: issue.expected === 'array'
						? 'Hier wird eine Liste erwartet.'
						: issue.expected === 'boolean'
							? 'Hier wird true oder false erwartet.'
							: issue.expected === 'object'
								? 'Hier wird ein Objekt erwartet.'
								: `Hier wird ${issue.expected} erwartet.`;
		case 'invalid_value':
			return `Ungültiger Wert. ${oneOf(issue.values.map(String))}`;
		case 'too_big':
			return issue.origin === 'string' ? `Höchstens ${issue.maximum} Zeichen.` : issue.origin === 'array' ? `Höchstens ${issue.maximum} Einträge.` : `Höchstens ${issue.maximum}.`;
		case 'too_small':
			return issue.origin === 'string' ? 'Bitte füllen Sie das Feld aus.' : issue.origin === 'array' ? `Mindestens ${issue.minimum} Einträge.` : `Mindestens ${issue.minimum}.`;
		case 'invalid_format':
			return 'Das Format ist ungültig.';
		case 'unrecognized_keys':
			return `Unbekanntes Feld: ${issue.keys.join(', ')}.`;
		default:
			return 'Ungültiger Wert.';
	}
};

const text = (label: string, max: number) =>
	z.string({ error: `${label}: Hier wird ein Text erwartet.` }).trim().max(max, `${label} darf höchstens ${max.toLocaleString('de-DE')} Zeichen lang sein.`);

const unique = <T>(items: T[]) => new Set(items).size === items.length;

export const facilitatorSchema = z.object({
	name: text('Der Name', 120).min(1, 'Bitte geben Sie den Namen der Referent*in ein.'),
	organisation: text('Die Organisation', 200).default(''),
	sector: z.enum(SECTORS, { error: `Bitte wählen Sie einen Bereich. ${oneOf(SECTORS)}` }),
	bio: text('Die Kurzbiografie', 1500).default('')
});
export type FacilitatorInput = z.infer<typeof facilitatorSchema>;

export const moduleCompetenceSchema = z.object({
	code: text('Der Code', 100).min(1, 'Bitte geben Sie den Code der Kompetenz an, z. B. A3.2.'),
	level: z.enum(COMPETENCE_LEVELS, { error: `Bitte wählen Sie eine Stufe. ${oneOf(COMPETENCE_LEVELS)}` })
});

/** A module's own registration question; `id` only for a question the module already has (editing keeps its answers). */
export const registrationQuestionSchema = z
	.object({
		id: z.string({ error: 'Die Kennung der Frage muss ein Text sein.' }).max(40, 'Unbekannte Kennung der Frage.').optional(),
		label: text('Die Frage', 200).min(1, 'Bitte geben Sie den Text der Frage ein.'),
		kind: z.enum(QUESTION_KINDS, { error: 'Die Art der Frage ist „text“ (kurzer Text) oder „choice“ (Auswahl aus einer Liste).' }),
		required: z.boolean({ error: 'Pflichtfrage: Hier wird true oder false erwartet.' }).default(false),
		options: z
			.array(text('Eine Antwortmöglichkeit', 100).min(1, 'Eine Antwortmöglichkeit ist leer.'), { error: listOf('Antwortmöglichkeiten') })
			.max(MAX_QUESTION_OPTIONS, `Höchstens ${MAX_QUESTION_OPTIONS} Antwortmöglichkeiten.`)
			.refine(unique, 'Jede Antwortmöglichkeit darf nur einmal vorkommen.')
			.default([])
	})
	.refine((q) => q.kind === 'text' || q.options.length >= 2, { message: 'Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten (eine je Zeile).', path: ['options'] });

/** A module as the API receives it; the form is turned into the same shape. */
export const moduleInputSchema = z.object({
	title: text('Der Titel', MAX_TITLE).min(1, 'Bitte geben Sie einen Titel ein.'),
	subtitle: text('Der Untertitel', 300).default(''),
	description: z
		.string({ error: 'Die Beschreibung muss ein Text sein.' })
		.max(MAX_DESCRIPTION, `Die Beschreibung darf höchstens ${MAX_DESCRIPTION.toLocaleString('de-DE')} Zeichen lang sein.`)
		.default(''),
	learningGoals: z
		.array(text('Ein Lernziel', 300).min(1, 'Ein Lernziel ist leer.'), { error: listOf('Lernziele') })
		.max(20, 'Höchstens 20 Lernziele.')
		.default([]),
	format: z.enum(MODULE_FORMATS, { error: `Bitte wählen Sie ein Format. ${oneOf(MODULE_FORMATS)}` }),
	durationMinutes: z
		.number({ error: 'Die Dauer wird in Minuten als ganze Zahl angegeben.' })
		.int('Die Dauer wird in ganzen Minuten angegeben.')
		.min(15, 'Die Dauer muss mindestens 15 Minuten betragen.')
		.max(60 * 24 * 60, 'Die Dauer ist zu lang.')
		.nullable()
		.default(null),
	language: z.enum(MODULE_LANGUAGES, { error: `Bitte wählen Sie eine Sprache. ${oneOf(MODULE_LANGUAGES)}` }).default('de'),
	targetGroups: z
		.array(z.enum(TARGET_GROUPS, { error: `Unbekannte Zielgruppe. ${oneOf(TARGET_GROUPS)}` }), { error: listOf('Zielgruppen') })
		.refine(unique, 'Jede Zielgruppe darf nur einmal vorkommen.')
		.default([]),
	frameworkId: z.uuid({ error: 'Unbekannter Kompetenzrahmen.' }).optional(),
	competences: z
		.array(moduleCompetenceSchema, { error: listOf('Kompetenzen') })
		.max(60, 'Höchstens 60 Kompetenzen.')
		.refine((items) => unique(items.map((item) => item.code)), 'Jede Kompetenz darf nur einmal vorkommen.')
		.default([]),
	facilitators: z.array(facilitatorSchema, { error: listOf('Referent*innen') }).max(MAX_FACILITATORS, `Höchstens ${MAX_FACILITATORS} Referent*innen.`).default([]),
	priceCents: z
		.number({ error: 'Der Preis wird in Cent als ganze Zahl angegeben (0 = kostenfrei).' })
		.int('Der Preis wird in ganzen Cent angegeben.')
		.min(0, 'Der Preis darf nicht negativ sein.')
		.max(10_000_000, 'Der Preis ist zu hoch.')
		.default(0),
	status: z.enum(['draft', 'published'], { error: 'Der Status ist „draft“ oder „published“.' }).default('draft'),
	retentionMonths: z
		.number({ error: 'Die Aufbewahrungsfrist wird in Monaten angegeben.' })
		.int('Die Aufbewahrungsfrist wird in ganzen Monaten angegeben.')
		.min(1, 'Die Aufbewahrungsfrist beträgt mindestens einen Monat.')
		.max(120, 'Die Aufbewahrungsfrist beträgt höchstens 120 Monate.')
		.nullable()
		.default(null),
	registrationQuestions: z
		.array(registrationQuestionSchema, { error: listOf('Fragen zur Anmeldung') })
		.max(MAX_REGISTRATION_QUESTIONS, `Höchstens ${MAX_REGISTRATION_QUESTIONS} eigene Fragen zur Anmeldung.`)
		.default([]),
	/** Mail the organisation's organisers on each new registration (off unless chosen). */
	notifyOnRegistration: z.boolean({ error: 'Benachrichtigung: Hier wird true oder false erwartet.' }).default(false)
});
export type ModuleInput = z.infer<typeof moduleInputSchema>;

const isoDateTime = (label: string) =>
	z.iso.datetime({ offset: true, error: `${label}: Bitte geben Sie Datum und Uhrzeit nach ISO 8601 mit Zeitzone an, z. B. 2027-03-18T09:00:00+01:00.` }).transform((value) => new Date(value));

const partSchema = z
	.object({ start: isoDateTime('Beginn'), end: isoDateTime('Ende') })
	.refine((part) => part.end > part.start, { message: 'Das Ende muss nach dem Beginn liegen.', path: ['end'] });

const url = z
	.string({ error: 'Der Link muss ein Text sein.' })
	.trim()
	.max(500, 'Der Link darf höchstens 500 Zeichen lang sein.')
	.refine((value) => value === '' || /^https?:\/\/[^\s<>"]+$/i.test(value), 'Der Link muss mit https:// oder http:// beginnen.')
	.default('');

/** A session as the API receives it: one span (`start`/`end`) or several `parts` for separate days. */
export const sessionInputSchema = z
	.object({
		start: isoDateTime('Beginn').optional(),
		end: isoDateTime('Ende').optional(),
		parts: z.array(partSchema, { error: listOf('Termine') }).min(1, 'Mindestens ein Termin ist nötig.').max(MAX_PARTS, `Höchstens ${MAX_PARTS} Termine.`).optional(),
		location: text('Der Ort', 300).default(''),
		onlineUrl: url,
		capacity: z
			.number({ error: 'Die Zahl der Plätze muss eine ganze Zahl sein.' })
			.int('Die Zahl der Plätze muss eine ganze Zahl sein.')
			.min(1, 'Es muss mindestens einen Platz geben.')
			.max(10_000, 'Höchstens 10.000 Plätze.'),
		registrationDeadline: isoDateTime('Anmeldeschluss').nullable().default(null),
		note: text('Der Hinweis', 2000).default('')
	})
	.superRefine((value, context) => {
		if (value.parts) {
			if (value.start || value.end) context.addIssue({ code: 'custom', path: ['parts'], message: 'Bitte geben Sie entweder „start“ und „end“ oder „parts“ an, nicht beides.' });
			return;
		}
		if (!value.start) context.addIssue({ code: 'custom', path: ['start'], message: 'Bitte geben Sie den Beginn an.' });
		if (!value.end) context.addIssue({ code: 'custom', path: ['end'], message: 'Bitte geben Sie das Ende an.' });
		if (value.start && value.end && value.end <= value.start) context.addIssue({ code: 'custom', path: ['end'], message: 'Das Ende muss nach dem Beginn liegen.' });
	})
	.superRefine((value, context) => {
		if (!value.location && !value.onlineUrl) context.addIssue({ code: 'custom', path: ['location'], message: 'Bitte geben Sie einen Ort oder einen Online-Link an.' });
	})
	.transform(({ start, end, parts, ...rest }) => ({
		...rest,
		parts: (parts ?? [{ start: start!, end: end! }]).slice().sort((a, b) => a.start.getTime() - b.start.getTime())
	}));
export type SessionInput = z.infer<typeof sessionInputSchema>;

const email = z
	.string({ error: 'Bitte geben Sie Ihre E-Mail-Adresse ein.' })
	.trim()
	.min(1, 'Bitte geben Sie Ihre E-Mail-Adresse ein.')
	.max(254, 'Die E-Mail-Adresse ist zu lang.')
	.pipe(z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.' }));

/** A registration (public form, API, or an organiser registering someone). */
export const registrationInputSchema = z.object({
	name: text('Der Name', 120).min(1, 'Bitte geben Sie Ihren Namen ein.'),
	email,
	organisation: text('Die Organisation', 200).default(''),
	group: z.enum(TARGET_GROUPS, { error: 'Bitte wählen Sie, zu welcher Gruppe Sie gehören.' }),
	accessibilityNeeds: text('Die Angabe zur Barrierefreiheit', 1000).default(''),
	/** Answers to the module's own questions, by question id (checked against the module's questions when registering). */
	answers: z.record(z.string(), z.string({ error: 'Eine Antwort muss ein Text sein.' }), { error: 'Die Antworten werden als Objekt (Frage-Kennung → Antwort) erwartet.' }).default({})
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const feedbackInputSchema = z.object({
	overall: z.coerce
		.number({ error: 'Bitte wählen Sie, wie zufrieden Sie insgesamt sind.' })
		.int('Bitte wählen Sie einen Wert von 1 bis 5.')
		.min(1, 'Bitte wählen Sie einen Wert von 1 bis 5.')
		.max(5, 'Bitte wählen Sie einen Wert von 1 bis 5.'),
	usefulness: z.coerce
		.number({ error: 'Bitte wählen Sie, wie nützlich das Gelernte für Sie ist.' })
		.int('Bitte wählen Sie einen Wert von 1 bis 5.')
		.min(1, 'Bitte wählen Sie einen Wert von 1 bis 5.')
		.max(5, 'Bitte wählen Sie einen Wert von 1 bis 5.'),
	takeaway: text('Der Text', 2000).default(''),
	improve: text('Der Text', 2000).default('')
});
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;

export const catalogueSettingsSchema = z.object({
	retentionMonths: z.coerce
		.number({ error: 'Bitte geben Sie die Frist in Monaten an.' })
		.int('Bitte geben Sie ganze Monate an.')
		.min(1, 'Die Frist beträgt mindestens einen Monat.')
		.max(120, 'Die Frist beträgt höchstens 120 Monate.'),
	offerWindowHours: z.coerce
		.number({ error: 'Bitte geben Sie die Zeit in Stunden an.' })
		.int('Bitte geben Sie ganze Stunden an.')
		.min(2, 'Mindestens 2 Stunden.')
		.max(168, 'Höchstens 168 Stunden (eine Woche).')
});

/** POST /api/v1/sessions/{id}/registrations: a registration, and whether the client showed the consent text. */
export const apiRegistrationSchema = registrationInputSchema.extend({
	/** The client must have shown the consent text; `false` is refused. */
	consent: z
		.boolean({ error: 'consent ist true oder false.' })
		.optional()
		.refine((consent) => consent !== false, 'Ohne Zustimmung zur Verarbeitung der Angaben ist keine Anmeldung möglich.')
});

// The organiser's small forms on a session's page.

export const sessionStatusForm = z
	.object({ status: z.enum(SESSION_STATUSES, { message: 'Unbekannter Status.' }), confirm: z.string().optional() })
	.refine((v) => v.status !== 'cancelled' || v.confirm === 'yes', { message: 'Bitte bestätigen Sie, dass der Termin ausfällt.', path: ['confirm'] });

export const registrationIdForm = z.object({ registrationId: z.uuid('Unbekannte Anmeldung.') });

export const moveRegistrationForm = registrationIdForm.extend({ targetSessionId: z.uuid('Bitte wählen Sie einen Termin.') });

/** Erasing a person's data cannot be undone: the form's second step sends `confirm=yes`. */
export const eraseRegistrationForm = registrationIdForm
	.extend({ confirm: z.string().optional() })
	.refine((v) => v.confirm === 'yes', { message: 'Bitte bestätigen Sie, dass die Daten endgültig gelöscht werden sollen.', path: ['confirm'] });

/** A registrant's own cancellation, confirmed in a second step (`confirm=yes`). */
export const cancelOwnRegistrationForm = z
	.object({ confirm: z.string().optional() })
	.refine((v) => v.confirm === 'yes', { message: 'Bitte bestätigen Sie die Abmeldung.', path: ['confirm'] });

/** Issuing certificates: `mail=yes` also mails each one. */
export const issueCertificatesForm = z.object({ mail: z.string().optional().transform((mail) => mail === 'yes') });

/** A JSON body the use case validates itself, once it knows what the body is for (e.g. after a 404 check). */
export const unvalidatedBody = z.json();

/**
 * A message to a session's registrants: subject and text, whether the waiting list gets it too,
 * and `confirm=yes` from the second step (which showed how many people will receive it).
 */
export const registrantMessageForm = z.object({
	subject: text('Der Betreff', 150).min(1, 'Bitte geben Sie einen Betreff ein.'),
	text: text('Der Text', 5000).min(1, 'Bitte schreiben Sie einen Text.'),
	includeWaitlist: z
		.string()
		.optional()
		.transform((value) => value === 'yes'),
	confirm: z.string().optional(),
	/** The number of recipients the organiser confirmed (the form's hidden field); absent: not checked. */
	recipients: z
		.string()
		.optional()
		.transform((value) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined))
});
export type RegistrantMessageInput = z.infer<typeof registrantMessageForm>;

/** The check-in button: the registration comes from the scanned link, the form carries nothing else. */
export const checkInForm = z.object({});
