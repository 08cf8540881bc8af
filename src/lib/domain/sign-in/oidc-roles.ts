import { roles, type Role } from '../../roles';

/*
 * Roles from the identity provider (OIDC_ROLE_CLAIM, OIDC_ROLE_MAP). Stadtwissen assigns roles
 * itself; only when the operator names a claim does a sign-in set the role from it. The claim is
 * a string or a list of strings (Keycloak: a group or client-role mapper), found by its name or a
 * dotted path (`realm_access.roles`). Its values name roles either directly (`owner`,
 * `organiser`, `facilitator`, `viewer`) or through the map (`sw-admin=owner,sw-planung=organiser`).
 * Several values: the strongest role wins. No value that names a role: null (the role stays as
 * Stadtwissen has it).
 */

/** Strongest first. */
const STRENGTH: readonly Role[] = roles;

export type RoleMap = ReadonlyMap<string, Role>;

function isRole(value: string): value is Role {
	return (roles as readonly string[]).includes(value);
}

/** `wert=rolle,wert=rolle` → the map, or the German reason it cannot be read. */
export function parseRoleMap(text: string): { map: RoleMap } | { error: string } {
	const map = new Map<string, Role>();
	for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
		const [value, role, ...rest] = part.split('=').map((p) => p.trim());
		if (!value || role === undefined || rest.length) return { error: `„${part}“ ist kein Paar der Form Wert=Rolle (z. B. stadtwissen-admin=owner).` };
		if (!isRole(role)) return { error: `„${role}“ ist keine Rolle. Möglich sind: ${roles.join(', ')}.` };
		if (map.has(value)) return { error: `„${value}“ steht zweimal in der Zuordnung.` };
		map.set(value, role);
	}
	return { map };
}

/** The claim's values at a name or dotted path: a string → [it], a list → its strings, anything else → []. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
	let value: unknown = path in claims ? claims[path] : claims;
	if (!(path in claims)) {
		for (const key of path.split('.')) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
	}
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
	return [];
}

/** The strongest role the values name (mapped first, then directly), or null. Keycloak's group paths (`/sw-admin`) match without their slash. */
export function roleFromClaim(values: readonly string[], map: RoleMap): Role | null {
	const named = values.map((value) => map.get(value) ?? map.get(value.replace(/^\//, '')) ?? (isRole(value) ? value : undefined)).filter((role): role is Role => role !== undefined);
	return STRENGTH.find((role) => named.includes(role)) ?? null;
}
