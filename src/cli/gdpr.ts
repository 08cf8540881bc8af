import fs from 'node:fs';
import path from 'node:path';
import { emailSchema } from '../lib/schemas/accounts';
import { publicOrigin, readConfig } from '../lib/server/config';
import { systemContext } from '../lib/server/context';
import { erasePersonalData } from '../lib/server/gdpr/erase-personal-data';
import { exportPersonalDataJson, exportPersonalDataPdf } from '../lib/server/gdpr/export-personal-data';
import { note, openDatabase, say } from './database';
import type { Command, Values } from './command';
import { UsageError } from './usage-error';

/*
 * Data protection requests from the command line (Art. 15 and 17 DSGVO), for the whole instance:
 * the operator answers for every organisation. The web page does the same for one organisation.
 */

function address(values: Values): string {
	if (typeof values.email !== 'string' || !values.email) throw new UsageError('Die Option --email fehlt.');
	const result = emailSchema.safeParse(values.email);
	if (!result.success) throw new UsageError(`--email: ${result.error.issues[0].message}`);
	return result.data;
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
	const running = await openDatabase({ log: note, besideRunningServer: true });
	try {
		return await work(running.db);
	} finally {
		await running.shutdown();
	}
}

export const gdprCommands: Record<string, Command> = {
	'gdpr export': {
		summary: 'Auskunft nach Art. 15 DSGVO: alles, was zu einer E-Mail-Adresse gespeichert ist (ohne Antworten aus Analysen, die keiner Person zugeordnet sind).',
		usage: '--email ADRESSE [--format json|pdf] [--output DATEI]',
		options: {
			email: { type: 'string', description: 'E-Mail-Adresse der Person' },
			format: { type: 'string', description: 'json (Standard) oder pdf' },
			output: { type: 'string', description: 'Zieldatei (Standard: Ausgabe auf der Konsole bei json, auskunft-JJJJ-MM-TT.pdf bei pdf)' }
		},
		async run(values) {
			const email = address(values);
			const format = values.format === undefined ? 'json' : values.format;
			if (format !== 'json' && format !== 'pdf') throw new UsageError('--format: erlaubt sind json oder pdf.');
			const file = await withDatabase((db) => (format === 'pdf' ? exportPersonalDataPdf : exportPersonalDataJson)({ db, now: new Date() }, { email }));
			const output = typeof values.output === 'string' && values.output ? path.resolve(values.output) : format === 'pdf' ? path.resolve(file.fileName) : null;
			if (!output) {
				say(String(file.body).trimEnd());
				return 0;
			}
			// The file holds personal data: readable by its owner only.
			fs.writeFileSync(output, file.body as string | Uint8Array, { mode: 0o600 });
			say(`Auskunft gespeichert: ${output}`);
			return 0;
		}
	},
	'gdpr erase': {
		summary: 'Löschung nach Art. 17 DSGVO: löscht Konten, anonymisiert Anmeldungen, entfernt die Adresse aus dem Postausgang (in einer Transaktion).',
		usage: '--email ADRESSE --yes',
		options: {
			email: { type: 'string', description: 'E-Mail-Adresse der Person' },
			yes: { type: 'boolean', description: 'Bestätigt, dass die Daten endgültig gelöscht werden sollen' }
		},
		async run(values) {
			const email = address(values);
			if (values.yes !== true) throw new UsageError('Die Löschung ist endgültig. Bestätigen Sie sie mit --yes.');
			// Freed seats are offered to the waiting list at once: the offer mails link to the public address.
			const summary = await withDatabase((db) => erasePersonalData(systemContext(db, publicOrigin(readConfig())), { email }));
			say(
				`Gelöscht: ${summary.accountsDeleted} Konto/Konten, ${summary.registrations} Anmeldung(en) anonymisiert, ${summary.mails} Adresse(n) aus dem Postausgang entfernt, ${summary.invitations} Einladung(en) gelöscht, ${summary.auditEntries} Protokolleintrag/-einträge ohne Person.`
			);
			return 0;
		}
	}
};
