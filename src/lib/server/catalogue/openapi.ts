import { CHARTER_PRINCIPLES, COMPETENCE_LEVELS, MODULE_FORMATS, MODULE_LANGUAGES, SECTORS, TARGET_GROUPS } from '../../schemas/catalogue';
import { bearer, bilingualText, errorDoc, errorRef, jsonContent, uuidParameter } from '../openapi/helpers';

const dateTime = { type: 'string', format: 'date-time', description: 'ISO 8601 mit Zeitzone, z. B. 2027-03-18T09:00:00+01:00' };
const created = { description: 'Angelegt', content: jsonContent({ type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } }) };

const session = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		start: dateTime,
		end: dateTime,
		parts: { type: 'array', description: 'Die einzelnen Tage eines mehrtägigen Termins', items: { type: 'object', properties: { start: dateTime, end: dateTime } } },
		location: { type: 'string' },
		onlineUrl: { type: ['string', 'null'] },
		capacity: { type: 'integer' },
		freeSeats: { type: 'integer', description: 'Plätze, die eine neue Anmeldung sofort bekäme (ohne Warteliste davor)' },
		waitlist: { type: 'integer' },
		status: { enum: ['open', 'closed', 'cancelled'] },
		registrationOpen: { type: 'boolean' },
		registrationDeadline: { ...dateTime, type: ['string', 'null'] },
		note: { type: 'string' },
		calendarUrl: { type: 'string', format: 'uri' },
		registrationUrl: { type: 'string', format: 'uri' }
	}
};

/** A module's own questions on the registration form (the same shape in and out). */
const registrationQuestions = {
	type: 'array',
	maxItems: 5,
	description: 'Eigene Fragen des Moduls im Anmeldeformular (z. B. „Essenswünsche“, „Fachbereich“); die Antworten kommen als `answers` mit der Anmeldung',
	items: {
		type: 'object',
		required: ['label', 'kind'],
		properties: {
			id: { type: 'string', description: 'Beim Ändern die Kennung einer bestehenden Frage, damit ihre Antworten bleiben; neue Fragen ohne' },
			label: { type: 'string', maxLength: 200 },
			kind: { enum: ['text', 'choice'] },
			required: { type: 'boolean', default: false },
			options: { type: 'array', maxItems: 12, items: { type: 'string', maxLength: 100 }, description: 'Bei `choice` mindestens zwei' }
		}
	}
};

const module = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		organisation: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } },
		title: { type: 'string' },
		subtitle: { type: 'string', description: 'Untertitel oder Leitfrage' },
		description: { type: 'string', description: 'HTML, bereinigt (p, br, strong, em, ul, ol, li, a, h3, h4, blockquote)' },
		learningGoals: { type: 'array', items: { type: 'string' } },
		format: { enum: MODULE_FORMATS },
		durationMinutes: { type: ['integer', 'null'] },
		language: { enum: MODULE_LANGUAGES },
		targetGroups: { type: 'array', items: { enum: TARGET_GROUPS } },
		frameworkId: { type: ['string', 'null'], format: 'uuid' },
		competences: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, level: { enum: COMPETENCE_LEVELS }, title: bilingualText, principles: { type: 'array', items: { enum: CHARTER_PRINCIPLES } } } } },
		facilitators: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, organisation: { type: 'string' }, sector: { enum: SECTORS }, bio: { type: 'string' }, photoUrl: { type: ['string', 'null'] } } } },
		priceCents: { type: 'integer', description: '0 = kostenfrei' },
		registrationQuestions,
		free: { type: 'boolean' },
		status: { enum: ['draft', 'published', 'archived'] },
		publishedAt: { ...dateTime, type: ['string', 'null'] },
		url: { type: 'string', format: 'uri' },
		sessions: { type: 'array', items: session }
	}
};

