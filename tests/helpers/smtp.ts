import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

export interface ReceivedMail {
	to: string;
	subject: string;
	text: string;
}

export interface TestSmtp {
	port: number;
	/** Every mail SMTP accepted, in order. */
	received: ReceivedMail[];
	/** Mails to these addresses are refused with 550 (a mailbox that does not exist). */
	refuse: Set<string>;
	/** The mails received for `to`. */
	to(address: string): ReceivedMail[];
	/** Points SMTP_HOST/SMTP_PORT at this server (the default after start). */
	use(): void;
	/** Unsets SMTP_HOST: the instance has no mail server. */
	unset(): void;
	close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 for the calling test file: what the app sends is read from what
 * this server received, never from the database. Stopped after the file.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
	const received: ReceivedMail[] = [];
	const refuse = new Set<string>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (refuse.has(address.address.toLowerCase())) {
				const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
				callback(error);
				return;
			}
			callback();
		},
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
					received.push({ to: (to?.value[0]?.address ?? '').toLowerCase(), subject: parsed.subject ?? '', text: parsed.text ?? '' });
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	const smtp: TestSmtp = {
		port,
		received,
		refuse,
		to: (address) => received.filter((mail) => mail.to === address.toLowerCase()),
		use() {
			process.env.SMTP_HOST = '127.0.0.1';
			process.env.SMTP_PORT = String(port);
		},
		unset() {
			delete process.env.SMTP_HOST;
			delete process.env.SMTP_PORT;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
	smtp.use();
	afterAll(async () => {
		smtp.unset();
		await smtp.close();
	});
	return smtp;
}

/** The first link in `text` under `path` (e.g. "/t/"), with what follows up to whitespace. */
export function linkIn(text: string, path: string): string {
	const match = new RegExp(`https?://\\S+?${path.replace(/[/.]/g, '\\$&')}(\\S+)`).exec(text);
	if (!match) throw new Error(`no ${path} link in mail:\n${text}`);
	return match[1];
}
