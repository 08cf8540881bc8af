import { DISPLAY_NAME_MAX, MODERATION_ACTIONS, WERKSTATT_SEED_MAX, WERKSTATT_TEXT_MAX, WERKSTATT_TITLE_MAX } from '../../schemas/werkstatt';
import { bearer, errorDoc, errorRef, jsonContent, uuidParameter } from '../openapi/helpers';

/** Participant endpoints take the token from joining, not an API key. */
const participant = [{ participant: [] }];
const codeParameter = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z2-9 -]{6,}$' }, description: 'Der Beitrittscode (6 Zeichen, Groß-/Kleinschreibung egal)' };
const uuid = { type: 'string', format: 'uuid' };
const text = { type: 'string', minLength: 1, maxLength: WERKSTATT_TEXT_MAX, description: `Höchstens ${WERKSTATT_TEXT_MAX} Zeichen (nach dem Kürzen von Leerzeichen)` };
const status = { enum: ['pending', 'visible', 'hidden'] };
const rateLimited = errorDoc('Zu viele Anfragen von diesem Gerät oder Anschluss (Header Retry-After)');
const closed = errorDoc('Die Werkstatt ist geschlossen');
const unknownCode = errorDoc('Diesen Code gibt es nicht');
const notParticipant = errorDoc('Teilnahme-Schlüssel fehlt oder gehört nicht zu dieser Werkstatt');

const header = {
	type: 'object',
	properties: {
		id: uuid,
		title: { type: 'string' },
		code: { type: 'string' },
		status: { enum: ['open', 'closed'] },
		moderation: { enum: ['pre', 'post'] },
		groups: { type: 'array', items: { type: 'string' }, description: 'Die Gruppen zur Auswahl beim Beitritt' },
		lastEventId: { type: 'integer', description: 'Das neueste Ereignis: ab hier live zuhören (`?after=`)' }
	}
};

const participantBoard = {
	type: 'object',
	properties: {
		werkstatt: header,
		participant: { type: ['string', 'null'], format: 'uuid' },
		questions: {
			type: 'array',
			description: 'Meiste Unterstützung zuerst',
			items: { type: 'object', properties: { id: uuid, text: { type: 'string' }, status, likes: { type: 'integer' }, answered: { type: 'boolean' }, pinned: { type: 'boolean' }, mine: { type: 'boolean' }, liked: { type: 'boolean' }, author: { type: ['string', 'null'], description: 'Der Name, den die Person beim Beitreten zeigen wollte; null: anonym' } } }
		},
		statements: {
			type: 'array',
			items: { type: 'object', properties: { id: uuid, text: { type: 'string' }, status, pinned: { type: 'boolean' }, mine: { type: 'boolean' }, vote: { enum: [1, -1, 0, null] } } }
		},
		next: { type: ['string', 'null'], format: 'uuid', description: 'Die nächste Aussage ohne eigene Stimme' }
	}
};

const facilitatorBoard = {
	type: 'object',
	properties: {
		werkstatt: header,
		participants: { type: 'integer' },
		items: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					id: uuid,
					kind: { enum: ['question', 'statement'] },
					text: { type: 'string' },
					status,
					answered: { type: 'boolean' },
					pinned: { type: 'boolean' },
					seeded: { type: 'boolean' },
					author: { type: ['string', 'null'], description: 'Der Name, den die Person beim Beitreten zeigen wollte; null: anonym oder vorbereitet' },
					likes: { type: 'integer' },
					agree: { type: 'integer' },
					disagree: { type: 'integer' },
					pass: { type: 'integer' },
					createdAt: { type: 'string', format: 'date-time' }
				}
			}
		}
	}
};

const post = (summary: string, security: object[], body: object, responses: Record<string, object>) => ({
	post: { summary, tags: ['Werkstatt'], security, requestBody: { required: true, content: jsonContent(body) }, responses }
});
const object = (required: string[], properties: Record<string, object>) => ({ type: 'object', required, additionalProperties: false, properties });

