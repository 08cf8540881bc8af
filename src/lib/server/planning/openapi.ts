import { COMPETENCE_LEVELS as COMPETENCE_LEVEL_KEYS, MODULE_FORMATS as MODULE_FORMAT_KEYS, TARGET_GROUPS as TARGET_GROUP_KEYS } from '../../schemas/catalogue';
import { MAX_COST_PER_PARTICIPANT_CENTS, MAX_EXPECTED_PARTICIPANTS, PLAN_SLOTS } from '../../domain/planning/budget';
import { PLAN_REASON_MAX, PLAN_RESPONSIBLE_MAX, PLAN_TEXT_MAX, PLAN_TITLE_MAX } from '../../schemas/planning';
import { bearer, errorDoc, errorRef, jsonContent, uuidParameter } from '../openapi/helpers';
import { studyComparisonSchema } from '../results/openapi';

const uuid = { type: 'string', format: 'uuid' };
const tags = ['Qualifizierungsplan'];
const object = (required: string[], properties: Record<string, object>) => ({ type: 'object', required, properties });
const share = { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'covered / prioritised; null ohne priorisierte Bedarfe' };
const coverage = object(['prioritised', 'covered', 'share'], { prioritised: { type: 'integer' }, covered: { type: 'integer' }, share });
const moduleMatch = object(['id', 'title', 'level'], { id: uuid, title: { type: 'string' }, level: { enum: COMPETENCE_LEVEL_KEYS } });
const noPlan = errorDoc('Diesen Plan gibt es in der eigenen Organisation nicht');
const refusals = { '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': noPlan, '422': errorRef('ValidationFailed') };
const gapRef = { competence: { type: 'string', description: 'Kompetenzcode der Analyse' }, horizon: { type: 'string', description: 'Schlüssel des Zeithorizonts der Analyse' } };

const measureFields = {
	moduleId: { type: ['string', 'null'], format: 'uuid', description: 'Ein Modul des eigenen Katalogs (auch ein Entwurf)' },
	slot: { enum: PLAN_SLOTS, description: 'heute: nächste 12 Monate; morgen: 2–5 Jahre; uebermorgen: strategisch, 5–15 Jahre' },
	targetGroup: { enum: [...TARGET_GROUP_KEYS, null] },
	responsible: { type: 'string', maxLength: PLAN_RESPONSIBLE_MAX },
	costPerParticipantCents: { type: 'integer', minimum: 0, maximum: MAX_COST_PER_PARTICIPANT_CENTS },
	expectedParticipants: { type: 'integer', minimum: 0, maximum: MAX_EXPECTED_PARTICIPANTS },
	notes: { type: 'string', maxLength: PLAN_TEXT_MAX }
};

