/**
 * Data protection requests against the real database: the export finds a person's data in every
 * place the schema keeps an address or an account, never study answers; erasure removes it in one
 * transaction, keeps the protocol's facts without the person, and refuses an organisation's last owner.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { pdfText } from '../../../../tests/helpers/pdf';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { erasePersonalData } from './erase-personal-data';
import { collectForRequest } from './export-personal-data';
import { PERSONAL_COLUMNS } from './personal-data';
import { personalDataPdf } from './personal-data-pdf';

let t: TestDatabase;
let owner: TenantContext;
let person: TenantContext;
let other: TenantContext;
const now = new Date();
const ctxOf = (tenant: TenantContext) => ({ db: t.db, now, actor: { userId: tenant.actor.userId }, org: { orgId: tenant.org.orgId }, baseUrl: 'https://stadtwissen.test', mailHostAccepted: true });
const rows = async <T>(query: ReturnType<typeof sql>) => (await t.db.execute(query)).rows as T[];

beforeAll(async () => {
	t = await createTestDatabase();
	owner = await tenantAs(t.db, 'Stadt Musterstadt', 'owner', 'members.manage');
	person = await tenantAs(t.db, 'Stadt Musterstadt', 'viewer', 'frameworks.read');
	other = await tenantAs(t.db, 'Landkreis Anderswo', 'owner', 'members.manage');
	const email = person.actor.email;
	await t.db.execute(sql`INSERT INTO outbox_mails (org_id, kind, recipient, subject, body, status) VALUES
		(${owner.org.orgId}, 'registration', ${email.toUpperCase()}, 'Ihre Anmeldung', 'Hallo', 'sent'),
		(${other.org.orgId}, 'general', ${email}, 'Anderswo-Post', 'Hallo', 'sent')`);
	await t.db.execute(sql`INSERT INTO audit_log (org_id, user_id, event, detail) VALUES
		(${owner.org.orgId}, ${owner.actor.userId}, 'member_invited', ${JSON.stringify({ email, role: 'viewer' })}::jsonb),
		(${owner.org.orgId}, ${person.actor.userId}, 'login', ${JSON.stringify({ ip: '192.0.2.7' })}::jsonb)`);
	const [module] = await rows<{ id: string }>(sql`INSERT INTO catalogue_modules (org_id, title, format) VALUES (${owner.org.orgId}, 'Klimaanpassung', 'workshop') RETURNING id`);
	const starts = new Date(now.getTime() + 7 * 86_400_000);
	const [session] = await rows<{ id: string }>(
		sql`INSERT INTO catalogue_sessions (module_id, org_id, starts_at, ends_at, parts, capacity) VALUES (${module.id}, ${owner.org.orgId}, ${starts}, ${starts}, '[]'::jsonb, 10) RETURNING id`
	);
	await t.db.execute(sql`INSERT INTO catalogue_registrations (session_id, org_id, name, email, group_key, accessibility_needs, status)
		VALUES (${session.id}, ${owner.org.orgId}, 'Erika Beispiel', ${email}, 'verwaltung', 'Rollstuhl', 'confirmed')`);
}, 180_000);

describe('the schema and the request agree', () => {
	it('covers every column that holds an e-mail address or points to an account', async () => {
		const found = await rows<{ col: string }>(sql`
			SELECT c.table_name || '.' || c.column_name AS col FROM information_schema.columns c
			WHERE c.table_schema = 'public' AND c.data_type = 'text' AND (c.column_name LIKE '%email%' OR c.column_name = 'recipient')
			UNION
			SELECT cl.relname || '.' || a.attname FROM pg_constraint k
			JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
			WHERE k.contype = 'f' AND k.confrelid = 'users'::regclass`);
		expect(found.map((f) => f.col).sort()).toEqual(Object.keys(PERSONAL_COLUMNS).sort());
	});
});

describe('Auskunft (Art. 15)', () => {
	it('lists the account, registration, mails and protocol of the own organisation only, and says why answers are missing', async () => {
		const data = await collectForRequest(ctxOf(owner), { email: person.actor.email }, 'json');
		expect(data.accounts.map((a) => a.email)).toEqual([person.actor.email]);
		expect(data.accounts[0].memberships.map((m) => m.organisation)).toEqual(['Stadt Musterstadt']);
		expect(data.registrations).toMatchObject([{ name: 'Erika Beispiel', accessibilityNeeds: 'Rollstuhl', module: 'Klimaanpassung' }]);
		expect(data.mails.map((m) => m.subject)).toEqual(['Ihre Anmeldung']);
		expect(data.auditEntries.map((e) => e.event)).toEqual(expect.arrayContaining(['login', 'member_invited']));
		expect(data.notes.join(' ')).toContain('Antworten in Analysen');
		const pdf = pdfText((await personalDataPdf(data, { compress: false })).body as Uint8Array);
		expect(pdf).toContain('Erika Beispiel');
		expect(pdf).toContain('Antworten in Analysen');
		// The protocol and statuses in German words, not the stored event names.
		expect(pdf).toContain('Angemeldet');
		expect(pdf).toContain('In die Organisation eingeladen');
		expect(pdf).toContain('Status: bestätigt');
		expect(pdf).toContain('(zugestellt)');
		expect(pdf).not.toMatch(/member_invited|: login\b|confirmed/);
	});

	it('records the request in the protocol without the address', async () => {
		const entries = await rows<{ detail: Record<string, unknown> }>(sql`SELECT detail FROM audit_log WHERE event = 'personal_data_exported'`);
		expect(entries.length).toBeGreaterThan(0);
		expect(JSON.stringify(entries)).not.toContain(person.actor.email);
	});
});

describe('Löschung (Art. 17)', () => {
	it('refuses the last owner in German and changes nothing', async () => {
		const error = await erasePersonalData(ctxOf(owner), { email: owner.actor.email }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).message).toContain('letzte Inhaber');
		expect(await rows(sql`SELECT 1 FROM users WHERE id = ${owner.actor.userId}`)).toHaveLength(1);
	});

	it('erases the person in this organisation and leaves the other organisation alone', async () => {
		const summary = await erasePersonalData(ctxOf(owner), { email: person.actor.email });
		expect(summary).toMatchObject({ accountsDeleted: 1, registrations: 1, mails: 1 });
		expect(await rows(sql`SELECT 1 FROM users WHERE id = ${person.actor.userId}`)).toHaveLength(0);
		const [registration] = await rows<{ name: string; email: string; status: string }>(sql`SELECT name, email, status FROM catalogue_registrations`);
		expect(registration).toEqual({ name: '', email: '', status: 'cancelled' });
		const mails = await rows<{ recipient: string; subject: string }>(sql`SELECT recipient, subject FROM outbox_mails ORDER BY subject`);
		expect(mails).toEqual([
			{ recipient: person.actor.email, subject: 'Anderswo-Post' },
			{ recipient: '', subject: 'Ihre Anmeldung' }
		]);
		const audit = await rows<{ event: string; user_id: string | null; detail: Record<string, unknown> }>(sql`SELECT event, user_id, detail FROM audit_log WHERE event IN ('login', 'member_invited') ORDER BY event`);
		expect(audit).toEqual([
			{ event: 'login', user_id: null, detail: {} },
			{ event: 'member_invited', user_id: owner.actor.userId, detail: { role: 'viewer' } }
		]);
		const [request] = await rows<{ user_id: string; detail: Record<string, unknown> }>(sql`SELECT user_id, detail FROM audit_log WHERE event = 'personal_data_erased'`);
		expect(request.user_id).toBe(owner.actor.userId);
		expect(JSON.stringify(request.detail)).not.toContain(person.actor.email);
		const again = await collectForRequest(ctxOf(owner), { email: person.actor.email }, 'json');
		expect([again.accounts, again.registrations, again.mails]).toEqual([[], [], []]);
	});

	it('offers the seat it frees to the next on the waiting list at once, with the offer mail', async () => {
		const [module] = await rows<{ id: string }>(sql`INSERT INTO catalogue_modules (org_id, title, format) VALUES (${owner.org.orgId}, 'Stadtklima', 'workshop') RETURNING id`);
		const starts = new Date(now.getTime() + 14 * 86_400_000);
		const [session] = await rows<{ id: string }>(
			sql`INSERT INTO catalogue_sessions (module_id, org_id, starts_at, ends_at, parts, capacity) VALUES (${module.id}, ${owner.org.orgId}, ${starts}, ${starts}, '[]'::jsonb, 1) RETURNING id`
		);
		await t.db.execute(sql`INSERT INTO catalogue_registrations (session_id, org_id, name, email, group_key, status, email_confirmed_at)
			VALUES (${session.id}, ${owner.org.orgId}, 'Platz Inhaberin', 'platz@loeschung.test', 'verwaltung', 'confirmed', ${now})`);
		await t.db.execute(sql`INSERT INTO catalogue_registrations (session_id, org_id, name, email, group_key, status, email_confirmed_at)
			VALUES (${session.id}, ${owner.org.orgId}, 'Warte Liste', 'warteliste@loeschung.test', 'verwaltung', 'waitlisted', ${now})`);

		await erasePersonalData(ctxOf(owner), { email: 'platz@loeschung.test' });

		const registrations = await rows<{ email: string; status: string }>(sql`SELECT email, status FROM catalogue_registrations WHERE session_id = ${session.id} ORDER BY seq`);
		expect(registrations).toEqual([
			{ email: '', status: 'cancelled' },
			{ email: 'warteliste@loeschung.test', status: 'offered' }
		]);
		const offers = await rows<{ subject: string }>(sql`SELECT subject FROM outbox_mails WHERE recipient = 'warteliste@loeschung.test'`);
		expect(offers).toHaveLength(1);
	});
});
