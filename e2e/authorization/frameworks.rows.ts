/** Kompetenzrahmen: every member reads, owners and organisers change; other organisations see 404. */
import { expect } from 'vitest';
import { DEMO_SLUG, everyone, expectOwnOrganisationOnly, json, signedIn, toLogin, type Row } from './table';

export const rows: Row[] = [
	{ route: '/app/kompetenzrahmen', method: 'GET', path: '/app/kompetenzrahmen', auth: 'session', expect: signedIn(toLogin('/app/kompetenzrahmen'), 200), check: expectOwnOrganisationOnly },
	{
		route: '/app/kompetenzrahmen/[id]',
		method: 'GET',
		path: (f) => `/app/kompetenzrahmen/${f.frameworkId}`,
		auth: 'session',
		expect: { anonymous: toLogin('/app/kompetenzrahmen/:frameworkId'), otherOrg: 404, owner: 200, organiser: 200, facilitator: 200, viewer: 200 }
	},
	{
		route: '/o/[slug]/kompetenzrahmen/[id]',
		method: 'GET',
		// Unpublished frameworks are not public, for nobody.
		path: (f) => `/o/${DEMO_SLUG}/kompetenzrahmen/${f.frameworkId}`,
		auth: 'session',
		expect: everyone(404)
	},
	{
		route: '/api/v1/frameworks',
		method: 'GET',
		path: '/api/v1/frameworks',
		auth: 'token',
		expect: signedIn(401, 200),
		check: async (c) => {
			if (c.actor === 'anonymous') return;
			const ids = ((await json(c)).frameworks as { id: string }[]).map((f) => f.id);
			expect(ids).toContain(c.f.shippedFrameworkId);
			(c.actor === 'otherOrg' ? expect(ids).not : expect(ids)).toContain(c.f.frameworkId);
		}
	},
	{
		route: '/api/v1/frameworks/[id]',
		method: 'GET',
		path: (f) => `/api/v1/frameworks/${f.frameworkId}`,
		auth: 'token',
		expect: { anonymous: 401, otherOrg: 404, owner: 200, organiser: 200, facilitator: 200, viewer: 200 }
	},
	{
		route: '/api/v1/frameworks/[id]/export',
		method: 'GET',
		path: (f) => `/api/v1/frameworks/${f.frameworkId}/export?format=csv`,
		auth: 'token',
		expect: { anonymous: 401, otherOrg: 404, owner: 200, organiser: 200, facilitator: 200, viewer: 200 }
	},
	{
		route: '/api/v1/frameworks/import',
		method: 'POST',
		path: '/api/v1/frameworks/import',
		auth: 'token',
		// A form post is no multipart upload: refused before anything is read, for those allowed to import.
		form: () => ({ format: 'csv' }),
		expect: { anonymous: 401, otherOrg: 400, owner: 400, organiser: 400, facilitator: 403, viewer: 403 }
	}
];

export const incomplete: string[] = [
	'/app/kompetenzrahmen',
	'/app/kompetenzrahmen/[id]'
];

export const pending: string[] = [
	'/app/kompetenzrahmen/[id]/bereich/[code]',
	'/app/kompetenzrahmen/[id]/kompetenz/[code]',
	'/app/kompetenzrahmen/[id]/versionen',
	'/app/kompetenzrahmen/[id]/export',
	'/app/kompetenzrahmen/import',
	'/app/kompetenzrahmen/import/[importId]'
];
