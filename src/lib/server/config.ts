import path from 'node:path';
import { z } from 'zod';

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
		.optional()
}).superRefine((config, issues) => {
	if (config.DATABASE_MIGRATION_URL !== undefined && config.DATABASE_URL === undefined) {
		issues.addIssue({ code: 'custom', path: ['DATABASE_MIGRATION_URL'], message: 'DATABASE_MIGRATION_URL wirkt nur zusammen mit DATABASE_URL (ohne DATABASE_URL richtet Stadtwissen beide Rollen selbst ein).' });
	}
	if (config.XFF_DEPTH !== undefined && config.ADDRESS_HEADER !== 'x-forwarded-for') {
		issues.addIssue({ code: 'custom', path: ['XFF_DEPTH'], message: 'XFF_DEPTH wirkt nur zusammen mit ADDRESS_HEADER=x-forwarded-for.' });
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
