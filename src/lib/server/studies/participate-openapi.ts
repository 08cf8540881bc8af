import { errorDoc, jsonContent } from '../openapi/helpers';

const token = { name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' }, description: 'Einladungs-Token (256 Bit)' };

export function participatePaths() {
	return {
		'/participate/{token}': {
			get: {
				summary: 'Fragebogen für diesen Link: Seiten, Kompetenzen, Horizonte, Skala, Gruppe, Runde, Rückmeldung der Vorrunde (Delphi)',
				parameters: [token],
				responses: {
					'200': { description: 'Fragebogen', content: jsonContent({ type: 'object' }) },
					'404': errorDoc('Unbekannter Link'),
					'409': errorDoc('Befragung noch nicht geöffnet'),
					'410': errorDoc('Runde mit diesem Link schon abgeschlossen, oder Befragung beendet'),
					'429': errorDoc('Zu viele ungültige Links (Retry-After)')
				}
			},
			post: {
				summary: 'Antworten abgeben – einmal: gleicher Idempotency-Key + gleicher Inhalt ergibt dieselbe Quittung',
				parameters: [
					token,
					{
						name: 'Idempotency-Key',
						in: 'header',
						required: true,
						description: 'Zufällig je Fragebogen, bei Wiederholungen unverändert. Gilt je Link und Runde: Derselbe Schlüssel mit einem anderen Link ist eine eigene Abgabe.',
						schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' }
					}
				],
				requestBody: {
					required: true,
					content: jsonContent({
						type: 'object',
						required: ['answers'],
						properties: {
							answers: {
								type: 'array',
								items: {
									type: 'object',
									required: ['competence', 'measure', 'value'],
									properties: { competence: { type: 'string' }, measure: { enum: ['importance', 'proficiency'] }, horizon: { type: ['string', 'null'] }, value: { type: ['integer', 'null'], minimum: 1, maximum: 5, description: 'null = kann ich nicht einschätzen' } }
								}
							},
							open: {
								type: 'object',
								additionalProperties: { type: 'string', maxLength: 2000 },
								description:
									'Antworten auf die offenen Fragen (Schlüssel der Frage, höchstens 2.000 Zeichen) und – in jeder Runde außer der letzten – freiwillige Delphi-Begründungen unter „reason:<competence>|<measure>|<horizon>“ (höchstens 500 Zeichen). Begründungen werden ohne Bezug zur Person gespeichert und nach Prüfung durch die Organisator*innen in der nächsten Runde als Argumente gezeigt.'
							}
						}
					})
				},
				responses: {
					'201': { description: 'Quittung', content: jsonContent({ type: 'object', properties: { receipt: { type: 'string' } } }) },
					'400': errorDoc('Idempotency-Key fehlt oder JSON ungültig'),
					'404': errorDoc('Unbekannter Link'),
					'409': errorDoc('Befragung noch nicht geöffnet'),
					'410': errorDoc('Schon abgegeben (mit anderem Key) oder beendet'),
					'422': errorDoc('Ungültige Antworten (details je Antwort) oder gleicher Key mit anderem Inhalt')
				}
			}
		}
	};
}
