import { and, eq, sql } from 'drizzle-orm';
import { createUserInOrganisation } from '../lib/server/accounts/create-user';
import { createApiToken } from '../lib/server/auth/create-api-token';
import { applyRetention } from '../lib/server/catalogue/apply-retention';
import { publicOrigin } from '../lib/server/config';
import { systemContext } from '../lib/server/context';
import { purgeOutbox } from '../lib/server/mail/outbox-retention';
import { purgeClosedWerkstattEvents } from '../lib/server/werkstatt/purge-closed-events';
import { generatePassword, hashPassword } from '../lib/server/auth/secrets';
import { memberships, organisations, users } from '../lib/server/db/schema';
import { DEMO_EMAIL, loadDemo } from '../lib/server/demo/load-demo';
import { emailSchema, newPasswordSchema, organisationNameSchema, personNameSchema, roleSchema } from '../lib/schemas/accounts';
import { note, openDatabase, say, type RunningDatabase } from './database';
import { UsageError } from './usage-error';
import { serve } from './serve';
import { backupCommands } from './backup';
import { gdprCommands } from './gdpr';
import type { z } from 'zod';

import type { Command, Values } from './command';

export type { Command } from './command';

function required(values: Values, option: string): string {
	const value = values[option];
	if (typeof value !== 'string' || value === '') throw new UsageError(`Die Option --${option} fehlt.`);
	return value;
}

function valid<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
	const result = schema.safeParse(value);
	if (!result.success) throw new UsageError(`--${option}: ${result.error.issues[0].message}`);
	return result.data;
}

async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) return '';
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** A password piped in on stdin is used; otherwise one is generated and printed. */
async function passwordFromStdinOrGenerated(): Promise<{ password: string; generated: boolean }> {
	const piped = await readStdin();
	if (piped) return { password: valid(newPasswordSchema, piped, 'Passwort (stdin)'), generated: false };
	return { password: generatePassword(), generated: true };
}

async function withDatabase<T>(work: (db: RunningDatabase['db'], config: RunningDatabase['config']) => Promise<T>): Promise<T> {
	const running = await openDatabase({ log: note, besideRunningServer: true });
	try {
		return await work(running.db, running.config);
	} finally {
		await running.shutdown();
	}
}

