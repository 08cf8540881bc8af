/** Operational endpoints for load balancers and Prometheus (issue 19); they live beside /api/v1, not under it. */
export function operationsPaths(serverUrl: string) {
	const servers = [{ url: serverUrl.replace(/\/api\/v1$/, '') }];
	return {
		'/readyz': {
			servers,
			get: {
				summary: 'Bereitschaft für den Load Balancer: Datenbank erreichbar und auf dem Migrationsstand dieser Version (/healthz bleibt die Lebendprüfung)',
				responses: {
					'200': {
						description: 'Bereit',
						content: { 'application/json': { schema: { type: 'object', required: ['status', 'migrations'], properties: { status: { const: 'ready' }, migrations: { type: 'integer', description: 'Anzahl der angewandten Migrationen' } } } } }
					},
					'503': {
						description: 'Nicht bereit (Datenbank nicht erreichbar, noch nicht migriert oder von einer neueren Version migriert); mit Retry-After',
						content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'unavailable' }, message: { type: 'string', description: 'Grund auf Deutsch' } } } } }
					}
				}
			}
		},
		'/metrics': {
			servers,
			get: {
				summary: 'Metriken im Prometheus-Textformat (Anfragen und Antwortzeiten je Routengruppe, Abgaben, E-Mail-Ausgang, Datenbank-Pool); nur mit METRICS_TOKEN',
				security: [{ metrics: [] }],
				responses: {
					'200': { description: 'Prometheus-Textformat 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } },
					'401': { $ref: '#/components/responses/Unauthorized' },
					'404': { description: 'Kein METRICS_TOKEN konfiguriert: die Adresse gibt es nicht', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
				}
			}
		}
	};
}
