/**
 * A real SMTP server for the e2e servers: global-setup starts it and points the demo server's
 * SMTP_HOST at it; every mail it receives is appended to a JSON-lines file that the test files
 * read. Tests take links from what was really sent — never from the database or the Ausgang.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';

export interface ReceivedMail {
	to: string;
	subject: string;
	text: string;
}

export interface RunningMailbox {
	port: number;
	file: string;
	close(): Promise<void>;
}

export async function startMailbox(file: string): Promise<RunningMailbox> {
	fs.writeFileSync(file, '');
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
					const mail: ReceivedMail = { to: (to?.value[0]?.address ?? '').toLowerCase(), subject: parsed.subject ?? '', text: parsed.text ?? '' };
					fs.appendFileSync(file, JSON.stringify(mail) + '\n');
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	return { port, file, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Every mail received so far for `email`, oldest first. */
export function mailsTo(file: string, email: string): ReceivedMail[] {
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as ReceivedMail)
		.filter((mail) => mail.to === email.toLowerCase());
}

/**
 * The newest link starting with `pathPrefix` in a mail to `email`, waiting up to 10 s (password
 * resets are mailed in the background, so the answer does not tell whether an account exists).
 */
export async function linkFromMailbox(file: string, email: string, pathPrefix: string): Promise<string> {
	const pattern = new RegExp(`(https?://\\S+?${pathPrefix.replace(/[/.]/g, '\\$&')}[A-Za-z0-9_.-]+)`);
	for (let waited = 0; waited <= 10_000; waited += 100) {
		const link = mailsTo(file, email)
			.map((mail) => pattern.exec(mail.text)?.[1])
			.filter(Boolean)
			.at(-1);
		if (link) return link;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	expect.fail(`no mail to ${email} with a link to ${pathPrefix} arrived`);
}
