import { bearer, errorDoc, errorRef, jsonContent, uuidParameter } from '../openapi/helpers';

const cell = {
	oneOf: [
		{
			type: 'object',
			properties: {
				group: { type: 'string', description: 'Gruppenschlüssel oder "all" (alle Gruppen)' },
				suppressed: { const: false },
				n: { type: 'integer', description: 'Zahl der Bewertungen 1–5 ("kann ich nicht einschätzen" zählt als dontKnow)' },
				dontKnow: { type: 'integer' },
				mean: { type: ['number', 'null'] },
				sd: { type: ['number', 'null'] },
				median: { type: ['number', 'null'] },
				q1: { type: ['number', 'null'] },
				q3: { type: ['number', 'null'] },
				iqr: { type: ['number', 'null'] },
				agreement: { type: ['number', 'null'], description: 'Anteil 4–5, 0–1' },
				consensus: { type: ['boolean', 'null'] },
				histogram: { type: 'array', items: { type: 'integer' }, minItems: 5, maxItems: 5 }
			}
		},
		{ type: 'object', properties: { group: { type: 'string' }, suppressed: { const: true } }, description: 'Unter der Mindestgruppengröße (oder zu ihrem Schutz): keine Zahlen, auch kein n' }
	]
};

const changeCell = {
	oneOf: [
		{
			type: 'object',
			properties: {
				group: { type: 'string', description: 'Gruppenschlüssel oder "all" (alle Gruppen)' },
				suppressed: { const: false },
				pairs: { type: 'integer', description: 'Personen, die die Frage in beiden Runden beantwortet haben (auch mit "kann ich nicht einschätzen"); immer ≥ minGroupSize' },
				changedShare: { type: ['number', 'null'], description: 'Anteil der Paare mit geänderter Antwort, 0–1 (ein Wechsel von oder zu "kann ich nicht einschätzen" zählt)' },
				cvPrevious: { type: ['number', 'null'], description: 'Variationskoeffizient (sd / Mittelwert der Bewertungen 1–5) der vorigen Runde' },
				cvCurrent: { type: ['number', 'null'], description: 'Variationskoeffizient dieser Runde' },
				cvChange: { type: ['number', 'null'], description: 'cvCurrent − cvPrevious; negativ = Annäherung' },
				wilcoxon: {
					type: ['object', 'null'],
					description: 'Wilcoxon-Vorzeichen-Rang-Test für verbundene Stichproben auf (diese − vorige Runde), nur Paare mit zwei Bewertungen; null, wenn sich keine Bewertung geändert hat',
					properties: {
						statistic: { type: 'number', description: 'V = W+ (Rangsumme der positiven Differenzen, wie R wilcox.test)' },
						n: { type: 'integer', description: 'Zahl der Differenzen ≠ 0' },
						pValue: { type: 'number', description: 'zweiseitig' },
						method: { enum: ['exact', 'normal'], description: 'exakt bis 20 Differenzen ohne Bindungen, sonst Normalapproximation mit Bindungs- und Stetigkeitskorrektur' }
					}
				}
			}
		},
		{
			type: 'object',
			properties: { group: { type: 'string' }, suppressed: { const: true } },
			description:
				'Keine Zahlen: die Gruppe ist in einer der beiden Runden ausgeblendet, hat weniger als minGroupSize Paare, oder ist ausgeblendet, damit "all" minus die übrigen Gruppen keine kleine Gruppe verrät'
		}
	]
};