const plan = object(['id', 'title', 'status', 'study', 'round', 'rule', 'gaps', 'coverage', 'measures', 'budget', 'learningPaths'], {
	id: uuid,
	title: { type: 'string' },
	status: { enum: ['draft', 'published'] },
	study: object(['id', 'title'], { id: uuid, title: { type: 'string' } }),
	round: { type: 'integer' },
	rule: object(['minGap', 'topN'], { minGap: { type: 'number' }, topN: { type: 'integer' } }),
	instrument: {
		enum: ['competences', 'conditions'],
		description: 'Das Instrument der Analyse. Bei „conditions“ (Rahmenbedingungen-Selbstcheck) wählt nicht die Lücken-Regel, sondern jede schwache Bedingung (alle Gruppen zusammen sehen sie heute unter 3) kommt in den Plan; „rule“ gilt dann nicht.'
	},
	method: { type: 'object', description: 'Mindestgruppengröße k, Quantil-Definition (Hyndman & Fan Typ 6 oder 7), Teilnehmende und Gruppen (unterdrückte ohne Zahl)' },
	horizons: { type: 'array', items: object(['key', 'label'], { key: { type: 'string' }, label: { type: 'string' } }) },
	gaps: {
		type: 'array',
		description: 'Je Zeithorizont die priorisierten (und verworfenen) Lücken, größte zuerst; bei einem Selbstcheck die Bedingungen im Plan, schwächste zuerst (Rang nach „So ist es bei uns heute“). Nur Werte der geschützten Ergebnisse: keine Gruppe unter k, auch nicht durch Subtraktion.',
		items: object(['competence', 'horizon', 'gap', 'rank', 'status', 'modules', 'covered'], {
			...gapRef,
			competenceTitle: { type: 'string' },
			gap: { type: ['number', 'null'], description: 'Mittlere Wichtigkeit − mittlere Beherrschung, alle Gruppen zusammen. Bei einem Selbstcheck nur, wo auch „So wichtig ist es uns“ bewertet wurde (sonst null) – es entscheidet dort nichts.' },
			rank: { type: 'integer' },
			importanceMean: { type: ['number', 'null'] },
			proficiencyMean: { type: ['number', 'null'], description: 'Beim Selbstcheck „So ist es bei uns heute“ aller Gruppen: unter 3 ist die Bedingung schwach und kommt in den Plan.' },
			consensus: { type: ['boolean', 'null'] },
			disagreement: { type: 'array', items: object(['measure', 'higherGroup', 'lowerGroup', 'delta', 'magnitude'], { measure: { enum: ['importance', 'proficiency'] }, higherGroup: { type: 'string' }, lowerGroup: { type: 'string' }, delta: { type: 'number' }, magnitude: { enum: ['small', 'medium', 'large'] } }) },
			selectedBy: { enum: ['rule', 'organiser'] },
			status: { enum: ['prioritised', 'dropped'] },
			reason: { type: 'string' },
			modules: { type: 'array', items: moduleMatch },
			covered: { type: 'boolean' }
		})
	},
	coverage,
	coverageSentence: { type: 'string', example: '23 von 29 priorisierten Bedarfen sind durch Module abgedeckt (79 %)' },
	measures: { type: 'array', items: object(['id', 'competence', 'horizon', 'module', 'slot', 'costCents'], { id: uuid, ...gapRef, module: { type: ['object', 'null'] }, ...measureFields, costCents: { type: 'integer' } }) },
	budget: object(['slots', 'totalCents'], { slots: { type: 'array', items: object(['slot', 'measures', 'participants', 'cents'], { slot: { enum: PLAN_SLOTS }, measures: { type: 'integer' }, participants: { type: 'integer' }, cents: { type: 'integer' } }) }, totalCents: { type: 'integer' } }),
	learningPaths: { type: 'array', items: object(['group', 'steps'], { group: { type: 'string' }, steps: { type: 'array', items: object(['moduleId', 'title', 'competence', 'level', 'prerequisites'], { moduleId: uuid, title: { type: 'string' }, competence: { type: 'string' }, level: { enum: COMPETENCE_LEVEL_KEYS }, prerequisites: { type: 'array', items: uuid } }) } }) }
});

const post = (summary: string, body: object, created: object, status = '201') => ({
	post: { summary, tags, security: bearer, requestBody: { required: true, content: jsonContent(body) }, responses: { [status]: { description: status === '201' ? 'Angelegt' : 'Gespeichert', content: jsonContent(created) }, ...refusals } }
});

