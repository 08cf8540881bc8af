import { describe, expect, test } from 'vitest';
import { claimValues, parseRoleMap, roleFromClaim } from './oidc-roles';

const map = (text: string) => {
	const parsed = parseRoleMap(text);
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed.map;
};

describe('parseRoleMap', () => {
	test('reads value=role pairs, spaces and empty parts ignored', () => {
		expect([...map(' sw-admin = owner, sw-planung=organiser ,, ')]).toEqual([
			['sw-admin', 'owner'],
			['sw-planung', 'organiser']
		]);
		expect(map('').size).toBe(0);
	});

	test('refuses unknown roles, missing halves and doubles in German', () => {
		expect(parseRoleMap('sw-admin=admin')).toEqual({ error: '„admin“ ist keine Rolle. Möglich sind: owner, organiser, facilitator, viewer.' });
		expect(parseRoleMap('sw-admin')).toEqual({ error: '„sw-admin“ ist kein Paar der Form Wert=Rolle (z. B. stadtwissen-admin=owner).' });
		expect(parseRoleMap('=owner')).toHaveProperty('error');
		expect(parseRoleMap('a=owner=viewer')).toHaveProperty('error');
		expect(parseRoleMap('a=owner,a=viewer')).toEqual({ error: '„a“ steht zweimal in der Zuordnung.' });
	});
});

describe('claimValues', () => {
	test('a string, a list (strings only), a dotted path, a name with a dot', () => {
		expect(claimValues({ rolle: 'viewer' }, 'rolle')).toEqual(['viewer']);
		expect(claimValues({ groups: ['/a', 3, 'b', null] }, 'groups')).toEqual(['/a', 'b']);
		expect(claimValues({ realm_access: { roles: ['organiser', 'offline_access'] } }, 'realm_access.roles')).toEqual(['organiser', 'offline_access']);
		expect(claimValues({ 'https://stadt.example/rolle': 'owner' }, 'https://stadt.example/rolle')).toEqual(['owner']);
	});

	test('missing or of another type: nothing', () => {
		expect(claimValues({}, 'groups')).toEqual([]);
		expect(claimValues({ groups: { a: 1 } }, 'groups')).toEqual([]);
		expect(claimValues({ realm_access: ['x'] }, 'realm_access.roles')).toEqual([]);
		expect(claimValues({ groups: 7 }, 'groups')).toEqual([]);
	});
});

describe('roleFromClaim', () => {
	const roles = map('sw-admin=owner,sw-planung=organiser');

	test('mapped values, Keycloak group paths and plain role names count; the strongest wins', () => {
		expect(roleFromClaim(['sw-planung'], roles)).toBe('organiser');
		expect(roleFromClaim(['/sw-admin'], roles)).toBe('owner');
		expect(roleFromClaim(['viewer', 'sw-planung'], roles)).toBe('organiser');
		expect(roleFromClaim(['facilitator', 'viewer'], new Map())).toBe('facilitator');
	});

	test('no value naming a role: null, so the role stays as Stadtwissen has it', () => {
		expect(roleFromClaim([], roles)).toBeNull();
		expect(roleFromClaim(['offline_access', 'admin'], roles)).toBeNull();
	});
});
