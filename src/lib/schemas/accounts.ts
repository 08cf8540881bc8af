import { z } from 'zod';
import { roles } from '../roles';

export const emailSchema = z
	.string({ message: 'Bitte geben Sie eine E-Mail-Adresse ein.' })
	.trim()
	.min(1, 'Bitte geben Sie eine E-Mail-Adresse ein.')
	.max(254, 'Die E-Mail-Adresse ist zu lang.')
	.pipe(z.email({ message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.' }))
	.transform((email) => email.toLowerCase());

export const newPasswordSchema = z
	.string({ message: 'Bitte geben Sie ein Passwort ein.' })
	.min(10, 'Das Passwort muss mindestens 10 Zeichen lang sein.')
	.max(200, 'Das Passwort darf höchstens 200 Zeichen lang sein.');

export const personNameSchema = z
	.string({ message: 'Bitte geben Sie Ihren Namen ein.' })
	.trim()
	.min(1, 'Bitte geben Sie Ihren Namen ein.')
	.max(120, 'Der Name darf höchstens 120 Zeichen lang sein.');

export const organisationNameSchema = z
	.string({ message: 'Bitte geben Sie den Namen der Organisation ein.' })
	.trim()
	.min(2, 'Der Name der Organisation muss mindestens 2 Zeichen lang sein.')
	.max(120, 'Der Name der Organisation darf höchstens 120 Zeichen lang sein.');

export const roleSchema = z.enum(roles, { message: 'Bitte wählen Sie eine Rolle: owner, organiser, facilitator oder viewer.' });

export const loginSchema = z.object({
	email: emailSchema,
	password: z.string({ message: 'Bitte geben Sie Ihr Passwort ein.' }).min(1, 'Bitte geben Sie Ihr Passwort ein.').max(200, 'Das Passwort ist zu lang.')
});

export const setupSchema = z
	.object({
		orgName: organisationNameSchema,
		name: personNameSchema,
		email: emailSchema,
		password: newPasswordSchema,
		passwordRepeat: z.string()
	})
	.refine((v) => v.password === v.passwordRepeat, { message: 'Die beiden Passwörter stimmen nicht überein.', path: ['passwordRepeat'] });

/** The setup when passwords are off (single sign-on only): the owner signs in through the administration's provider afterwards. */
export const ssoSetupSchema = z.object({ orgName: organisationNameSchema, name: personNameSchema, email: emailSchema });

export const changePasswordSchema = z
	.object({
		currentPassword: z.string().min(1, 'Bitte geben Sie Ihr bisheriges Passwort ein.'),
		password: newPasswordSchema,
		passwordRepeat: z.string()
	})
	.refine((v) => v.password === v.passwordRepeat, { message: 'Die beiden Passwörter stimmen nicht überein.', path: ['passwordRepeat'] });

export const resetPasswordSchema = z
	.object({ password: newPasswordSchema, passwordRepeat: z.string() })
	.refine((v) => v.password === v.passwordRepeat, { message: 'Die beiden Passwörter stimmen nicht überein.', path: ['passwordRepeat'] });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const tokenNameSchema = z.object({
	name: z.string().trim().min(1, 'Bitte geben Sie dem Schlüssel einen Namen.').max(80, 'Der Name darf höchstens 80 Zeichen lang sein.')
});

/** Accepting a member invitation with an address that has no account yet. */
export const newAccountSchema = z
	.object({ name: personNameSchema, password: newPasswordSchema, passwordRepeat: z.string() })
	.refine((v) => v.password === v.passwordRepeat, { message: 'Die beiden Passwörter stimmen nicht überein.', path: ['passwordRepeat'] });

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const revokeTokenSchema = z.object({ tokenId: z.uuid('Unbekannter Schlüssel.') });

export const changeRoleSchema = z.object({ userId: z.uuid('Unbekannte Person.'), role: roleSchema });

export const switchOrganisationSchema = z.object({ orgId: z.uuid('Bitte wählen Sie eine Organisation.') });