const comparisonCell = {
	oneOf: [
		{
			type: 'object',
			properties: {
				group: { type: 'string', description: 'Gruppenschlüssel oder "all" (alle Gruppen; die veröffentlichte Summe jeder Analyse, nicht die Summe der sichtbaren Gruppen)' },
				suppressed: { const: false },
				sentence: { type: 'string', description: 'Der Befund in einem Satz, z. B. „Die Kompetenz „…“ wird von der Gruppe „Verwaltung“ besser eingeschätzt als in „…“: 2,9 → 4,1, Unterschied groß (p = 0,005).“ (Sprache der Anfrage)' },
				nBefore: { type: 'integer', description: 'Bewertungen 1–5 in der früheren Analyse ("kann ich nicht einschätzen" zählt nicht)' },
				nAfter: { type: 'integer', description: 'Bewertungen 1–5 in dieser Analyse' },
				meanBefore: { type: ['number', 'null'] },
				meanAfter: { type: ['number', 'null'] },
				change: { type: ['number', 'null'], description: 'meanAfter − meanBefore' },
				test: {
					type: ['object', 'null'],
					description: 'Mann-Whitney-U-Test für zwei unabhängige Stichproben (die Teilnehmenden zweier Analysen sind nicht verknüpft), aus den Histogrammen; Normalapproximation mit Bindungs- und Stetigkeitskorrektur wie R wilcox.test(exact = FALSE, correct = TRUE); null, wenn eine Seite keine Bewertung hat',
					properties: { u: { type: 'number', description: 'U dieser Analyse (R: W von wilcox.test(nachher, vorher))' }, z: { type: 'number' }, pValue: { type: 'number', description: 'zweiseitig' } }
				},
				delta: { type: ['number', 'null'], description: "Cliff's Delta P(nachher > vorher) − P(nachher < vorher), −1 bis 1" },
				magnitude: { enum: ['negligible', 'small', 'medium', 'large', null], description: 'Romano u. a. (2006): |δ| < 0,147 vernachlässigbar, < 0,33 klein, < 0,474 mittel, sonst groß' },
				sizeWord: { type: ['string', 'null'], description: 'magnitude in Worten (vernachlässigbar, klein, mittel, groß)' }
			}
		},
		{ type: 'object', properties: { group: { type: 'string' }, suppressed: { const: true } }, description: 'Keine Zahlen: die Gruppe ist in mindestens einer der beiden Analysen ausgeblendet (unter der Mindestgruppengröße oder zum Schutz einer kleinen Gruppe)' }
	]
};

const labelledList = { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' } } } };
const onlyIn = (where: string) => ({
	type: 'object',
	description: `Was nur ${where} vorkommt („nur in …“): nicht verglichen`,
	properties: { competences: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } } } }, groups: labelledList, horizons: labelledList }
});
const comparedStudy = { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, title: { type: 'string' }, round: { type: 'integer' } } };

/** A comparison of an earlier and a later study (GET /studies/{id}/comparison, GET /plans/{id}/comparison). */
export const studyComparisonSchema = {
	type: 'object',
	properties: {
		base: { ...comparedStudy, description: 'Die frühere Analyse' },
		followUp: { ...comparedStudy, description: 'Die spätere Analyse' },
		groups: { ...labelledList, description: 'Gruppen beider Analysen (verglichen)' },
		horizons: { ...labelledList, description: 'Horizonte beider Analysen (verglichen)' },
		items: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					competence: { type: 'string' },
					title: { type: 'string' },
					measure: { enum: ['importance', 'proficiency'] },
					horizon: { type: ['string', 'null'] },
					cells: { type: 'array', items: comparisonCell }
				}
			}
		},
		onlyInBase: onlyIn('in der früheren Analyse'),
		onlyInFollowUp: onlyIn('in der späteren Analyse')
	}
};

