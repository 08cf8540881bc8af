import nodemailer, { type Transporter } from 'nodemailer';

/*
 * The one way out to SMTP. Settings are read from the environment at each delivery, so a
 * changed configuration (and a test's local SMTP server) takes effect without a restart.
 */

export interface SmtpSettings {
	host: string;
	port: number;
	secure: boolean;
	user?: string;
	password?: string;
	from: string;
}

export interface OutgoingMail {
	to: string;
	subject: string;
	body: string;
}

/** SMTP settings, or null when `SMTP_HOST` is not set (then Stadtwissen sends no mail at all). */
export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
	const host = env.SMTP_HOST?.trim();
	if (!host) return null;
	return {
		host,
		port: Number(env.SMTP_PORT || 587),
		secure: ['1', 'true', 'yes', 'ja'].includes(env.SMTP_SECURE ?? ''),
		user: env.SMTP_USER || undefined,
		password: env.SMTP_PASSWORD || undefined,
		from: env.SMTP_FROM || 'Stadtwissen <no-reply@stadtwissen.example>'
	};
}

export function mailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
	return smtpSettings(env) !== null;
}

let cached: { key: string; transporter: Transporter } | undefined;

function transporterFor(settings: SmtpSettings): Transporter {
	const key = JSON.stringify(settings);
	if (cached?.key !== key) {
		cached?.transporter.close();
		cached = {
			key,
			transporter: nodemailer.createTransport({
				host: settings.host,
				port: settings.port,
				secure: settings.secure,
				auth: settings.user ? { user: settings.user, pass: settings.password } : undefined
			})
		};
	}
	return cached.transporter;
}

/** Hands one mail to SMTP; throws when SMTP is not configured or refuses it. */
export async function deliver(mail: OutgoingMail, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const settings = smtpSettings(env);
	if (!settings) throw new Error('SMTP ist nicht eingerichtet.');
	await transporterFor(settings).sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.body });
}

const FAILURE_MAX = 200;

/** The SMTP reply without anything the mail contained: its response code and first line. */
export function failureReason(error: unknown): string {
	const e = error as { responseCode?: number; code?: string; message?: string };
	const first = (e.message ?? String(error)).split('\n')[0];
	return [e.responseCode ?? e.code, first].filter(Boolean).join(' ').slice(0, FAILURE_MAX);
}
