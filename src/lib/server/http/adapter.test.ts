/*
 * The route adapter on its own: what a form action, a page load and an API handler answer when the
 * use case refuses, fails unexpectedly or the person may not do it. Handlers get request events as
 * SvelteKit builds them; the context comes from a real (empty) database.
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import type { Actor } from '../auth/actor';
import { closeDatabase } from '../db/client';
import { AppError } from '../errors';
import { formAction, loadPage, runAction, runApi } from './adapter';

let t: TestDatabase;
let organiser: Actor;
let viewer: Actor;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
	for (const key of ['DATABASE_URL', 'ORIGIN']) saved[key] = process.env[key];
	t = await createTestDatabase();
	process.env.DATABASE_URL = t.url;
	process.env.ORIGIN = 'http://127.0.0.1:3000';
	organiser = (await tenantAs(t.db, 'Stadt Adapter', 'organiser')).actor;
	viewer = (await tenantAs(t.db, 'Stadt Adapter', 'viewer', 'results.read')).actor;
});

afterAll(async () => {
	await closeDatabase();
	for (const [key, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
});

/** What SvelteKit hands a form action or handler, as far as the adapter reads it. */
function event(actor: Actor | null, form?: Record<string, string>) {
	const url = new URL('http://127.0.0.1:3000/app/probe');
	let body: FormData | undefined;
	if (form) {
		body = new FormData();
		for (const [name, value] of Object.entries(form)) body.append(name, value);
	}
	const request = new Request(url, { method: 'POST', body, headers: { host: url.host } });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a partial RequestEvent is all the adapter uses
	return { locals: { actor, locale: 'de', requestId: 'test' }, params: {}, request, url, getClientAddress: () => '192.0.2.7' } as any;
}

const accountForm = z.object({ name: z.string().min(1, 'Bitte geben Sie einen Namen an.'), password: z.string() });
const refused = () => {
	throw new AppError('conflict', 'Diesen Namen gibt es schon in Ihrer Organisation.', [{ path: 'name', message: 'Bitte wählen Sie einen anderen Namen.' }]);
};
type Failure = { status: number; data: { errors: Record<string, string>; message?: string; values: Record<string, string>; sessionForm?: true } };

async function thrown(answer: Promise<unknown>): Promise<unknown> {
	try {
		await answer;
	} catch (cause) {
		return cause;
	}
	throw new Error('expected the adapter to throw');
}

describe('runAction', () => {
	it('turns a refusal into fail() with the German message, the field messages and everything typed but the password', async () => {
		const answer = (await runAction(event(organiser, { name: 'Team Nord', password: 'geheim-123' }), { access: 'org.manage', form: accountForm, run: refused })) as unknown as Failure;
		expect(answer.status).toBe(409);
		expect(answer.data.message).toBe('Diesen Namen gibt es schon in Ihrer Organisation.');
		expect(answer.data.errors).toEqual({ name: 'Bitte wählen Sie einen anderen Namen.' });
		expect(answer.data.values.name).toBe('Team Nord');
		expect(answer.data.values.password).toBeUndefined();
		expect(JSON.stringify(answer.data)).not.toContain('geheim-123');
	});

	it('answers invalid input with 422 and the schema’s message at the field, without running the use case', async () => {
		let ran = false;
		const answer = (await runAction(event(organiser, { name: '', password: 'geheim-123' }), {
			access: 'org.manage',
			form: accountForm,
			run: () => {
				ran = true;
			}
		})) as unknown as Failure;
		expect(answer.status).toBe(422);
		expect(answer.data.errors.name).toBe('Bitte geben Sie einen Namen an.');
		expect(answer.data.values.password).toBeUndefined();
		expect(ran).toBe(false);
	});

	it('marks every failed answer with `failure`, and leaves a success alone', async () => {
		const failure = { sessionForm: true } as const;
		const refusal = (await runAction(event(organiser, { name: 'Team Nord', password: '' }), { access: 'org.manage', form: accountForm, run: refused, failure })) as unknown as Failure;
		expect(refusal.data.sessionForm).toBe(true);
		const invalid = (await runAction(event(organiser, { name: '', password: '' }), { access: 'org.manage', form: accountForm, run: refused, failure })) as unknown as Failure;
		expect(invalid.data.sessionForm).toBe(true);
		const done = await runAction(event(organiser, { name: 'Team Süd', password: '' }), { access: 'org.manage', form: accountForm, run: (_ctx, input) => ({ saved: input.name }), failure });
		expect(done).toEqual({ saved: 'Team Süd' });
	});

	it('rethrows anything that is not an AppError (a bug goes to the error handler, not onto the form)', async () => {
		const bug = new TypeError('undefined is not a function');
		const cause = await thrown(runAction(event(organiser, { name: 'Team Nord', password: '' }), { access: 'org.manage', form: accountForm, run: () => Promise.reject(bug) }));
		expect(cause).toBe(bug);
	});

	it('shows the 403 page when the role may not do it, before reading the form or running anything', async () => {
		let ran = false;
		const cause = await thrown(
			runAction(event(viewer, { name: 'Team Nord', password: '' }), {
				access: 'org.manage',
				form: accountForm,
				run: () => {
					ran = true;
				}
			})
		);
		expect(isHttpError(cause) && cause.status).toBe(403);
		expect(isHttpError(cause) && cause.body.message).toContain('Ihre Rolle erlaubt das nicht');
		expect(ran).toBe(false);
	});

	it('redirects with 303 after success when asked to', async () => {
		const cause = await thrown(runAction(event(organiser, { name: 'Team Nord', password: '' }), { access: 'org.manage', form: accountForm, run: () => ({ id: 'x1' }), redirect: (r) => `/app/team/${r.id}` }));
		expect(isRedirect(cause) && [cause.status, cause.location]).toEqual([303, '/app/team/x1']);
	});
});

