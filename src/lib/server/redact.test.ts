import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../hooks.server';
import { newSecretToken } from './auth/secrets';
import { createLogger, useLog } from './observability/logger';
import { loggableError, redactSecrets, SECRET_ROUTES } from './redact';

/** Every route id under src/routes that has a parameter, e.g. '/t/[token]/seite/[n]'. */
function routesWithParameters(dir = 'src/routes', id = ''): string[] {
	const found: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const segment = entry.name;
		// Groups like (app) do not appear in the URL.
		const childId = /^\(.+\)$/.test(segment) ? id : `${id}/${segment}`;
		if (/\[/.test(segment)) found.push(childId);
		found.push(...routesWithParameters(path.join(dir, segment), childId));
	}
	return found;
}

/** Which parameters open a door: anything named like a token, and a certificate's verification code. */
const isSecret = (routeId: string, parameter: string) => /token/i.test(parameter) || (parameter === 'code' && /\/bescheinigung\/\[code\]/.test(routeId));

/** A URL for the route with short, readable values — short, so only the route list can hide them, not the token rule. */
function sample(routeId: string): { url: string; secrets: string[] } {
	const secrets: string[] = [];
	const url = routeId.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, __, name: string) => {
		const value = `${name}Wert${secrets.length + 1}`;
		if (isSecret(routeId, name)) secrets.push(value);
		return value;
	});
	return { url, secrets };
}

describe('no secret in a log line', () => {
	const routes = routesWithParameters();

	it('finds the secret-bearing routes in src/routes (the walk itself works)', () => {
		expect(routes).toContain('/t/[token]');
		expect(routes).toContain('/api/v1/registrations/[cancelToken]');
		expect(routes.filter((route) => sample(route).secrets.length > 0).length).toBeGreaterThanOrEqual(SECRET_ROUTES.length);
	});

	it('hides the secret of every route under src/routes, and of every page below it', () => {
		for (const route of routes) {
			const { url, secrets } = sample(route);
			for (const variant of [url, `${url}/seite/2`, `${url}?weiter=1`, `POST ${url} failed`]) {
				const logged = redactSecrets(variant);
				for (const secret of secrets) expect(logged, `${route}: ${variant} → ${logged}`).not.toContain(secret);
			}
		}
	});

	it('keeps paths without secrets readable', () => {
		expect(redactSecrets('GET /app/analysen/3f2a/ergebnisse')).toBe('GET /app/analysen/3f2a/ergebnisse');
		expect(redactSecrets('/t/offen/abc123/x')).toBe('/t/offen/[token]/x');
		expect(redactSecrets('/t/abc123/seite/2')).toBe('/t/[token]/seite/2');
		expect(redactSecrets('[0b6c1a9e-5d0f-4b53-9a57-3c1f0f1e2d3a] GET /')).toBe('[0b6c1a9e-5d0f-4b53-9a57-3c1f0f1e2d3a] GET /');
	});

	it('hides a token wherever it appears, also outside a known path', () => {
		const token = newSecretToken('sw_');
		expect(redactSecrets(`invalid input syntax: "${token}"`)).not.toContain(token);
		expect(redactSecrets(`https://stadtwissen.example/irgendwo/${newSecretToken()}`)).toContain('[verborgen]');
	});

	it('redacts the error, its stack and its cause', () => {
		const token = 'kurzesGeheimnis';
		const error = new Error(`Fehler bei /einladung/${token}`, { cause: new Error(`weil /passwort-zuruecksetzen/${token}`) });
		const logged = loggableError(error);
		expect(logged).toContain('/einladung/[token]');
		expect(logged).toContain('Ursache');
		expect(logged).not.toContain(token);
	});

	it('the server error handler logs the failing request without its token', async () => {
		const logged: string[] = [];
		const restore = useLog(createLogger({ format: 'text', destination: { write: (line: string) => logged.push(line) } }));
		try {
			const token = 'teilnahmeGeheimnis7';
			const event = { locals: { requestId: 'r-1' }, request: new Request(`http://localhost/t/${token}/seite/2`), url: new URL(`http://localhost/t/${token}/seite/2`) };
			await handleError({ error: new Error(`kaputt bei /t/${token}/seite/2`), event, status: 500, message: 'Internal Error' } as unknown as Parameters<typeof handleError>[0]);
			const lines = logged.join('\n');
			expect(lines).toContain('method=GET path=/t/[token]/seite/2');
			expect(lines).not.toContain(token);
		} finally {
			restore();
		}
	});
});