export function werkstattPaths() {
	return {
		'/werkstaetten': post('Werkstatt anlegen (offen, mit Beitrittscode)', bearer, object(['title'], {
			title: { type: 'string', minLength: 1, maxLength: WERKSTATT_TITLE_MAX },
			sessionId: { ...uuid, description: 'Ein Termin des eigenen Katalogs: dessen Zielgruppen stehen beim Beitritt zur Wahl' },
			moderation: { enum: ['pre', 'post'], default: 'post', description: '„pre“: Beiträge erst nach Freigabe sichtbar' }
		}), {
			'201': { description: 'Angelegt', content: jsonContent(object(['id', 'code'], { id: uuid, code: { type: 'string', pattern: '^[A-HJKMNP-Z2-9]{6}$' } })) },
			'401': errorRef('Unauthorized'),
			'403': errorRef('Forbidden'),
			'404': errorDoc('Den Termin gibt es im eigenen Katalog nicht'),
			'422': errorRef('ValidationFailed')
		}),
		'/werkstaetten/{id}': {
			parameters: [uuidParameter()],
			get: {
				summary: 'Alles für die Moderation: auch wartende und verborgene Beiträge, mit Unterstützung und Stimmen',
				tags: ['Werkstatt'],
				security: bearer,
				responses: { '200': { description: 'Die Tafel', content: jsonContent(facilitatorBoard) }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': errorRef('NotFound') }
			},
			delete: {
				summary: 'Werkstatt mit allem löschen (Beiträge, Stimmen, Teilnehmende); offene Live-Verbindungen bekommen „werkstatt.deleted“ und enden',
				tags: ['Werkstatt'],
				security: bearer,
				responses: { '204': { description: 'Gelöscht' }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': errorRef('NotFound') }
			}
		},
		'/werkstaetten/{id}/results': {
			parameters: [uuidParameter()],
			get: {
				summary: 'Ergebnisse: Zählung je Aussage, Meinungsgruppen, Konsens',
				description:
					'Nur Aussagen, die der Raum sieht. `byGroup` nennt eine angegebene Gruppe nur, soweit die Regel der Mindestgruppengröße (`minGroupSize`) es erlaubt: keine Gruppe unter k Personen oder mit weniger als k Stimmen zu einer Aussage, und nie genau das, was Gesamtzahl minus gezeigte Gruppen verraten würde (dann wird eine weitere Gruppe ausgeblendet). Meinungsgruppen aus den Stimmen (PCA, k-means, reproduzierbar); kleinere als k werden nicht beschrieben. `consensus`: über die Meinungsgruppen, `declaredConsensus`: über die gezeigten angegebenen Gruppen, je (Zustimmung + 1) / (Stimmen + 2) multipliziert, beste zuerst. Nach einem Pol.is-Import tragen Aussagen ihre Pol.is-Nummer.',
				tags: ['Werkstatt'],
				security: bearer,
				responses: {
					'200': {
						description: 'Die Ergebnisse',
						content: jsonContent(
							object(['statements', 'opinionGroups', 'consensus', 'declaredConsensus', 'map', 'minGroupSize'], {
								statements: { type: 'array', items: object(['id', 'text', 'agree', 'disagree', 'pass', 'byGroup'], { id: { type: 'string' }, text: { type: 'string' }, agree: { type: 'integer' }, disagree: { type: 'integer' }, pass: { type: 'integer' }, byGroup: { type: 'object', additionalProperties: object(['agree', 'disagree', 'pass'], { agree: { type: 'integer' }, disagree: { type: 'integer' }, pass: { type: 'integer' } }) } }) },
								opinionGroups: { type: 'array', items: object(['id', 'size', 'described', 'representative'], { id: { type: 'integer' }, size: { type: 'integer' }, described: { type: 'boolean' }, representative: { type: 'array', items: { type: 'string' } } }) },
								consensus: { type: 'array', items: object(['statement', 'score'], { statement: { type: 'string' }, score: { type: 'number' } }) },
								declaredConsensus: { type: 'array', items: object(['statement', 'score'], { statement: { type: 'string' }, score: { type: 'number' } }) },
								map: object(['reason', 'k', 'positions'], { reason: { enum: ['clustered', 'too-few-participants', 'no-structure'] }, k: { type: 'integer' }, positions: { type: 'array', items: object(['x', 'y', 'group'], { x: { type: 'number' }, y: { type: 'number' }, group: { type: 'integer' } }) } }),
								minGroupSize: { type: 'integer' }
							})
						)
					},
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'404': errorRef('NotFound')
				}
			}
		},
		'/werkstaetten/{id}/export/{file}': {
			parameters: [uuidParameter(), { name: 'file', in: 'path', required: true, schema: { enum: ['comments.csv', 'votes.csv', 'participants-votes.csv', 'summary.csv'] } }],
			get: {
				summary: 'Pol.is-Export (eine der vier Dateien), zum Vergleichen und Archivieren',
				description: 'Aussagen und Teilnehmende tragen nach einem Pol.is-Import ihre Pol.is-Nummern, sonst fortlaufende Nummern. Verborgene Aussagen haben `moderated` = -1. `group-id` in participants-votes.csv ist die Meinungsgruppe.',
				tags: ['Werkstatt'],
				security: bearer,
				responses: { '200': { description: 'Die CSV-Datei (UTF-8)', content: { 'text/csv': { schema: { type: 'string' } } } }, '401': errorRef('Unauthorized'), '403': errorRef('Forbidden'), '404': errorRef('NotFound') }
			}
		},
		'/werkstaetten/{id}/export/dokumentation.{format}': {
			parameters: [uuidParameter(), { name: 'format', in: 'path', required: true, schema: { enum: ['pdf', 'md'] }, description: '`pdf` (barrierearmes PDF mit Struktur) oder `md` (Markdown)' }],
			get: {
				summary: 'Dokumentation der Werkstatt als PDF oder Markdown',
				description:
					'Titel, Modul und Termin (falls verknüpft), Datum; die sichtbaren Fragen mit Unterstützung, beantwortet oder offen; die sichtbaren Aussagen mit Zustimmung, Ablehnung und „weiß nicht“, je angegebener Gruppe nur soweit die Mindestgruppengröße der Organisation es erlaubt; „Wo sind wir uns einig?“ (Konsens über Meinungsgruppen und angegebene Gruppen) und „Wo gehen die Meinungen auseinander?“ (Meinungsgruppen mit ihren kennzeichnenden Aussagen; keine Gruppe unter der Mindestgruppengröße). Verborgene und nicht freigegebene Beiträge fehlen.',
				tags: ['Werkstatt'],
				security: bearer,
				responses: {
					'200': { description: 'Die Datei', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'text/markdown': { schema: { type: 'string' } } } },
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'404': errorDoc('Diese Werkstatt gibt es nicht, oder das Format ist weder pdf noch md')
				}
			}
		},
		'/werkstaetten/{id}/status': {
			parameters: [uuidParameter()],
			...post('Schließen oder wieder öffnen', bearer, object(['status'], { status: { enum: ['open', 'closed'] } }), {
				'200': { description: 'Gespeichert', content: jsonContent(object(['id', 'status'], { id: uuid, status: { enum: ['open', 'closed'] } })) },
				'401': errorRef('Unauthorized'),
				'403': errorRef('Forbidden'),
				'404': errorRef('NotFound'),
				'422': errorRef('ValidationFailed')
			})
		},
		'/werkstaetten/{id}/statements': {
			parameters: [uuidParameter()],
			...post('Aussagen vorbereiten (alle oder keine)', bearer, object(['statements'], { statements: { type: 'array', items: text, minItems: 1, maxItems: WERKSTATT_SEED_MAX } }), {
				'201': { description: 'Angelegt, sichtbar', content: jsonContent(object(['statements'], { statements: { type: 'array', items: uuid } })) },
				'401': errorRef('Unauthorized'),
				'403': errorRef('Forbidden'),
				'404': errorRef('NotFound'),
				'422': errorRef('ValidationFailed')
			})
		},
		'/werkstaetten/{id}/statements/{statement}': {
			parameters: [uuidParameter(), uuidParameter('statement')],
			...post('Moderieren: freigeben, verbergen, beantwortet, an die Leinwand (immer nur ein Beitrag), Tippfehler korrigieren', bearer, object(['action'], { action: { enum: MODERATION_ACTIONS }, text: { ...text, description: 'Nur für „edit“' } }), {
				'200': { description: 'Der Beitrag danach', content: jsonContent({ type: 'object', properties: { id: uuid, kind: { enum: ['question', 'statement'] }, text: { type: 'string' }, status, answered: { type: 'boolean' }, pinned: { type: 'boolean' } } }) },
				'401': errorRef('Unauthorized'),
				'403': errorRef('Forbidden'),
				'404': errorRef('NotFound'),
				'409': errorDoc('Nur sichtbare Beiträge können an die Leinwand'),
				'422': errorRef('ValidationFailed')
			})
		},
		'/werkstaetten/{id}/import/polis': {
			parameters: [uuidParameter()],
			post: {
				summary: 'Einen Pol.is-Export in eine leere Werkstatt übernehmen (alles oder nichts)',
				description: 'Aussagen behalten ihre comment-id, Teilnehmende ihre Pol.is-Kennung; in Pol.is ausgeblendete Aussagen bleiben ausgeblendet; von mehrfachen Stimmen zählt die letzte.',
				tags: ['Werkstatt'],
				security: bearer,
				requestBody: {
					required: true,
					content: {
						'multipart/form-data': {
							schema: { type: 'object', required: ['comments', 'votes'], properties: { comments: { type: 'string', format: 'binary', description: 'comments.csv' }, votes: { type: 'string', format: 'binary', description: 'votes.csv' } } }
						}
					}
				},
				responses: {
					'201': { description: 'Übernommen', content: jsonContent(object(['statements', 'participants', 'votes'], { statements: { type: 'integer' }, participants: { type: 'integer' }, votes: { type: 'integer' } })) },
					'400': errorDoc('Kein multipart-Inhalt'),
					'401': errorRef('Unauthorized'),
					'403': errorRef('Forbidden'),
					'404': errorRef('NotFound'),
					'409': errorDoc('Die Werkstatt hat schon Beiträge'),
					'422': errorRef('ValidationFailed')
				}
			}
		},
		'/w/{code}': {
			parameters: [codeParameter],
			get: {
				summary: 'Die Tafel für Teilnehmende (mit Teilnahme-Schlüssel auch eigene Stimmen und wartende eigene Beiträge)',
				tags: ['Werkstatt'],
				security: [{}, ...participant],
				responses: { '200': { description: 'Die Tafel', content: jsonContent(participantBoard) }, '401': notParticipant, '404': unknownCode }
			}
		},
		'/w/{code}/join': {
			parameters: [codeParameter],
			...post('Beitreten, ohne Konto', [], object([], {
				group: { type: ['string', 'null'], description: 'Eine der `groups` der Tafel; null oder weggelassen: „möchte ich nicht sagen“' },
				displayName: { type: ['string', 'null'], maxLength: DISPLAY_NAME_MAX, description: 'Freiwillig' }
			}), {
				'201': { description: 'Beigetreten; der Schlüssel wird nur dieses eine Mal gezeigt', content: jsonContent(object(['participant', 'token'], { participant: uuid, token: { type: 'string', description: 'Teilnahme-Schlüssel (swp_…) für `Authorization: Bearer`' } })) },
				'404': unknownCode,
				'409': closed,
				'422': errorRef('ValidationFailed'),
				'429': rateLimited
			})
		},
		'/w/{code}/statements': {
			parameters: [codeParameter],
			...post('Frage oder Aussage schreiben', participant, object(['text', 'kind'], { text, kind: { enum: ['statement', 'question'] } }), {
				'201': { description: 'Angenommen; „pending“ bis zur Freigabe, wenn vorher moderiert wird', content: jsonContent(object(['id', 'status'], { id: uuid, status: { enum: ['pending', 'visible'] } })) },
				'401': notParticipant,
				'404': unknownCode,
				'409': closed,
				'422': errorRef('ValidationFailed'),
				'429': rateLimited
			})
		},
		'/w/{code}/votes': {
			parameters: [codeParameter],
			...post('Abstimmen: 1 stimme zu, -1 stimme nicht zu, 0 weiß nicht; eine zweite Stimme ersetzt die erste', participant, object(['statement', 'vote'], { statement: uuid, vote: { enum: [1, -1, 0] } }), {
				'200': { description: 'Gezählt', content: jsonContent(object(['statement', 'vote'], { statement: uuid, vote: { enum: [1, -1, 0] } })) },
				'401': notParticipant,
				'404': errorDoc('Code unbekannt, oder keine sichtbare Aussage dieser Werkstatt'),
				'409': closed,
				'422': errorRef('ValidationFailed'),
				'429': rateLimited
			})
		},
		'/w/{code}/likes': {
			parameters: [codeParameter],
			...post('Eine Frage unterstützen (einmal je Gerät)', participant, object(['question'], { question: uuid }), {
				'201': { description: 'Unterstützt', content: jsonContent(object(['question', 'likes'], { question: uuid, likes: { type: 'integer' } })) },
				'200': { description: 'War schon unterstützt; nichts geändert', content: jsonContent(object(['question', 'likes'], { question: uuid, likes: { type: 'integer' } })) },
				'401': notParticipant,
				'404': errorDoc('Code unbekannt, oder keine sichtbare Frage dieser Werkstatt'),
				'409': closed,
				'422': errorRef('ValidationFailed')
			})
		},
		'/w/{code}/events': {
			parameters: [codeParameter, { name: 'after', in: 'query', required: false, schema: { type: 'integer' }, description: 'Wie Last-Event-ID: alles danach nachliefern (für die erste Verbindung)' }],
			get: {
				summary: 'Live-Ereignisse (Server-Sent Events): `id` fortlaufend, `event` die Art, `data` nur Kennungen — den Inhalt liefert die Tafel',
				description:
					'Arten: werkstatt.status, werkstatt.imported, werkstatt.deleted (danach endet der Strom), reload (zu viel verpasst, oder die Last-Event-ID ist nicht mehr im Protokoll — es wird 30 Tage nach dem Schließen gelöscht: Tafel neu laden), participant.joined, statement.posted, statement.changed, vote, like. Nach einer Unterbrechung schickt der Browser Last-Event-ID und bekommt, was er verpasst hat. Alle 15 s ein Kommentar als Lebenszeichen. Wer nicht mitliest, wird getrennt, statt die anderen aufzuhalten.',
				tags: ['Werkstatt'],
				parameters: [{ name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } }],
				responses: { '200': { description: 'Der Strom', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '404': unknownCode }
			}
		}
	};
}
