import { mailConfigured } from '../mail/mailer';

/** The page to request a reset: without SMTP it only says how to get a new password. */
export function passwordResetPage() {
	return { mailConfigured: mailConfigured() };
}
