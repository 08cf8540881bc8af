import type { Role } from '../../roles';

export type { Role };

export interface Membership {
	orgId: string;
	orgSlug: string;
	orgName: string;
	role: Role;
}

/** Who is acting, and in which organisation: every organisation-scoped use case takes this. */
export interface Actor {
	userId: string;
	email: string;
	name: string;
	via: 'session' | 'token';
	/** The organisation this request acts in; null for a signed-in user without memberships. */
	org: Membership | null;
	memberships: Membership[];
}

/** What each role may do; one table so the authorization test can check every route against it. */
export const permissions = {
	'frameworks.read': ['owner', 'organiser', 'facilitator', 'viewer'],
	'results.read': ['owner', 'organiser', 'viewer'],
	'org.manage': ['owner', 'organiser'],
	'members.manage': ['owner'],
	/** The organisation's name, logo, colour and legal pages (Impressum etc.): what it is legally answerable for. */
	'identity.manage': ['owner'],
	'outbox.read': ['owner', 'organiser'],
	'tokens.own': ['owner', 'organiser', 'facilitator', 'viewer'],
	'sessions.facilitate': ['owner', 'organiser', 'facilitator'],
	'plans.manage': ['owner', 'organiser']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(actor: Actor | null, permission: Permission): boolean {
	const role = actor?.org?.role;
	return role !== undefined && (permissions[permission] as readonly Role[]).includes(role);
}
