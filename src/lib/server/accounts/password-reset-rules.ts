export const RESET_VALID_MINUTES = 60;

export const RESET_NEEDS_MAIL =
	'Diese Installation verschickt keine E-Mails. Deshalb kann Stadtwissen hier kein Passwort zurücksetzen. Ein neues Passwort setzt die Person, die Stadtwissen betreibt, mit „npx stadtwissen user password --email …“.';
