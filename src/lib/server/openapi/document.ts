import { cataloguePaths } from '../catalogue/openapi';
import { errorStatus } from '../errors';
import { frameworkPaths } from '../frameworks/openapi';
import { glossaryPaths } from '../glossary/openapi';
import { languagePaths } from '../language/openapi';
import { resultPaths } from '../results/openapi';
import { participatePaths } from '../studies/participate-openapi';
import { studyPaths } from '../studies/openapi';
import { werkstattPaths } from '../werkstatt/openapi';
import { planningPaths } from '../planning/openapi';
import { operationsPaths } from '../observability/openapi';

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

/** The OpenAPI 3.1 description of /api/v1; each capability adds its paths here. */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Stadtwissen API',
			version: '1',
			description:
				'Programmierschnittstelle von Stadtwissen. Authentifizierung mit API-Schlüssel: `Authorization: Bearer swt_…` (erzeugt unter „Mein Konto“ oder mit `npx stadtwissen token create`). Ein Schlüssel wirkt nur in seiner Organisation. Fremde IDs antworten mit 404. Fehler haben immer die Form `{"error": {"code", "message", "details"}}`.'
		},
		servers: [{ url: serverUrl }],
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'API-Schlüssel (swt_…)' },
				participant: { type: 'http', scheme: 'bearer', description: 'Teilnahme-Schlüssel einer Werkstatt (swp_…, von /w/{code}/join) — kein API-Schlüssel' },
				metrics: { type: 'http', scheme: 'bearer', description: 'Der Schlüssel aus METRICS_TOKEN (nur für /metrics)' }
			},
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: {
						error: {
							type: 'object',
							required: ['code', 'message', 'details'],
							properties: {
								code: { type: 'string', enum: [...Object.keys(errorStatus), 'internal'], description: 'Stabiler Fehlercode; HTTP-Status: ' + Object.entries(errorStatus).map(([code, status]) => `${code}=${status}`).join(', ') },
								message: { type: 'string', description: 'Ein deutscher Satz für Menschen' },
								details: {
									type: 'array',
									items: {
										type: 'object',
										required: ['message'],
										properties: {
											path: { type: 'string', examples: ['answers[3].value'] },
											line: { type: 'integer' },
											column: { type: 'string' },
											message: { type: 'string' }
										}
									}
								}
							}
						}
					}
				}
			},
			responses: {
				Unauthorized: errorResponse('Kein oder ungültiger API-Schlüssel'),
				Forbidden: errorResponse('Die Rolle erlaubt das nicht'),
				NotFound: errorResponse('Nicht gefunden (auch für IDs anderer Organisationen)'),
				ValidationFailed: errorResponse('Angaben ungültig; `details` nennt jede Stelle')
			}
		},
		paths: {
			'/healthz': {
				servers: [{ url: serverUrl.replace(/\/api\/v1$/, '') }],
				get: {
					summary: 'Betriebszustand',
					responses: {
						'200': { description: 'Datenbank erreichbar', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } } } } } },
						'503': { description: 'Datenbank nicht erreichbar' }
					}
				}
			},
			...operationsPaths(serverUrl),
			'/me': {
				get: {
					summary: 'Wem der API-Schlüssel gehört und in welcher Organisation er wirkt',
					security: [{ bearer: [] }],
					responses: {
						'200': {
							description: 'Person, Organisation und Rolle',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										properties: {
											user: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, email: { type: 'string' } } },
											organisation: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, slug: { type: 'string' }, name: { type: 'string' } } },
											role: { type: 'string', enum: ['owner', 'organiser', 'facilitator', 'viewer'] }
										}
									}
								}
							}
						},
						'401': { $ref: '#/components/responses/Unauthorized' }
					}
				}
			},
			...frameworkPaths(),
			...participatePaths(),
			...resultPaths(),
			...studyPaths(),
			...cataloguePaths(),
			...languagePaths(),
			...glossaryPaths(),
			...werkstattPaths(),
			...planningPaths()
		}
	};
}
