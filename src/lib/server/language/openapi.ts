import { CHECK_RULES } from '../../domain/language/check';
import { FINDING_TYPES } from '../../domain/language/findings';
import { SCORE_KEYS } from '../../domain/language/scores';
import { TEXT_CHECK_MAX_CHARACTERS } from '../../schemas/language';
import { errorDoc, errorRef, jsonContent } from '../openapi/helpers';
import { TEXT_CHECK_LIMIT, TEXT_CHECK_WINDOW_SECONDS } from './check-text';

const nullableNumber = { type: ['number', 'null'] };
const offsets = {
	start: { type: 'integer', description: 'Anfang im gesendeten Text, in UTF-16-Code-Einheiten (wie JavaScript-Indizes)' },
	end: { type: 'integer', description: 'Ende (exklusiv), in UTF-16-Code-Einheiten' }
};

/** The comprehensibility check's path in the OpenAPI document. */
export function languagePaths() {
	return {
		'/text/check': {
			post: {
				summary: 'Verständlichkeit eines deutschen Textes prüfen: Lesbarkeitswerte, Zählungen, Fundstellen (öffentlich)',
				description: [
					'Öffentlich, ohne Schlüssel; höchstens ' + TEXT_CHECK_LIMIT + ' Prüfungen je Adresse (angemeldet: je Person) in ' + TEXT_CHECK_WINDOW_SECONDS / 60 + ' Minuten.',
					'Werte: `fleschAmstad` = 180 − Wörter je Satz − 58,5 × Silben je Wort (je höher, desto leichter); Wiener Sachtextformel `wstf1`–`wstf4` (Bamberger & Vanecek) und `gsmog` = √(Wörter mit ≥ 3 Silben × 30 ÷ Sätze) − 2 als Schuljahr (je höher, desto schwerer); `lix` = Wörter je Satz + 100 × Wörter mit mehr als 6 Buchstaben ÷ Wörter.',
					'Zählregeln: Ein Wort enthält mindestens einen Buchstaben (Zahlen zählen nicht, „Bürger-Dialog“ ist ein Wort). Ein Satz endet mit . ! ? … vor einem neuen Satz, an einer Leerzeile oder vor einem Listenpunkt; Punkte in Abkürzungen (z. B., Nr., Abs.), Daten und Ordnungszahlen („12. März“) beenden keinen Satz. Silben nach deutschen Regeln für Vokalfolgen (Ko-a-li-ti-on, Mu-se-um, Ni-veau).',
					'Fachwörter (`jargon`): eine eingebaute Liste der Verwaltungssprache; mit dem API-Schlüssel einer Organisation zusätzlich die abgestimmten Einträge ihres Glossars, mit deren Erklärung als `suggestion`.'
				].join('\n\n'),
				requestBody: {
					required: true,
					content: jsonContent({
						type: 'object',
						required: ['text'],
						properties: {
							text: { type: 'string', minLength: 1, maxLength: TEXT_CHECK_MAX_CHARACTERS, description: 'Der Text; höchstens 100.000 Zeichen' },
							rules: { type: 'array', items: { enum: CHECK_RULES }, description: '„leichte-sprache“: zusätzlich die Regeln der Leichten Sprache (Sätze bis 12 Wörter, Verneinung, Genitiv, Konjunktiv)' }
						}
					})
				},
				responses: {
					'200': {
						description: 'Ergebnis der Prüfung',
						content: jsonContent({
							type: 'object',
							required: ['scores', 'counts', 'findings'],
							properties: {
								scores: { type: 'object', properties: Object.fromEntries(SCORE_KEYS.map((key) => [key, nullableNumber])), description: 'Auf eine Nachkommastelle gerundet' },
								bands: { type: 'object', properties: Object.fromEntries(SCORE_KEYS.map((key) => [key, { type: ['string', 'null'], examples: ['für die meisten verständlich'] }])), description: 'Einordnung jedes Werts in Worten' },
								counts: {
									type: 'object',
									properties: {
										sentences: { type: 'integer' },
										words: { type: 'integer' },
										syllables: { type: 'integer' },
										longWords: { type: 'integer', description: 'Wörter mit mehr als 6 Buchstaben' },
										polysyllables: { type: 'integer', description: 'Wörter mit 3 oder mehr Silben' },
										monosyllables: { type: 'integer', description: 'Einsilbige Wörter' }
									}
								},
								findings: {
									type: 'array',
									description: 'Nach Position im Text geordnet',
									items: {
										type: 'object',
										required: ['type', 'start', 'end', 'message'],
										properties: { type: { enum: FINDING_TYPES }, ...offsets, message: { type: 'string' }, suggestion: { type: 'string' } }
									}
								},
								summary: {
									type: 'array',
									description: '„Was Sie zuerst ändern sollten“: eine Zeile je Art von Fundstelle, das Wichtigste zuerst; start/end zeigen die wichtigste Stelle',
									items: { type: 'object', properties: { type: { enum: FINDING_TYPES }, count: { type: 'integer' }, title: { type: 'string' }, message: { type: 'string' }, ...offsets } }
								}
							}
						})
					},
					'400': errorDoc('Kein gültiges JSON'),
					'422': errorRef('ValidationFailed'),
					'429': errorDoc('Zu viele Prüfungen (Retry-After)')
				}
			}
		}
	};
}
