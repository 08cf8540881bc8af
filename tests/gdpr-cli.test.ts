/**
 * `npx stadtwissen gdpr export|erase` against a real database, for the whole instance: the export
 * as JSON on the console and as a PDF file only its owner can read, erasure only with --yes, and
 * the last owner refused in German with nothing changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantContext } from '../src/lib/server/tenant';
import { tenantAs } from './helpers/actors';
import { runCliOn } from './helpers/cli';
import { createTestDatabase, type TestDatabase } from './helpers/database';

let t: TestDatabase;
let owner: TenantContext;
let person: TenantContext;
let dir: string;

beforeAll(async () => {
	t = await createTestDatabase();
	owner = await tenantAs(t.db, 'Gemeinde Beispiel', 'owner');
	person = await tenantAs(t.db, 'Gemeinde Beispiel', 'organiser');
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadtwissen-gdpr-'));
}, 180_000);

afterAll(() => {
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCliOn(t, ...argv);
const accounts = async (id: string) => (await t.db.execute(sql`SELECT 1 FROM users WHERE id = ${id}`)).rows.length;

describe('gdpr export', () => {
	it('prints the documented JSON with the account and the note on study answers', async () => {
		const result = await cli('gdpr', 'export', '--email', person.actor.email.toUpperCase());
		expect(result.code).toBe(0);
		const data = JSON.parse(result.out);
		expect(data).toMatchObject({ format: 'stadtwissen-auskunft', version: 1, email: person.actor.email, reach: { organisation: null } });
		expect(data.accounts[0].memberships).toEqual([expect.objectContaining({ organisation: 'Gemeinde Beispiel', role: 'organiser' })]);
		expect(data.notes.join(' ')).toContain('Antworten in Analysen');
	});

	it('writes a PDF only its owner can read', async () => {
		const file = path.join(dir, 'auskunft.pdf');
		const result = await cli('gdpr', 'export', '--email', person.actor.email, '--format', 'pdf', '--output', file);
		expect(result.code).toBe(0);
		expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
	});

	it('refuses an unknown format and an invalid address in German', async () => {
		expect((await cli('gdpr', 'export', '--email', person.actor.email, '--format', 'xml')).err).toContain('erlaubt sind json oder pdf');
		expect((await cli('gdpr', 'export', '--email', 'keine-adresse')).err).toContain('gültige E-Mail-Adresse');
	});
});

describe('gdpr erase', () => {
	it('asks for --yes and changes nothing without it', async () => {
		const result = await cli('gdpr', 'erase', '--email', person.actor.email);
		expect(result.code).not.toBe(0);
		expect(result.err).toContain('--yes');
		expect(await accounts(person.actor.userId)).toBe(1);
	});

	it('refuses the last owner, naming what to do first', async () => {
		const result = await cli('gdpr', 'erase', '--email', owner.actor.email, '--yes');
		expect(result.code).not.toBe(0);
		expect(result.err).toContain('ernennen Sie zuerst');
		expect(await accounts(owner.actor.userId)).toBe(1);
	});

	it('deletes the account with --yes', async () => {
		const result = await cli('gdpr', 'erase', '--email', person.actor.email, '--yes');
		expect(result.code).toBe(0);
		expect(result.out).toContain('Gelöscht: 1 Konto');
		expect(await accounts(person.actor.userId)).toBe(0);
	});
});