const filters = [
	{ name: 'org', in: 'query', description: 'Kurzname (slug) einer Organisation', schema: { type: 'string' } },
	{ name: 'competence', in: 'query', description: 'Kompetenz-Code, z. B. A3.4', schema: { type: 'string' } },
	{ name: 'principle', in: 'query', description: 'Grundsatz der Neuen Leipzig-Charta', schema: { enum: CHARTER_PRINCIPLES } },
	{ name: 'format', in: 'query', schema: { enum: MODULE_FORMATS } },
	{ name: 'group', in: 'query', description: 'Zielgruppe', schema: { enum: TARGET_GROUPS } },
	{ name: 'from', in: 'query', description: 'Termine ab diesem Tag (Europe/Berlin)', schema: { type: 'string', format: 'date' } },
	{ name: 'to', in: 'query', description: 'Termine bis einschließlich diesem Tag', schema: { type: 'string', format: 'date' } },
	{ name: 'place', in: 'query', description: 'Teil des Ortes; „online“ findet Online-Termine', schema: { type: 'string' } },
	{ name: 'free', in: 'query', description: 'Nur Termine mit freien Plätzen und offener Anmeldung', schema: { type: 'boolean' } }
];

const moduleInput = {
	type: 'object',
	required: ['title', 'format'],
	properties: {
		title: { type: 'string', maxLength: 200 },
		subtitle: { type: 'string', maxLength: 300 },
		description: { type: 'string', maxLength: 20000, description: 'Text mit Leerzeilen als Absätzen, „- “ für Listen, **fett**, oder HTML; wird bereinigt' },
		learningGoals: { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 20 },
		format: { enum: MODULE_FORMATS },
		durationMinutes: { type: ['integer', 'null'], minimum: 15 },
		language: { enum: MODULE_LANGUAGES, default: 'de' },
		targetGroups: { type: 'array', items: { enum: TARGET_GROUPS } },
		frameworkId: { type: 'string', format: 'uuid', description: 'Standard: der neueste eigene Kompetenzrahmen, sonst die Vorlage' },
		competences: { type: 'array', items: { type: 'object', required: ['code', 'level'], properties: { code: { type: 'string', examples: ['A3.2'] }, level: { enum: COMPETENCE_LEVELS } } } },
		facilitators: { type: 'array', maxItems: 12, items: { type: 'object', required: ['name', 'sector'], properties: { name: { type: 'string' }, organisation: { type: 'string' }, sector: { enum: SECTORS }, bio: { type: 'string' } } } },
		priceCents: { type: 'integer', minimum: 0, default: 0 },
		status: { enum: ['draft', 'published'], default: 'draft' },
		retentionMonths: { type: ['integer', 'null'], minimum: 1, maximum: 120, description: 'Eigene Aufbewahrungsfrist für Anmeldungen; sonst die der Organisation (Standard 12)' },
		registrationQuestions,
		notifyOnRegistration: { type: 'boolean', default: false, description: 'Bei jeder neuen Anmeldung (Formular oder API) die Organisator*innen und Inhaber*innen per E-Mail benachrichtigen' }
	}
};

const sessionInput = {
	type: 'object',
	required: ['capacity'],
	description: 'Entweder `start` und `end` (ein Block, darf über Mitternacht gehen) oder `parts` (mehrere Tage). `location` oder `onlineUrl` ist nötig.',
	properties: {
		start: dateTime,
		end: dateTime,
		parts: { type: 'array', maxItems: 10, items: { type: 'object', required: ['start', 'end'], properties: { start: dateTime, end: dateTime } } },
		location: { type: 'string', maxLength: 300 },
		onlineUrl: { type: 'string', format: 'uri' },
		capacity: { type: 'integer', minimum: 1, maximum: 10000 },
		registrationDeadline: { ...dateTime, type: ['string', 'null'] },
		note: { type: 'string', maxLength: 2000 }
	}
};

const registrationInput = {
	type: 'object',
	required: ['name', 'email', 'group'],
	properties: {
		name: { type: 'string', maxLength: 120 },
		email: { type: 'string', format: 'email' },
		organisation: { type: 'string', maxLength: 200 },
		group: { enum: TARGET_GROUPS, description: 'Gruppenschlüssel wie in den Analysen' },
		accessibilityNeeds: { type: 'string', maxLength: 1000 },
		answers: {
			type: 'object',
			additionalProperties: { type: 'string', maxLength: 500 },
			description: 'Antworten auf die eigenen Fragen des Moduls (`registrationQuestions`), je Frage-Kennung; Pflichtfragen müssen beantwortet sein, bei `choice` eine der `options`'
		},
		consent: { type: 'boolean', description: 'Der Client muss den Einwilligungstext gezeigt haben; `false` wird abgelehnt' }
	}
};

