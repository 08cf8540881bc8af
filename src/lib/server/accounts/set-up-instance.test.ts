/**
 * /einrichten on an empty instance: with passwords on it asks for a password and signs the owner
 * in; with passwords switched off (single sign-on only) it asks for none, creates the owner with
 * no usable password and sends them to the sign-in page, where they use their administration's account.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { routeEvent } from '../../../../tests/helpers/route-event';
import { actions, load } from '../../../routes/einrichten/+page.server';
import { verifyPassword } from '../auth/secrets';
import { closeDatabase } from '../db/client';

let t: TestDatabase;
const saved = { ...process.env };
const SSO = { OIDC_ISSUER: 'http://localhost:9/realms/kreis', OIDC_CLIENT_ID: 'stadtwissen', OIDC_CLIENT_SECRET: 'geheim', STADTWISSEN_PASSWORD_LOGIN: 'aus' };

beforeAll(async () => {
	t = await createTestDatabase();
	await closeDatabase();
	process.env.DATABASE_URL = t.url;
}, 120_000);
afterAll(async () => {
	await closeDatabase();
	for (const key of [...Object.keys(SSO), 'DATABASE_URL']) {
		if (saved[key] === undefined) delete process.env[key];
		else process.env[key] = saved[key];
	}
});

const FORM = { orgName: 'Landkreis Einmalig', name: 'Erste Inhaberin', email: 'inhaberin@landkreis-einmalig.test' };
const submit = (form: Record<string, string>) =>
	Promise.resolve(actions.default(routeEvent('http://127.0.0.1:3000', { actor: null, path: '/einrichten', params: {}, form }))).catch((thrown: unknown) => thrown);
const page = () => Promise.resolve(load(routeEvent('http://127.0.0.1:3000', { actor: null, path: '/einrichten', params: {}, method: 'GET' }) as never)).catch((thrown: unknown) => thrown);
const users = async () => (await t.db.execute(sql`SELECT id, email, password_hash FROM users`)).rows as { id: string; email: string; password_hash: string }[];

describe('/einrichten', () => {
	it('with passwords on, asks for a password and refuses the form without one', async () => {
		expect(await page()).toEqual({ passwordLogin: true });
		const refused = (await submit(FORM)) as { status: number; data: { errors: Record<string, string> } };
		expect(refused.status).toBe(422);
		expect(Object.keys(refused.data.errors)).toContain('password');
		expect(await users()).toEqual([]);
	});

	it('with passwords switched off, asks for the e-mail only and the owner signs in by SSO afterwards', async () => {
		Object.assign(process.env, SSO);
		expect(await page()).toEqual({ passwordLogin: false });
		// A password sent along anyway is ignored: the account gets none.
		const done = (await submit({ ...FORM, password: 'ein-passwort-das-keiner-braucht' })) as { status: number; location: string };
		expect(done).toMatchObject({ status: 303, location: '/anmelden' });
		const [owner] = await users();
		expect(owner.email).toBe(FORM.email);
		expect(await verifyPassword('ein-passwort-das-keiner-braucht', owner.password_hash)).toBe(false);
		const roles = (await t.db.execute(sql`SELECT m.role, o.name FROM memberships m JOIN organisations o ON o.id = m.org_id WHERE m.user_id = ${owner.id}`)).rows;
		expect(roles).toEqual([{ role: 'owner', name: 'Landkreis Einmalig' }]);
		// Nobody is signed in by the form: only the provider vouches for this address.
		expect((await t.db.execute(sql`SELECT 1 FROM sessions`)).rows).toEqual([]);
		// The instance is set up: the page now leads to the sign-in.
		expect(await page()).toMatchObject({ status: 303, location: '/anmelden' });
	});
});
