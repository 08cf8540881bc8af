import { signInSettings } from '../auth/oidc-settings';
import { mailConfigured } from '../mail/mailer';

/** The page to request a reset: without SMTP it only says how to get a new password; with passwords off, that they are. */
export function passwordResetPage() {
	return { mailConfigured: mailConfigured(), passwordLogin: signInSettings().passwordLogin };
}