/** The catalogue's part of /api/v1 (spread into the OpenAPI document's paths). */
export function cataloguePaths() {
	return {
		'/modules': {
			get: {
				summary: 'Öffentlich: veröffentlichte Module aller Organisationen dieser Instanz, mit ihren kommenden Terminen',
				parameters: filters,
				responses: { '200': { description: 'Module', content: jsonContent({ type: 'object', properties: { modules: { type: 'array', items: module } } }) }, '422': errorRef('ValidationFailed') }
			},
			post: {
				summary: 'Modul anlegen (Organisator*in); Kompetenz-Codes müssen im Kompetenzrahmen stehen',
				security: bearer,
				requestBody: { required: true, content: jsonContent(moduleInput) },
				responses: { '201': created, '400': errorDoc('Kein gültiges JSON'), '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '422': errorRef('ValidationFailed') }
			}
		},
		'/modules/{id}': {
			get: {
				summary: 'Ein Modul mit Referent*innen und Terminen: öffentlich, wenn veröffentlicht; sonst nur mit einem Schlüssel der eigenen Organisation',
				parameters: [uuidParameter()],
				responses: { '200': { description: 'Modul', content: jsonContent(module) }, '404': errorRef('NotFound') }
			}
		},
		'/modules/{id}/sessions': {
			post: {
				summary: 'Termin zu einem Modul der eigenen Organisation anlegen',
				security: bearer,
				parameters: [uuidParameter()],
				requestBody: { required: true, content: jsonContent(sessionInput) },
				responses: { '201': created, '400': errorDoc('Kein gültiges JSON'), '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': errorRef('NotFound'), '422': errorRef('ValidationFailed') }
			}
		},
		'/sessions/{id}/registrations': {
			post: {
				summary:
					'Anmeldung ohne Konto mit Double-Opt-in: Ein freier Platz wird 48 Stunden gehalten, bis die Person den Link in der E-Mail bestätigt; ist der Termin voll, kommt sie auf die Warteliste. Mit einem Organisator*innen-Schlüssel der eigenen Organisation gilt die Anmeldung sofort.',
				parameters: [uuidParameter()],
				requestBody: { required: true, content: jsonContent(registrationInput) },
				responses: {
					'201': {
						description: 'Angemeldet',
						content: jsonContent({
							type: 'object',
							required: ['id', 'status'],
							properties: {
								id: { type: 'string', format: 'uuid' },
								status: { enum: ['pending_confirmation', 'confirmed', 'waitlisted'] },
								position: { type: 'integer', description: 'Platz auf der Warteliste (ab 1), nur bei waitlisted' },
								holdUntil: { ...dateTime, description: 'Bis dahin hält eine unbestätigte Anmeldung ihren Platz' }
							}
						})
					},
					'400': errorDoc('Kein gültiges JSON'),
					'404': errorRef('NotFound'),
					'409': errorDoc('Anmeldung nicht möglich (geschlossen, abgesagt, begonnen, Anmeldeschluss vorbei) oder dieselbe E-Mail-Adresse ist schon angemeldet'),
					'422': errorRef('ValidationFailed'),
					'429': errorDoc('Zu viele Anmeldungen von dieser Adresse (Retry-After)')
				}
			}
		},
		'/sessions/{id}.ics': {
			get: {
				summary: 'iCalendar-Datei des Termins (Europe/Berlin, ein Ereignis pro Tag)',
				parameters: [uuidParameter()],
				responses: { '200': { description: 'text/calendar', content: { 'text/calendar': { schema: { type: 'string' } } } }, '404': errorRef('NotFound') }
			}
		},
		'/registrations/{cancelToken}': {
			delete: {
				summary: 'Abmeldung mit dem persönlichen Link aus der E-Mail (der Teil nach /katalog/anmeldung/); der Platz geht sofort an die Warteliste',
				parameters: [{ name: 'cancelToken', in: 'path', required: true, schema: { type: 'string', pattern: '^swr_[A-Za-z0-9_-]{43}$' } }],
				responses: {
					'200': { description: 'Abgemeldet (auch wenn es schon vorher war)', content: jsonContent({ type: 'object', properties: { id: { type: 'string', format: 'uuid' }, status: { const: 'cancelled' } } }) },
					'404': errorRef('NotFound'),
					'409': errorDoc('Die Anmeldung ist abgelaufen oder der Termin hat begonnen')
				}
			}
		}
	};
}