export function planningPaths() {
	return {
		'/plans': {
			get: {
				summary: 'Die Qualifizierungspläne der Organisation und die Analysen mit geschlossenen Runden',
				tags,
				security: bearer,
				responses: { '200': { description: 'Pläne', content: jsonContent({ type: 'object', properties: { plans: { type: 'array', items: { type: 'object' } }, studies: { type: 'array', items: { type: 'object' } } } }) }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden') }
			},
			...post(
				'Qualifizierungsplan aus einer geschlossenen Runde anlegen (Entwurf)',
				object(['studyId'], {
					studyId: uuid,
					round: { type: 'integer', minimum: 1, description: 'Standard: die letzte geschlossene Runde' },
					minGap: { type: 'number', minimum: 0, maximum: 4, default: 0.5 },
					topN: { type: 'integer', minimum: 0, maximum: 100, default: 10 },
					title: { type: 'string', maxLength: PLAN_TITLE_MAX }
				}),
				object(['id'], { id: uuid })
			)
		},
		'/plans/{id}': {
			parameters: [uuidParameter()],
			get: { summary: 'Der Plan: Lücken je Horizont, Module, Abdeckung, Maßnahmen, Budget, Lernpfade', tags, security: bearer, responses: { '200': { description: 'Der Plan', content: jsonContent(plan) }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': noPlan } }
		},
		'/plans/{id}/comparison': {
			parameters: [uuidParameter()],
			get: {
				summary: 'Was hat sich verändert? Eine spätere Analyse (Folgebefragung) im Vergleich mit der Analyse und Runde des Plans, je Kompetenz (über den Code), Messgröße, Horizont und Gruppe: Mann-Whitney-U und Cliff’s Delta aus den geschützten Ergebnissen beider Analysen',
				tags,
				security: bearer,
				parameters: [
					{ name: 'studyId', in: 'query', required: true, schema: uuid, description: 'Die spätere Analyse derselben Organisation' },
					{ name: 'round', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 3 }, description: 'Runde der späteren Analyse; Standard: die letzte geschlossene' }
				],
				responses: {
					'200': { description: 'Vergleich; base ist die Analyse des Plans', content: jsonContent(studyComparisonSchema) },
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'404': noPlan,
					'409': errorDoc('Die spätere Analyse hat noch keine geschlossene Runde'),
					'422': errorRef('ValidationFailed')
				}
			}
		},
		'/plans/{id}/export.xlsx': {
			parameters: [uuidParameter()],
			get: {
				summary: 'Der Plan als Excel-Datei: Methode, Bedarfe je Zeithorizont, Maßnahmen, Budget, Abdeckung, Lernpfade',
				tags,
				security: bearer,
				responses: { '200': { description: 'Die Datei', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': noPlan }
			}
		},
		'/plans/{id}/export.pdf': {
			parameters: [uuidParameter()],
			get: {
				summary: 'Der Plan als PDF (barrierearm ausgezeichnet): Methode, Bedarfe je Zeithorizont, Bedarfe ohne Modul, Maßnahmen, Budget, Abdeckung, Lernpfade',
				tags,
				security: bearer,
				responses: { '200': { description: 'Die Datei', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': noPlan }
			}
		},
		'/plans/{id}/gaps': {
			parameters: [uuidParameter()],
			...post(
				'Eine Lücke priorisieren (auch unterhalb der Regel) oder mit Begründung verwerfen',
				object(['competence', 'horizon', 'status'], { ...gapRef, status: { enum: ['prioritised', 'dropped'] }, reason: { type: 'string', maxLength: PLAN_REASON_MAX, description: 'Pflicht bei „dropped“' } }),
				object(['competence', 'horizon', 'status'], { ...gapRef, status: { enum: ['prioritised', 'dropped'] } }),
				'200'
			)
		},
		'/plans/{id}/measures': {
			parameters: [uuidParameter()],
			...post('Maßnahme für eine Lücke', object(['competence', 'horizon', 'slot'], { ...gapRef, ...measureFields }), object(['id'], { id: uuid }))
		},
		'/plans/{id}/measures/{measure}': {
			parameters: [uuidParameter(), uuidParameter('measure')],
			patch: {
				summary: 'Maßnahme ändern (nur die gesendeten Felder)',
				tags,
				security: bearer,
				requestBody: { required: true, content: jsonContent({ type: 'object', minProperties: 1, properties: measureFields }) },
				responses: { '200': { description: 'Geändert', content: jsonContent(object(['id'], { id: uuid })) }, ...refusals }
			},
			delete: { summary: 'Maßnahme entfernen (das Modul bleibt im Katalog)', tags, security: bearer, responses: { '204': { description: 'Entfernt' }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': noPlan } }
		},
		'/plans/{id}/modules': {
			parameters: [uuidParameter()],
			...post(
				'Neues Modul für eine Lücke in einem Schritt: Entwurf im Katalog mit Kompetenz, Stufe, Zielgruppen und den Werten der Lücke als Begründung, dazu die Maßnahme',
				object(['competence', 'horizon'], { ...gapRef, level: { enum: COMPETENCE_LEVEL_KEYS, default: 'kennenlernen' }, title: { type: 'string', maxLength: PLAN_TITLE_MAX }, format: { enum: MODULE_FORMAT_KEYS, default: 'workshop' }, targetGroups: { type: 'array', items: { enum: TARGET_GROUP_KEYS } }, slot: { ...measureFields.slot, default: 'heute' } }),
				object(['moduleId', 'measureId'], { moduleId: uuid, measureId: uuid })
			)
		},
		'/plans/{id}/publication': {
			parameters: [uuidParameter()],
			...post('Plan veröffentlichen oder zurückziehen', object(['published'], { published: { type: 'boolean' } }), object(['status', 'publishedAt'], { status: { enum: ['draft', 'published'] }, publishedAt: { type: ['string', 'null'], format: 'date-time' } }), '200')
		},
		'/plans/{id}/public': {
			parameters: [uuidParameter()],
			get: { summary: 'Ein veröffentlichter Plan, öffentlich: ohne Notizen, Verantwortliche und nicht priorisierte Lücken', tags, security: [], responses: { '200': { description: 'Der Plan', content: jsonContent(plan) }, '404': errorDoc('Diesen Plan gibt es nicht oder er ist nicht veröffentlicht') } }
		}
	};
}