describe('formAction', () => {
	it('runs the use case with the request’s params, and answers like runAction: refusals on the form, a redirect when asked', async () => {
		const request = { ...event(organiser, { name: 'Team Nord', password: 'geheim-123' }), params: { id: 'team-7' } };
		const save = formAction('org.manage', accountForm, (_ctx, input, { params }) => ({ saved: `${params.id}:${input.name}` }));
		expect(await save(request)).toEqual({ saved: 'team-7:Team Nord' });
		const refusal = (await formAction('org.manage', accountForm, refused, { failure: { sessionForm: true } })(event(organiser, { name: 'Team Nord', password: 'geheim-123' }))) as unknown as Failure;
		expect([refusal.status, refusal.data.errors, refusal.data.sessionForm, refusal.data.values.password]).toEqual([409, { name: 'Bitte wählen Sie einen anderen Namen.' }, true, undefined]);
		const moved = await thrown(
			formAction('org.manage', accountForm, () => ({ id: 'x2' }), { redirect: (r, input, { params }) => `/app/team/${params.id}/${r.id}?name=${input.name}` })({
				...event(organiser, { name: 'Nord', password: '' }),
				params: { id: 'team-7' }
			})
		);
		expect(isRedirect(moved) && [moved.status, moved.location]).toEqual([303, '/app/team/team-7/x2?name=Nord']);
	});

	it('shows the 403 page when the role may not do it, without running the use case', async () => {
		let ran = false;
		const cause = await thrown(formAction('org.manage', accountForm, () => (ran = true))(event(viewer, { name: 'Team Nord', password: '' })));
		expect(isHttpError(cause) && cause.status).toBe(403);
		expect(ran).toBe(false);
	});
});

describe('loadPage and runApi', () => {
	it('loadPage shows the error page with the AppError’s status and German message', async () => {
		const cause = await thrown(
			loadPage(event(organiser), 'results.read', () => {
				throw new AppError('not_found', 'Diese Analyse gibt es nicht.');
			})
		);
		expect(isHttpError(cause) && [cause.status, cause.body.message]).toEqual([404, 'Diese Analyse gibt es nicht.']);
	});

	it('runApi answers with the JSON error document, and 401 without a key', async () => {
		const refusal = await runApi(event(organiser), 'org.manage', refused);
		expect(refusal.status).toBe(409);
		expect(await refusal.json()).toEqual({ error: { code: 'conflict', message: 'Diesen Namen gibt es schon in Ihrer Organisation.', details: [{ path: 'name', message: 'Bitte wählen Sie einen anderen Namen.' }] } });
		const anonymous = await runApi(event(null), 'org.manage', () => new Response('nie'));
		expect(anonymous.status).toBe(401);
		expect((await anonymous.json()).error.code).toBe('unauthorized');
	});
});
