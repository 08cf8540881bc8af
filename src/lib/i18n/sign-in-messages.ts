import { defineMessages } from './fragment';

/** Single sign-on (OpenID Connect) and switched-off passwords: the sign-in page, its refusals, the password pages. */
export const signInMessages = defineMessages(
	{
		'sso.button': 'Mit dem Konto Ihrer Verwaltung anmelden',
		'sso.or': 'Oder mit E-Mail-Adresse und Passwort:',
		'sso.refusedTitle': 'Anmeldung nicht möglich',
		'sso.again': 'Noch einmal mit dem Konto Ihrer Verwaltung anmelden',
		'sso.back': 'Zur Anmeldung',
		'sso.passwordsOff': 'Hier melden Sie sich mit dem Konto Ihrer Verwaltung an. Anmelden mit Passwort ist abgeschaltet.',
		'sso.passwordsOffReset': 'Passwörter sind hier abgeschaltet: Sie melden sich mit dem Konto Ihrer Verwaltung an. Ihr Passwort ändern Sie dort, wo Ihre Verwaltung Konten verwaltet.'
	},
	{
		'sso.button': 'Sign in with your administration account',
		'sso.or': 'Or with e-mail address and password:',
		'sso.refusedTitle': 'Sign-in not possible',
		'sso.again': 'Sign in with your administration account again',
		'sso.back': 'Back to sign-in',
		'sso.passwordsOff': 'Here you sign in with your administration account. Signing in with a password is switched off.',
		'sso.passwordsOffReset': 'Passwords are switched off here: you sign in with your administration account. Change your password where your administration manages accounts.'
	}
);
