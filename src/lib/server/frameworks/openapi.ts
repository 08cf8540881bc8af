import { bearer, bilingualText, errorDoc, errorRef, jsonContent, uuidParameter } from '../openapi/helpers';

const version = {
	type: 'object',
	properties: { number: { type: 'integer' }, status: { enum: ['draft', 'published'] }, frozen: { type: 'boolean' }, createdAt: { type: 'string', format: 'date-time' }, publishedAt: { type: ['string', 'null'], format: 'date-time' } }
};
const summary = {
	type: 'object',
	properties: { id: { type: 'string', format: 'uuid' }, shipped: { type: 'boolean', description: 'Die mit Stadtwissen ausgelieferte Vorlage' }, kind: { enum: ['competences', 'conditions'], description: 'competences: Kompetenzrahmen (Bereiche und Kompetenzen); conditions: Katalog für den Rahmenbedingungen-Selbstcheck (Dimensionen und Bedingungen)' }, name: bilingualText, competenceCount: { type: 'integer' }, currentVersion: version }
};
const competence = {
	type: 'object',
	properties: {
		code: { type: 'string', examples: ['A3.2'] },
		title: bilingualText,
		description: bilingualText,
		type: { enum: ['knowledge', 'skill'] },
		tags: {
			type: 'object',
			properties: {
				principles: { type: 'array', items: { enum: ['P1', 'P2', 'P3', 'P4', 'P5'] } },
				dimensions: { type: 'array', items: { enum: ['just', 'green', 'productive'] } },
				levels: { type: 'array', items: { enum: ['neighbourhood', 'city', 'region'] } },
				fields: { type: 'array', items: { enum: ['land', 'digital'] } }
			}
		},
		escoUri: { type: ['string', 'null'] },
		firstSteps: { oneOf: [bilingualText, { type: 'null' }], description: 'Erste Schritte zu einer Bedingung (Rahmenbedingungen-Selbstcheck)' },
		source: { oneOf: [bilingualText, { type: 'null' }], description: 'Quelle eines Eintrags, z. B. „Neue Leipzig-Charta 2020; BauGB § 11“' },
		position: { type: 'integer' },
		archived: { type: 'boolean' }
	}
};

export function frameworkPaths() {
	return {
		'/frameworks': {
			get: {
				summary: 'Kompetenzrahmen der Organisation und die ausgelieferte Vorlage',
				security: bearer,
				responses: { '200': { description: 'Liste', content: jsonContent({ type: 'object', properties: { frameworks: { type: 'array', items: summary } } }) }, '401': errorRef('Unauthorized') }
			}
		},
		'/frameworks/{id}': {
			get: {
				summary: 'Die aktuelle Version eines Rahmens: Bereiche mit Kompetenzen, alle Felder (Codes innerhalb einer Version eindeutig)',
				security: bearer,
				parameters: [uuidParameter()],
				responses: {
					'200': {
						description: 'Rahmen',
						content: jsonContent({
							allOf: [summary, { type: 'object', properties: { code: { type: 'string' }, description: bilingualText, source: bilingualText, languages: { type: 'array', items: { enum: ['de', 'en'] } }, areas: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, title: bilingualText, description: bilingualText, position: { type: 'integer' }, archived: { type: 'boolean' }, competences: { type: 'array', items: competence } } } } } }]
						})
					},
					'401': errorRef('Unauthorized'),
					'404': errorRef('NotFound')
				}
			}
		},
		'/frameworks/{id}/export': {
			get: {
				summary: 'Export als Stadtwissen-JSON (verlustfrei, beide Sprachen), Moodle-CSV (eine Sprache, 14 Spalten) oder Tabellen-CSV (UTF-8 mit BOM, Semikolon)',
				security: bearer,
				parameters: [uuidParameter(), { name: 'format', in: 'query', schema: { enum: ['json', 'moodle-csv', 'csv'], default: 'json' } }, { name: 'language', in: 'query', schema: { enum: ['de', 'en'], default: 'de' } }],
				responses: { '200': { description: 'Datei (Content-Disposition: attachment)' }, '404': errorRef('NotFound'), '422': errorRef('ValidationFailed') }
			}
		},
		'/frameworks/import': {
			post: {
				summary: 'Import: die ganze Datei wird geprüft; bei einem Fehler wird nichts gespeichert und jede fehlerhafte Zeile genannt',
				security: bearer,
				requestBody: {
					required: true,
					content: {
						'multipart/form-data': {
							schema: { type: 'object', required: ['file', 'format'], properties: { file: { type: 'string', format: 'binary', description: 'höchstens 5 MB; UTF-8 (mit/ohne BOM) oder Windows-1252' }, format: { enum: ['json', 'moodle-csv', 'csv'] }, language: { enum: ['de', 'en'] } } }
						}
					}
				},
				responses: {
					'201': { description: 'Neuer Rahmen', content: jsonContent({ type: 'object', properties: { id: { type: 'string', format: 'uuid' }, warnings: { type: 'array', items: { type: 'object' } } } }) },
					'400': errorDoc('Kein multipart-Inhalt'),
					'403': errorRef('Forbidden'),
					'413': errorDoc('Datei größer als 5 MB'),
					'422': errorDoc('Fehler je Zeile: details[].line, details[].column, details[].message')
				}
			}
		}
	};
}