export const commands: Record<string, Command> = {
	serve: {
		summary: 'Startet Stadtwissen (Datenbank, Migrationen, Demo-Daten, Web-Server). Starts the app.',
		run: () => serve({ dev: false })
	},
	dev: {
		summary: 'Startet den Entwicklungsserver (Vite) mit der eingebetteten Datenbank.',
		run: () => serve({ dev: true })
	},
	migrate: {
		summary: 'Bringt die Datenbank auf den neuesten Stand und beendet sich. Applies migrations.',
		async run() {
			await withDatabase(async () => {});
			say('Die Datenbank ist auf dem neuesten Stand.');
			return 0;
		}
	},
	demo: {
		summary: 'Lädt die Demo-Daten (Stadt Altenburg (Demo)), falls noch nicht vorhanden.',
		async run() {
			const created = await withDatabase((db) => loadDemo(db));
			if (created) say(`Demo geladen. Anmeldung: ${DEMO_EMAIL} / Passwort: ${created.password}\nBefragung ausprobieren: ${created.sampleLink}`);
			else say('Die Demo-Daten sind bereits vorhanden.');
			return 0;
		}
	},
	'user create': {
		summary: 'Legt eine Person an und gibt ihr eine Rolle in einer Organisation (legt die Organisation bei Bedarf an).',
		usage: '--email E --name N --org "Name der Organisation" --role owner|organiser|facilitator|viewer',
		options: {
			email: { type: 'string', description: 'E-Mail-Adresse (Anmeldename)' },
			name: { type: 'string', description: 'Name der Person' },
			org: { type: 'string', description: 'Name der Organisation' },
			role: { type: 'string', description: 'owner, organiser, facilitator oder viewer' }
		},
		async run(values) {
			const email = valid(emailSchema, required(values, 'email'), 'email');
			const name = valid(personNameSchema, required(values, 'name'), 'name');
			const orgName = valid(organisationNameSchema, required(values, 'org'), 'org');
			const role = valid(roleSchema, required(values, 'role'), 'role');
			const { password, generated } = await passwordFromStdinOrGenerated();
			const result = await withDatabase((db) => createUserInOrganisation(db, { email, name, orgName, role, password }));
			say(`${email} ist jetzt ${role} in „${orgName}“ (${result.orgSlug}).`);
			if (!result.userCreated) say('Die Person hatte bereits ein Konto; ihr Passwort bleibt unverändert.');
			else if (generated) say(`Erzeugtes Passwort (wird nur jetzt angezeigt): ${password}`);
			return 0;
		}
	},
	'user password': {
		summary: 'Setzt ein neues Passwort (von stdin oder erzeugt) und beendet alle Sitzungen der Person.',
		usage: '--email E',
		options: { email: { type: 'string', description: 'E-Mail-Adresse der Person' } },
		async run(values) {
			const email = valid(emailSchema, required(values, 'email'), 'email');
			const { password, generated } = await passwordFromStdinOrGenerated();
			const updated = await withDatabase(async (db) =>
				db.update(users).set({ passwordHash: await hashPassword(password) }).where(sql`lower(${users.email}) = ${email}`).returning({ id: users.id })
			);
			if (!updated.length) {
				console.error(`Es gibt kein Konto mit der Adresse ${email}.`);
				return 1;
			}
			say(generated ? `Neues Passwort für ${email}: ${password}` : `Das Passwort für ${email} wurde geändert.`);
			return 0;
		}
	},
	'catalogue retention': {
		summary: 'Anonymisiert Anmeldungen und löscht Einträge im E-Mail-Ausgang, deren Aufbewahrungsfrist abgelaufen ist, und die Live-Ereignisse seit 30 Tagen geschlossener Werkstätten (läuft auch im Server alle 6 Stunden).',
		usage: '[--org SLUG]',
		options: { org: { type: 'string', description: 'Nur diese Organisation (Kurzname); ohne Angabe alle' } },
		async run(values) {
			const orgSlug = typeof values.org === 'string' ? values.org : undefined;
			return withDatabase(async (db, config) => {
				let orgId: string | undefined;
				if (orgSlug) {
					const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, orgSlug));
					if (!org) {
						console.error(`Es gibt keine Organisation mit dem Kurznamen „${orgSlug}“.`);
						return 1;
					}
					orgId = org.id;
				}
				const { sessions, registrations } = await applyRetention(systemContext(db, publicOrigin(config)), { orgId });
				say(
					registrations || sessions
						? `${registrations} Anmeldung(en) aus ${sessions} Termin(en) anonymisiert.`
						: 'Keine Anmeldung hat ihre Aufbewahrungsfrist überschritten; nichts geändert.'
				);
				const mails = await purgeOutbox(db, { orgId });
				if (mails) say(`${mails} Einträge im E-Mail-Ausgang gelöscht (Aufbewahrungsfrist abgelaufen).`);
				const events = await purgeClosedWerkstattEvents(systemContext(db, publicOrigin(config)), { orgId });
				if (events) say(`${events} Live-Ereignisse von Werkstätten gelöscht, die seit über 30 Tagen geschlossen sind.`);
				return 0;
			});
		}
	},
	'token create': {
		summary: 'Erzeugt einen API-Schlüssel für eine Person in einer Organisation; die letzte Zeile ist der Schlüssel.',
		usage: '--email E [--org SLUG] [--name N]',
		options: {
			email: { type: 'string', description: 'E-Mail-Adresse der Person' },
			org: { type: 'string', description: 'Kurzname (Slug) der Organisation; ohne Angabe die einzige der Person' },
			name: { type: 'string', description: 'Bezeichnung des Schlüssels (Standard: „CLI“)' }
		},
		async run(values) {
			const email = valid(emailSchema, required(values, 'email'), 'email');
			const orgSlug = typeof values.org === 'string' ? values.org : undefined;
			const name = typeof values.name === 'string' && values.name.trim() ? values.name.trim().slice(0, 80) : 'CLI';
			return withDatabase(async (db) => {
				const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`);
				if (!user) {
					console.error(`Es gibt kein Konto mit der Adresse ${email}.`);
					return 1;
				}
				const orgs = await db
					.select({ id: organisations.id, slug: organisations.slug })
					.from(memberships)
					.innerJoin(organisations, eq(organisations.id, memberships.orgId))
					.where(and(eq(memberships.userId, user.id), orgSlug ? eq(organisations.slug, orgSlug) : sql`true`));
				if (orgs.length !== 1) {
					console.error(
						orgs.length === 0
							? `${email} gehört zu keiner Organisation${orgSlug ? ` mit dem Kurznamen „${orgSlug}“` : ''}.`
							: `${email} gehört zu mehreren Organisationen (${orgs.map((o) => o.slug).join(', ')}). Wählen Sie eine mit --org.`
					);
					return 1;
				}
				const { token } = await createApiToken(db, { userId: user.id, orgId: orgs[0].id, name });
				say(`API-Schlüssel „${name}“ für ${email} in ${orgs[0].slug} (wird nur jetzt angezeigt):`);
				say(token);
				return 0;
			});
		}
	},
	...backupCommands,
	...gdprCommands
};
