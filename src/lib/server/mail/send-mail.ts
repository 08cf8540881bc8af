import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/client';
import { outboxMails } from '../db/schema';

export interface Mail {
	orgId?: string | null;
	kind?: 'general' | 'password_reset';
	to: string;
	subject: string;
	body: string;
}

let transporter: Transporter | null | undefined;

function smtp(): Transporter | null {
	if (transporter === undefined) {
		const host = process.env.SMTP_HOST;
		transporter = host
			? nodemailer.createTransport({
					host,
					port: Number(process.env.SMTP_PORT ?? 587),
					secure: ['1', 'true', 'yes', 'ja'].includes(process.env.SMTP_SECURE ?? ''),
					auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD } : undefined
				})
			: null;
	}
	return transporter;
}

/**
 * Every mail is kept in the outbox. Without SMTP settings it stays there for organisers to read
 * ("Ausgang"), so invitations and password resets also work in a demo.
 */
export async function sendMail(db: Db, mail: Mail): Promise<void> {
	const [stored] = await db
		.insert(outboxMails)
		.values({ orgId: mail.orgId ?? null, kind: mail.kind ?? 'general', recipient: mail.to, subject: mail.subject, body: mail.body })
		.returning({ id: outboxMails.id });
	const transport = smtp();
	if (!transport) return;
	try {
		await transport.sendMail({ from: process.env.SMTP_FROM ?? 'Stadtwissen <no-reply@stadtwissen.example>', to: mail.to, subject: mail.subject, text: mail.body });
		await db.update(outboxMails).set({ sentAt: new Date() }).where(eq(outboxMails.id, stored.id));
	} catch (error) {
		console.error('E-Mail konnte nicht versendet werden:', (error as Error).message);
	}
}
