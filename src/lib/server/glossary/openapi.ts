import { GLOSSARY_STATUSES, LIMITS, STAKEHOLDER_GROUPS, VOICE_GROUPS } from '../../domain/glossary/entry';
import { bearer, errorDoc, errorRef, jsonContent, uuidParameter } from '../openapi/helpers';

const list = (description: string) => ({ type: 'array', items: { type: 'string', maxLength: LIMITS.listItem }, maxItems: LIMITS.listLength, description });

const content = {
	type: 'object',
	required: ['term', 'plain'],
	additionalProperties: false,
	properties: {
		term: { type: 'string', minLength: 2, maxLength: LIMITS.term, description: 'Der Begriff, wie die Verwaltung ihn verwendet' },
		plain: { type: 'string', minLength: 10, maxLength: LIMITS.plain, description: 'Erklärung in einfachen Worten, höchstens zwei Sätze' },
		voices: {
			type: 'object',
			additionalProperties: false,
			description: 'Wörter anderer Gruppen für dasselbe',
			properties: Object.fromEntries(VOICE_GROUPS.map((group) => [group, { type: 'string', maxLength: LIMITS.voice }]))
		},
		example: { type: 'string', maxLength: LIMITS.example },
		competences: list('Kürzel von Kompetenzen des Kompetenzrahmens, z. B. A7.2'),
		sources: list('Quellen, z. B. „BauGB § 34“'),
		synonyms: list('Synonyme und Abkürzungen'),
		forms: list('Wortformen (Mehrzahl, Fälle); leer: werden erzeugt'),
		status: { enum: GLOSSARY_STATUSES, default: 'vorschlag' },
		agreedBy: { type: 'array', items: { enum: STAKEHOLDER_GROUPS }, description: 'Wer sich geeinigt hat; für „abgestimmt“ mindestens eine Gruppe' }
	}
};

const entry = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		slug: { type: 'string', description: 'Teil der Adresse: /o/{slug}/glossar/{entry slug}' },
		...content.properties,
		agreedAt: { type: ['string', 'null'], format: 'date-time' },
		updatedAt: { type: 'string', format: 'date-time' },
		url: { type: 'string', format: 'uri', description: 'Öffentliche Seite des Begriffs' }
	}
};

export function glossaryPaths() {
	return {
		'/orgs/{slug}/glossary': {
			get: {
				summary: 'Öffentliches Glossar einer Organisation (ohne veraltete Einträge)',
				tags: ['Glossar'],
				parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
				responses: {
					'200': { description: 'Die Einträge von A bis Z', content: jsonContent({ type: 'object', properties: { organisation: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } }, entries: { type: 'array', items: entry } } }) },
					'404': errorRef('NotFound')
				}
			}
		},
		'/glossary': {
			get: {
				summary: 'Alle Einträge des Glossars der eigenen Organisation',
				tags: ['Glossar'],
				security: bearer,
				parameters: [{ name: 'status', in: 'query', required: false, schema: { enum: GLOSSARY_STATUSES } }],
				responses: { '200': { description: 'Die Einträge', content: jsonContent({ type: 'object', properties: { entries: { type: 'array', items: entry } } }) }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden') }
			},
			post: {
				summary: 'Eintrag anlegen',
				tags: ['Glossar'],
				security: bearer,
				requestBody: { required: true, content: jsonContent(content) },
				responses: {
					'201': { description: 'Angelegt', content: jsonContent(entry) },
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'409': errorDoc('Den Begriff gibt es schon'),
					'422': errorRef('ValidationFailed')
				}
			}
		},
		'/glossary/{id}': {
			parameters: [uuidParameter()],
			get: { summary: 'Ein Eintrag', tags: ['Glossar'], security: bearer, responses: { '200': { description: 'Der Eintrag', content: jsonContent(entry) }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': errorRef('NotFound') } },
			put: {
				summary: 'Eintrag ersetzen (die Adresse bleibt)',
				tags: ['Glossar'],
				security: bearer,
				requestBody: { required: true, content: jsonContent(content) },
				responses: {
					'200': { description: 'Gespeichert', content: jsonContent(entry) },
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'404': errorRef('NotFound'),
					'409': errorDoc('Den Begriff gibt es schon'),
					'422': errorRef('ValidationFailed')
				}
			},
			delete: { summary: 'Eintrag löschen', tags: ['Glossar'], security: bearer, responses: { '204': { description: 'Gelöscht' }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': errorRef('NotFound') } }
		}
	};
}