export function resultPaths() {
	return {
		'/studies/{id}/results': {
			get: {
				summary: 'Ergebnisse einer geschlossenen Runde; jede Zelle durch die Mindestgruppengröße geschützt',
				security: bearer,
				parameters: [
					uuidParameter(),
					{ name: 'round', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 3 }, description: 'Standard: die letzte geschlossene Runde' },
					{ name: 'horizon', in: 'query', schema: { type: 'string' }, description: 'Nur dieser Zeithorizont (Schlüssel aus horizons der Analyse): seine Items und die Selbsteinschätzung, seine Lücken, Unterschiede, Konkordanz und Veränderung; die Trends bleiben' },
					{ name: 'group', in: 'query', schema: { type: 'string' }, description: 'Nur diese Gruppe (Schlüssel aus groups der Analyse oder „all“): ihre Zellen, die Unterschiede, an denen sie beteiligt ist, und ihre offenen Antworten' }
				],
				responses: {
					'200': {
						description: 'Ergebnisse',
						content: jsonContent({
							type: 'object',
							properties: {
								study: { type: 'string', format: 'uuid' },
								round: { type: 'integer' },
								minGroupSize: { type: 'integer' },
								quantileType: { enum: [6, 7], description: 'Hyndman & Fan Typ 7 (wie R) oder 6 (wie SPSS)' },
								openAnswers: {
									type: 'array',
									description:
										'Antworten auf die offenen Fragen: nur Fragen, die eine Organisatorin oder ein Organisator für diese Runde freigegeben hat, nur Gruppen mit n ≥ max(minGroupSize, 8) abgeschlossenen Fragebögen, ohne ausgeblendete Texte; Gruppen ohne solchen Text fehlen. Reihenfolge der Texte zufällig (nicht die Reihenfolge der Abgabe).',
									items: {
										type: 'object',
										required: ['question', 'group', 'texts'],
										properties: {
											question: { type: 'string', description: 'Schlüssel der offenen Frage (openQuestions[].key der Analyse)' },
											group: { type: 'string', description: 'Gruppenschlüssel' },
											texts: { type: 'array', items: { type: 'string' } }
										}
									}
								},
								groups: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' }, n: { type: ['integer', 'null'] }, suppressed: { type: 'boolean' } } } },
								participants: { type: ['integer', 'null'] },
								items: { type: 'array', items: { type: 'object', properties: { competence: { type: 'string' }, measure: { enum: ['importance', 'proficiency'] }, horizon: { type: ['string', 'null'] }, cells: { type: 'array', items: cell } } } },
								gaps: { type: 'array', items: { type: 'object', description: 'Wichtigkeit − Kompetenz je Horizont, Rang 1 = größte Lücke' } },
								trends: { type: 'array', items: { type: 'object' } },
								disagreement: { type: 'array', items: { type: 'object', description: "Größtes Cliff's Delta zwischen sichtbaren Gruppen" } },
								concordance: { type: 'array', items: { type: 'object', description: "Kendalls W über die Prioritäten der sichtbaren Gruppen" } },
								change: {
									type: 'array',
									description: 'Nur ab Runde 2 (fehlt in Runde 1): Veränderung gegenüber der vorigen Runde je Frage und Gruppe (Delphi), aus Übergangszählern ohne Verknüpfung einzelner Antworten',
									items: {
										type: 'object',
										properties: {
											competence: { type: 'string' },
											measure: { enum: ['importance', 'proficiency'] },
											horizon: { type: ['string', 'null'] },
											previousRound: { type: 'integer' },
											round: { type: 'integer' },
											cells: { type: 'array', items: changeCell }
										}
									}
								}
							}
						})
					},
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'404': errorRef('NotFound'),
					'409': errorDoc('Noch keine Runde geschlossen'),
					'422': errorRef('ValidationFailed')
				}
			}
		},
		'/studies/{id}/comparison': {
			get: {
				summary: 'Was hat sich verändert? Diese Analyse ({id}, die spätere) im Vergleich mit einer früheren Analyse derselben Organisation, je Kompetenz (über den Code, auch bei neuerer Rahmenversion), Messgröße, Horizont und Gruppe. Beide Analysen müssen dasselbe Instrument haben: ein Rahmenbedingungen-Selbstcheck lässt sich nur mit einem anderen Selbstcheck vergleichen, eine Kompetenzanalyse nur mit einer Kompetenzanalyse',
				security: bearer,
				parameters: [
					uuidParameter(),
					{ name: 'with', in: 'query', required: true, schema: { type: 'string', format: 'uuid' }, description: 'Die frühere Analyse (z. B. die eines Qualifizierungsplans)' },
					{ name: 'round', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 3 }, description: 'Runde dieser Analyse; Standard: die letzte geschlossene' },
					{ name: 'withRound', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 3 }, description: 'Runde der früheren Analyse; Standard: die letzte geschlossene' }
				],
				responses: {
					'200': {
						description: 'Vergleich aus den geschützten Ergebnissen beider Analysen',
						content: jsonContent(studyComparisonSchema)
					},
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'404': errorRef('NotFound'),
					'409': errorDoc('Eine der beiden Analysen hat noch keine geschlossene Runde'),
					'422': errorDoc('Ungültige Angaben, eine Runde ohne Ergebnisse oder zwei Analysen mit verschiedenen Instrumenten (Selbstcheck und Kompetenzanalyse)')
				}
			}
		}
	};
}
