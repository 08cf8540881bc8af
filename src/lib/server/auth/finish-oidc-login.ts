import { and, eq, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { claimValues, roleFromClaim } from '../../domain/sign-in/oidc-roles';
import type { Role } from '../../roles';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import type { Db } from '../db/client';
import { memberships, organisations, users } from '../db/schema';
import { AppError } from '../errors';
import { createSession } from './create-session';
import { CALLBACK_PATH, describe, providerConfiguration, providerRefusal, refusalFor } from './oidc-client';
import type { PendingSignIn } from './oidc-pending';
import { requireOidc, type OidcSettings } from './oidc-settings';
import { unusablePasswordHash } from './secrets';
import { log } from '../observability/logger';

const EXPIRED = 'Die Anmeldung ist abgelaufen oder wurde in einem anderen Browser begonnen. Bitte beginnen Sie sie noch einmal.';

interface Person {
	email: string;
	name: string | null;
	claims: Record<string, unknown>;
}

/** The provider's answer → the verified person: code exchanged (PKCE), ID token checked (issuer, audience, signature, nonce). */
async function verifiedPerson(ctx: RequestContext, settings: OidcSettings, input: { query: string; pending: PendingSignIn | null }): Promise<Person> {
	const configuration = await providerConfiguration(settings);
	const answer = new URL(`${ctx.baseUrl}${CALLBACK_PATH}`);
	answer.search = input.query;
	if (!input.pending) {
		// The provider's own refusal (access_denied …) says more than the missing cookie would.
		const error = answer.searchParams.get('error');
		throw error ? providerRefusal(error) : new AppError('bad_request', EXPIRED);
	}
	let claims: Record<string, unknown>;
	try {
		const tokens = await client.authorizationCodeGrant(configuration, answer, {
			pkceCodeVerifier: input.pending.verifier,
			expectedState: input.pending.state,
			expectedNonce: input.pending.nonce,
			idTokenExpected: true
		});
		claims = { ...tokens.claims() };
		if (typeof claims.email !== 'string') claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))), ...claims };
	} catch (cause) {
		const refusal = refusalFor(cause);
		log().warn({ requestId: ctx.requestId, reason: describe(cause) }, 'Anmeldung über OpenID Connect abgelehnt');
		throw refusal;
	}
	if (typeof claims.email !== 'string' || !claims.email.includes('@')) {
		throw new AppError('forbidden', 'Der Anmeldedienst hat keine E-Mail-Adresse übermittelt. Stadtwissen erkennt Konten an der E-Mail-Adresse; bitte wenden Sie sich an Ihre IT.');
	}
	if (claims.email_verified !== true) {
		throw new AppError(
			'forbidden',
			`Ihre E-Mail-Adresse ${claims.email} ist beim Anmeldedienst nicht als bestätigt vermerkt. Stadtwissen meldet nur mit bestätigter Adresse an; bitte wenden Sie sich an Ihre IT.`
		);
	}
	return { email: claims.email.trim().toLowerCase(), name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : null, claims };
}

/**
 * The role from the claim in the configured organisation, when the claim names one: a member's
 * role is set to it, a non-member becomes a member. The organisation's last owner is not demoted
 * by a claim (as in Stadtwissen's own role change); that is logged.
 */
async function applyRole(db: Db, settings: OidcSettings, userId: string, role: Role): Promise<void> {
	if (!settings.organisation) return;
	await db.transaction(async (tx) => {
		const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, settings.organisation!));
		if (!org) throw new AppError('unavailable', `Die in OIDC_ORGANISATION genannte Organisation „${settings.organisation}“ gibt es hier nicht. Bitte wenden Sie sich an Ihre IT.`);
		const owners = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.role, 'owner'))).for('update');
		const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, userId)));
		if (member?.role === role) return;
		if (member && role !== 'owner' && owners.length === 1 && owners[0].userId === userId) {
			log().warn({ organisation: settings.organisation, role }, 'OpenID Connect: der Claim würde die letzte Inhaberin herabstufen; die Rolle bleibt owner');
			return;
		}
		if (member) await tx.update(memberships).set({ role }).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, userId)));
		else await tx.insert(memberships).values({ userId, orgId: org.id, role });
		await recordAudit(tx, 'role_changed', { orgId: org.id, userId, detail: { role, by: 'oidc' } });
	});
}

/**
 * The second half of the code flow: the provider's answer (the callback's query) checked against
 * what the browser kept, the account found by verified e-mail, and a Stadtwissen session started.
 * An unknown e-mail gets an account only when the operator configured it (OIDC_CREATE_ACCOUNTS
 * with OIDC_ORGANISATION); roles stay Stadtwissen's unless a claim is configured.
 */
export async function finishOidcLogin(ctx: RequestContext, input: { query: string; pending: PendingSignIn | null }): Promise<{ token: string; expiresAt: Date; returnTo: string }> {
	const settings = requireOidc();
	const person = await verifiedPerson(ctx, settings, input);
	const role = settings.roleClaim ? roleFromClaim(claimValues(person.claims, settings.roleClaim), settings.roleMap) : null;

	let [user] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${person.email}`);
	if (!user) {
		if (!settings.createAccounts || !settings.organisation) {
			await recordAudit(ctx.db, 'login_failed', { detail: { method: 'oidc', reason: 'unknown_email', ip: ctx.clientAddress } });
			throw new AppError(
				'forbidden',
				`Für ${person.email} gibt es in Stadtwissen noch kein Konto. Bitten Sie eine Inhaber*in Ihrer Organisation, Sie unter dieser Adresse einzuladen; danach können Sie sich hier mit dem Konto Ihrer Verwaltung anmelden.`
			);
		}
		[user] = await ctx.db
			.insert(users)
			.values({ email: person.email, name: person.name ?? person.email, passwordHash: unusablePasswordHash() })
			.onConflictDoNothing()
			.returning({ id: users.id });
		// Created by a parallel sign-in of the same person meanwhile: theirs is the account.
		if (!user) [user] = await ctx.db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${person.email}`);
		await applyRole(ctx.db, settings, user.id, role ?? 'viewer');
	} else if (role) {
		await applyRole(ctx.db, settings, user.id, role);
	}
	const session = await createSession(ctx.db, user.id);
	await recordAudit(ctx.db, 'login', { userId: user.id, detail: { method: 'oidc', ip: ctx.clientAddress } });
	return { ...session, returnTo: input.pending!.returnTo };
}
