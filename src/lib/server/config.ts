import path from 'node:path';
import { z } from 'zod';
import { parseRoleMap } from '../domain/sign-in/oidc-roles';

const flag = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no', 'ja', 'nein', ''])
	.transform((value) => ['1', 'true', 'yes', 'ja'].includes(value));

const configSchema = z.object({
	PORT: z.coerce
		.number({ message: 'PORT muss eine Zahl sein.' })
		.int('PORT muss eine ganze Zahl sein.')
		.min(1, 'PORT muss zwischen 1 und 65535 liegen.')
		.max(65535, 'PORT muss zwischen 1 und 65535 liegen.')
		.default(3000),
	HOST: z.string().min(1, 'HOST darf nicht leer sein.').default('127.0.0.1'),
	ORIGIN: z.url({ message: 'ORIGIN muss eine vollständige Adresse sein, z. B. https://stadtwissen.example.de' }).optional(),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL muss mit postgres:// beginnen.')
		.optional(),
	DATABASE_MIGRATION_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_MIGRATION_URL muss mit postgres:// beginnen.')
		.optional(),
	STADTWISSEN_DATA_DIR: z.string().min(1).default('./data'),
	STADTWISSEN_DEMO: flag.optional(),
	STADTWISSEN_WORKERS: z.coerce
		.number({ message: 'STADTWISSEN_WORKERS muss eine Zahl sein.' })
		.int('STADTWISSEN_WORKERS muss eine ganze Zahl sein.')
		.min(1, 'STADTWISSEN_WORKERS muss zwischen 1 und 64 liegen.')
		.max(64, 'STADTWISSEN_WORKERS muss zwischen 1 und 64 liegen.')
		.optional(),
	SMTP_HOST: z.string().optional(),
	SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
	SMTP_USER: z.string().optional(),
	SMTP_PASSWORD: z.string().optional(),
	SMTP_FROM: z.string().default('Stadtwissen <no-reply@stadtwissen.example>'),
	SMTP_SECURE: flag.default(false),
	ADDRESS_HEADER: z
		.string()
		.regex(/^[A-Za-z0-9-]{1,64}$/, 'ADDRESS_HEADER muss der Name eines HTTP-Headers sein, z. B. x-forwarded-for oder x-real-ip.')
		.transform((name) => name.toLowerCase())
		.optional(),
	XFF_DEPTH: z.coerce
		.number({ message: 'XFF_DEPTH muss eine Zahl sein.' })
		.int('XFF_DEPTH muss eine ganze Zahl sein.')
		.min(1, 'XFF_DEPTH muss zwischen 1 und 20 liegen (Anzahl der vertrauenswürdigen Proxys).')
		.max(20, 'XFF_DEPTH muss zwischen 1 und 20 liegen (Anzahl der vertrauenswürdigen Proxys).')
		.optional(),
	// Single sign-on (OpenID Connect); README „Anmeldung über Keycloak / OpenID Connect“.
	OIDC_ISSUER: z
		.url({ message: 'OIDC_ISSUER muss die Adresse des Anbieters sein, z. B. https://login.example.de/realms/verwaltung' })
		.refine((value) => /^https:\/\//.test(value) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(value), 'OIDC_ISSUER muss mit https:// beginnen (http:// nur für localhost zum Testen).')
		.optional(),
	OIDC_CLIENT_ID: z.string().max(500, 'OIDC_CLIENT_ID ist zu lang.').optional(),
	OIDC_CLIENT_SECRET: z.string().max(2000, 'OIDC_CLIENT_SECRET ist zu lang.').optional(),
	OIDC_ROLE_CLAIM: z
		.string()
		.regex(/^[A-Za-z0-9_:/.-]{1,200}$/, 'OIDC_ROLE_CLAIM muss der Name eines Claims sein, z. B. groups oder realm_access.roles.')
		.optional(),
	OIDC_ROLE_MAP: z
		.string()
		.superRefine((value, issues) => {
			const parsed = parseRoleMap(value);
			if ('error' in parsed) issues.addIssue({ code: 'custom', message: `OIDC_ROLE_MAP: ${parsed.error}` });
		})
		.optional(),
	OIDC_ORGANISATION: z.string().regex(/^[a-z0-9-]{1,100}$/, 'OIDC_ORGANISATION muss das Kürzel einer Organisation sein (wie in /o/<kürzel>).').optional(),
	OIDC_CREATE_ACCOUNTS: flag.optional(),
	// Betrieb (README „Betrieb: Logs und Metriken“).
	LOG_FORMAT: z.enum(['json', 'text'], { message: 'LOG_FORMAT muss „json“ (eine JSON-Zeile je Eintrag) oder „text“ (lesbare Zeilen) sein.' }).optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL muss error, warn, info, debug oder silent sein.' }).optional(),
	METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,200}$/, 'METRICS_TOKEN muss 16 bis 200 Zeichen ohne Leerzeichen lang sein (z. B. openssl rand -hex 24).').optional(),
	STADTWISSEN_PASSWORD_LOGIN: z
		.enum(['an', 'aus', 'ja', 'nein', '1', '0', 'true', 'false', 'on', 'off'], { message: 'STADTWISSEN_PASSWORD_LOGIN muss „an“ oder „aus“ sein.' })
		.transform((value) => ['an', 'ja', '1', 'true', 'on'].includes(value))
		.optional()
}).superRefine((config, issues) => {
	if (config.DATABASE_MIGRATION_URL !== undefined && config.DATABASE_URL === undefined) {
		issues.addIssue({ code: 'custom', path: ['DATABASE_MIGRATION_URL'], message: 'DATABASE_MIGRATION_URL wirkt nur zusammen mit DATABASE_URL (ohne DATABASE_URL richtet Stadtwissen beide Rollen selbst ein).' });
	}
	if (config.XFF_DEPTH !== undefined && config.ADDRESS_HEADER !== 'x-forwarded-for') {
		issues.addIssue({ code: 'custom', path: ['XFF_DEPTH'], message: 'XFF_DEPTH wirkt nur zusammen mit ADDRESS_HEADER=x-forwarded-for.' });
	}
	const sso = config.OIDC_ISSUER !== undefined;
	for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
		if (sso && config[key] === undefined) issues.addIssue({ code: 'custom', path: [key], message: `${key} fehlt: Mit OIDC_ISSUER braucht Stadtwissen auch OIDC_CLIENT_ID und OIDC_CLIENT_SECRET (aus dem Client beim Anbieter).` });
	}
	for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_CLAIM', 'OIDC_ROLE_MAP', 'OIDC_ORGANISATION', 'OIDC_CREATE_ACCOUNTS'] as const) {
		if (!sso && config[key] !== undefined) issues.addIssue({ code: 'custom', path: [key], message: `${key} wirkt nur zusammen mit OIDC_ISSUER.` });
	}
	if (config.OIDC_ROLE_MAP !== undefined && config.OIDC_ROLE_CLAIM === undefined) {
		issues.addIssue({ code: 'custom', path: ['OIDC_ROLE_MAP'], message: 'OIDC_ROLE_MAP wirkt nur zusammen mit OIDC_ROLE_CLAIM (dem Claim, dessen Werte zugeordnet werden).' });
	}
	for (const key of ['OIDC_ROLE_CLAIM', 'OIDC_CREATE_ACCOUNTS'] as const) {
		if (config[key] && config.OIDC_ORGANISATION === undefined) issues.addIssue({ code: 'custom', path: [key], message: `${key} braucht OIDC_ORGANISATION: das Kürzel der Organisation, in der Rollen vergeben und Konten angelegt werden.` });
	}
	if (config.STADTWISSEN_PASSWORD_LOGIN === false && !sso) {
		issues.addIssue({ code: 'custom', path: ['STADTWISSEN_PASSWORD_LOGIN'], message: 'STADTWISSEN_PASSWORD_LOGIN=aus geht nur mit OIDC_ISSUER – sonst könnte sich niemand mehr anmelden.' });
	}
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
	const result = configSchema.safeParse(present);
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
		throw new ConfigError(`Die Konfiguration ist ungültig:\n${lines.join('\n')}`);
	}
	return { ...result.data, dataDir: path.resolve(result.data.STADTWISSEN_DATA_DIR) };
}

export interface ProxyConfig {
	/** Lower-case name of the header the trusted reverse proxy puts the client's address in. */
	addressHeader?: string;
	/** For x-forwarded-for: how many proxies append to it (the address is the n-th entry from the right). */
	xffDepth: number;
}

/** Which header, if any, carries the client's address (adapter-node's ADDRESS_HEADER and XFF_DEPTH). */
export function proxyConfig(config: Pick<Config, 'ADDRESS_HEADER' | 'XFF_DEPTH'>): ProxyConfig {
	return { addressHeader: config.ADDRESS_HEADER, xffDepth: config.XFF_DEPTH ?? 1 };
}

/** The address links point to: ORIGIN when configured, else the listen address. */
export function publicOrigin(config: Pick<Config, 'ORIGIN' | 'HOST' | 'PORT'>): string {
	return config.ORIGIN ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
}
