import { MAX_BATCH } from '../../schemas/studies';
import { MAX_REMINDER_DAYS, REMINDER_DAYS_BEFORE_CLOSING } from '../../domain/study/study-dates';
import { DEFAULT_CONSENSUS, DEFAULT_GROUPS, DEFAULT_HORIZONS } from './settings';

/** OpenAPI paths of the Wissensbedarfsanalyse (studies); spread into the document's `paths`. */

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const ref = (name: 'Unauthorized' | 'Forbidden' | 'NotFound' | 'ValidationFailed') => ({ $ref: `#/components/responses/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const security = [{ bearer: [] }];

const idParameter = { name: 'id', in: 'path', required: true, description: 'ID der Analyse', schema: { type: 'string', format: 'uuid' } };
const keySchema = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,39}$', description: 'Kleinbuchstaben, Ziffern, - und _; nicht „all“' };
const dateSchema = { type: ['string', 'null'], format: 'date', examples: ['2027-03-18'] };
const groupSchema = { type: 'object', required: ['key', 'label'], properties: { key: keySchema, label: { type: 'string', maxLength: 120 } } };
const horizonSchema = {
	type: 'object',
	required: ['key', 'label'],
	properties: { key: keySchema, label: { type: 'string', maxLength: 120 }, years: { type: 'integer', minimum: 0, maximum: 100, default: 0, description: 'Jahre in der Zukunft (0 = heute)' } }
};
const openQuestionSchema = { type: 'object', required: ['key', 'label'], properties: { key: keySchema, label: { type: 'string', maxLength: 300 } } };
const consensusSchema = {
	type: 'object',
	required: ['maxIqr', 'minAgreement'],
	description: 'Konsens, wenn der Interquartilsabstand höchstens maxIqr ist und mindestens der Anteil minAgreement mit 4 oder 5 bewertet',
	properties: { maxIqr: { type: 'number', minimum: 0, maximum: 4 }, minAgreement: { type: 'number', minimum: 0.5, maximum: 1 } }
};
const reminderDaysSchema = {
	type: 'integer',
	minimum: 0,
	maximum: MAX_REMINDER_DAYS,
	default: REMINDER_DAYS_BEFORE_CLOSING,
	description: 'So viele Tage vor dem Ende (closesOn) werden per E-Mail Eingeladene, die noch nicht fertig sind, einmal je Runde erinnert; 0 = keine Erinnerung'
};
const reasonModeSchema = {
	type: 'string',
	enum: ['far', 'every'],
	default: 'far',
	description: 'Delphi-Begründungen (in jeder Runde außer der letzten): „far“ fragt nur bei Antworten, die mindestens zwei Punkte vom Median der eigenen Gruppe in der Vorrunde liegen (ab Runde 2); „every“ bietet bei jeder Frage ein Begründungsfeld an'
};

const createBody = {
	type: 'object',
	required: ['title', 'frameworkId'],
	properties: {
		title: { type: 'string', minLength: 3, maxLength: 200 },
		introduction: { type: 'string', maxLength: 4000, description: 'Einleitung für Teilnehmende, in einfacher Sprache', default: '' },
		frameworkId: { type: 'string', format: 'uuid', description: 'Kompetenzrahmen; die Analyse nutzt dessen neueste Version und friert sie ein' },
		competences: { type: 'array', items: { type: 'string' }, maxItems: 500, description: 'Codes der Kompetenzen, z. B. ["A1.1", "A3.2"]; Standard: alle (nicht archivierten) der Version' },
		groups: { type: 'array', items: groupSchema, minItems: 1, maxItems: 20, default: DEFAULT_GROUPS },
		horizons: { type: 'array', items: horizonSchema, minItems: 1, maxItems: 4, default: DEFAULT_HORIZONS },
		measures: {
			type: 'array',
			items: { type: 'string', enum: ['importance', 'proficiency'] },
			default: ['importance', 'proficiency'],
			description: '„importance“ (je Horizont) ist immer dabei; „proficiency“ (heutiger Stand der Verwaltung) ist abwählbar. Alternativ `measureProficiency: false`.'
		},
		measureProficiency: { type: 'boolean', default: true },
		openQuestions: { type: 'array', items: openQuestionSchema, maxItems: 5, default: [] },
		minGroupSize: { type: 'integer', minimum: 3, maximum: 50, default: 5, description: 'Kleinere Gruppen werden in Ergebnissen nie gezeigt' },
		quantileType: { type: 'integer', enum: [7, 6], default: 7, description: 'Quantil-Definition nach Hyndman & Fan: 7 (wie R), 6 (wie SPSS)' },
		rounds: { type: 'integer', minimum: 1, maximum: 3, default: 1, description: 'Delphi-Runden' },
		consensus: { ...consensusSchema, default: DEFAULT_CONSENSUS },
		lateJoinersAllowed: { type: 'boolean', default: false, description: 'Dürfen Personen, die eine Runde verpasst haben, in der nächsten mitmachen?' },
		opensOn: dateSchema,
		closesOn: dateSchema,
		reminderDays: reminderDaysSchema,
		reasonMode: reasonModeSchema
	},
	examples: [{ title: 'Wissensbedarf Stadtentwicklung 2027', frameworkId: '00000000-0000-4000-8000-000000000000' }]
};

const studySchema = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		title: { type: 'string' },
		introduction: { type: 'string' },
		status: { type: 'string', enum: ['draft', 'open', 'closed', 'published'] },
		round: { type: 'integer', description: 'Aktuelle Runde (ab 1)' },
		rounds: { type: 'integer' },
		frameworkId: { type: 'string', format: 'uuid' },
		frameworkVersion: { type: 'integer', description: 'Nummer der festgelegten Version des Rahmens' },
		competences: { type: 'array', items: { type: 'string' } },
		groups: { type: 'array', items: groupSchema },
		horizons: { type: 'array', items: horizonSchema },
		measures: {
			type: 'array',
			description: 'Die erfragten Größen: Wichtigkeit je Horizont, heutiger Stand ohne Horizont',
			items: { type: 'object', properties: { measure: { type: 'string', enum: ['importance', 'proficiency'] }, horizon: { type: ['string', 'null'] } } }
		},
		minGroupSize: { type: 'integer' },
		quantileType: { type: 'integer', enum: [7, 6] },
		consensus: consensusSchema,
		openQuestions: { type: 'array', items: openQuestionSchema },
		lateJoinersAllowed: { type: 'boolean' },
		opensOn: dateSchema,
		closesOn: dateSchema,
		reminderDays: reminderDaysSchema,
		reasonMode: reasonModeSchema,
		openLinkActive: { type: 'boolean', description: 'Ob ein offener Link (Gruppe frei wählbar) gilt' },
		createdAt: { type: 'string', format: 'date-time' },
		progress: {
			type: 'array',
			description: 'Stand der aktuellen Runde je Gruppe; sagt nichts darüber, wer teilgenommen hat',
			items: {
				type: 'object',
				properties: { group: { type: 'string' }, invited: { type: 'integer' }, started: { type: 'integer' }, finished: { type: 'integer' } }
			}
		}
	}
};

export function studyPaths() {
	return {
		'/studies': {
			get: {
				summary: 'Analysen der Organisation',
				security,
				responses: {
					'200': json(
						{
							type: 'object',
							properties: {
								studies: {
									type: 'array',
									items: {
										type: 'object',
										properties: {
											id: { type: 'string', format: 'uuid' },
											title: { type: 'string' },
											status: { type: 'string', enum: ['draft', 'open', 'closed', 'published'] },
											round: { type: 'integer' },
											rounds: { type: 'integer' },
											finished: { type: 'integer', description: 'Abgeschlossene Fragebögen der aktuellen Runde' },
											createdAt: { type: 'string', format: 'date-time' }
										}
									}
								}
							}
						},
						'Neueste zuerst'
					),
					'401': ref('Unauthorized'),
					'403': ref('Forbidden')
				}
			},
			post: {
				summary: 'Wissensbedarfsanalyse anlegen (Entwurf)',
				description: 'Rolle Inhaber*in oder Organisator*in. Nicht genannte Felder erhalten die Standardwerte. Auf einem Katalog für den Rahmenbedingungen-Selbstcheck (GET /frameworks: kind = conditions) ist die Analyse ein Selbstcheck und hat eigene Standardwerte: groups Verwaltung (verwaltung), Stadtmacher*innen (zivilgesellschaft), Politik, Wirtschaft, Kultur; horizons nur „heute“; openQuestions „Was sollte Ihre Stadt als Erstes angehen?“. Gefragt wird „So ist es bei uns heute“ (proficiency) und „So wichtig ist es uns“ (importance).',
				security,
				requestBody: { required: true, content: { 'application/json': { schema: createBody } } },
				responses: {
					'201': json({ type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } }, 'Angelegt'),
					'400': error('Kein gültiges JSON'),
					'401': ref('Unauthorized'),
					'403': ref('Forbidden'),
					'422': ref('ValidationFailed')
				}
			}
		},
		'/studies/{id}': {
			get: {
				summary: 'Eine Analyse mit Einstellungen und Fortschritt je Gruppe',
				security,
				parameters: [idParameter],
				responses: { '200': json(studySchema, 'Die Analyse'), '401': ref('Unauthorized'), '403': ref('Forbidden'), '404': ref('NotFound') }
			}
		},
		'/studies/{id}/status': {
			post: {
				summary: 'Status ändern: öffnen, schließen, veröffentlichen',
				description:
					'Erlaubt: draft → open, open → closed, closed → published. Eine geschlossene Runde öffnet nicht wieder; die nächste Delphi-Runde startet POST /studies/{id}/rounds. Schließen der letzten Runde (oder Veröffentlichen) löscht Zwischenstände und E-Mail-Adressen.',
				security,
				parameters: [idParameter],
				requestBody: {
					required: true,
					content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['open', 'closed', 'published'] } } } } }
				},
				responses: {
					'200': json(studySchema, 'Die Analyse mit neuem Status'),
					'400': error('Kein gültiges JSON'),
					'401': ref('Unauthorized'),
					'403': ref('Forbidden'),
					'404': ref('NotFound'),
					'409': error('Dieser Schritt passt nicht zum aktuellen Status'),
					'422': ref('ValidationFailed')
				}
			}
		},
		'/studies/{id}/rounds': {
			post: {
				summary: 'Nächste Delphi-Runde starten',
				description: 'Nur wenn die aktuelle Runde geschlossen ist und die Analyse weitere Runden hat. Alle Links der Analyse gelten wieder.',
				security,
				parameters: [idParameter],
				responses: {
					'200': json(studySchema, 'Die Analyse in der neuen Runde (Status open)'),
					'401': ref('Unauthorized'),
					'403': ref('Forbidden'),
					'404': ref('NotFound'),
					'409': error('Runde nicht geschlossen oder keine weitere Runde vorgesehen')
				}
			}
		},
		'/studies/{id}/invitations': {
			post: {
				summary: 'Anonyme Einladungslinks für eine Gruppe erzeugen',
				description: `Bis zu ${MAX_BATCH} Links je Aufruf. Gespeichert wird nur ein Hash je Link; die Links selbst bleiben in der Weboberfläche abrufbar, bis die Ausgabe bestätigt ist. Links sind absolut (öffentliche Adresse aus STADTWISSEN_ORIGIN).`,
				security,
				parameters: [idParameter],
				requestBody: {
					required: true,
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['group', 'count'],
								properties: { group: { type: 'string', description: 'Gruppenschlüssel, z. B. „verwaltung“' }, count: { type: 'integer', minimum: 1, maximum: MAX_BATCH } }
							}
						}
					}
				},
				responses: {
					'201': json(
						{
							type: 'object',
							required: ['tokens', 'links'],
							properties: {
								batchId: { type: 'string', format: 'uuid' },
								group: { type: 'string' },
								tokens: { type: 'array', items: { type: 'string' } },
								links: { type: 'array', items: { type: 'string', format: 'uri' }, examples: [['https://stadtwissen.example/t/…']] }
							}
						},
						'Erzeugt'
					),
					'400': error('Kein gültiges JSON'),
					'401': ref('Unauthorized'),
					'403': ref('Forbidden'),
					'404': ref('NotFound'),
					'409': error('Analyse abgeschlossen oder veröffentlicht'),
					'422': ref('ValidationFailed')
				}
			}
		}
	};
}
