import { parseRoleMap, type RoleMap } from '../../domain/sign-in/oidc-roles';
import { readConfig } from '../config';
import { AppError } from '../errors';

/** Single sign-on as configured (OIDC_* in the environment), or null when it is not. */
export interface OidcSettings {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** Claim whose values set the role in `organisation` at each sign-in (null: roles only in Stadtwissen). */
	roleClaim: string | null;
	roleMap: RoleMap;
	/** Slug of the organisation that roles from the claim and new accounts belong to. */
	organisation: string | null;
	/** Whether an unknown, verified e-mail gets an account in `organisation` (else a calm refusal). */
	createAccounts: boolean;
}

export interface SignInSettings {
	oidc: OidcSettings | null;
	/** STADTWISSEN_PASSWORD_LOGIN=aus turns the password form and password resets off. */
	passwordLogin: boolean;
}

const KEYS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_CLAIM', 'OIDC_ROLE_MAP', 'OIDC_ORGANISATION', 'OIDC_CREATE_ACCOUNTS', 'STADTWISSEN_PASSWORD_LOGIN'] as const;
let cached: { key: string; value: SignInSettings } | undefined;

/** Read on every request, parsed again only when one of the variables changed (tests set them). */
export function signInSettings(env: NodeJS.ProcessEnv = process.env): SignInSettings {
	const key = KEYS.map((name) => env[name] ?? '').join('\n');
	if (cached?.key === key) return cached.value;
	const config = readConfig(Object.fromEntries(KEYS.map((name) => [name, env[name]])));
	const map = config.OIDC_ROLE_MAP ? parseRoleMap(config.OIDC_ROLE_MAP) : { map: new Map() };
	const oidc: OidcSettings | null = config.OIDC_ISSUER
		? {
				issuer: config.OIDC_ISSUER,
				clientId: config.OIDC_CLIENT_ID!,
				clientSecret: config.OIDC_CLIENT_SECRET!,
				roleClaim: config.OIDC_ROLE_CLAIM ?? null,
				roleMap: 'map' in map ? map.map : new Map(),
				organisation: config.OIDC_ORGANISATION ?? null,
				createAccounts: config.OIDC_CREATE_ACCOUNTS ?? false
			}
		: null;
	cached = { key, value: { oidc, passwordLogin: config.STADTWISSEN_PASSWORD_LOGIN ?? true } };
	return cached.value;
}

export const PASSWORDS_OFF_MESSAGE = 'Anmelden mit Passwort ist hier abgeschaltet. Bitte melden Sie sich mit dem Konto Ihrer Verwaltung an.';

/** For the password form, password resets and password changes: refused when passwords are off. */
export function requirePasswordLogin(settings: SignInSettings = signInSettings()): void {
	if (!settings.passwordLogin) throw new AppError('forbidden', PASSWORDS_OFF_MESSAGE);
}

/** The configured provider, or a refusal when single sign-on is not set up here. */
export function requireOidc(settings: SignInSettings = signInSettings()): OidcSettings {
	if (!settings.oidc) throw new AppError('not_found', 'Anmelden über eine Verwaltung ist hier nicht eingerichtet. Bitte melden Sie sich mit E-Mail-Adresse und Passwort an.');
	return settings.oidc;
}
