import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../../../tests/helpers/days';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { organiserAt, tenantAs } from '../../../../tests/helpers/actors';
import { rejected } from '../../../../tests/helpers/errors';
import { startTestSmtp } from '../../../../tests/helpers/smtp';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { createSession } from './create-session';
import { exportRegistrations } from './export-registrations';
import { registerPerson } from './register-person';
import { saveModule } from './save-module';
import { setAttendance } from './set-attendance';
import { cancelByOrganiser } from './cancel-by-organiser';

let t: TestDatabase;
let organiser: TenantContext;
let facilitator: TenantContext;
let gera: TenantContext;
let sessionId: string;


beforeAll(async () => {
	t = await createTestDatabase();
	await startTestSmtp();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	facilitator = await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate');
	gera = await tenantAs(t.db, 'Stadt Gera', 'organiser');
	const { id } = await saveModule(organiser, { title: 'Daten lesen', format: 'workshop', status: 'published', description: 'Text' });
	sessionId = (await createSession(organiser, id, { start: inDays(20).toISOString(), end: inDays(20, 15).toISOString(), location: 'Rathaus', capacity: 2 })).id;
	const ctx = organiserAt(organiser);
	const anna = await registerPerson(ctx, sessionId, { name: 'Anna Amsel', email: 'anna@example.org', organisation: 'Amt für Statistik', group: 'verwaltung' });
	await registerPerson(ctx, sessionId, { name: '=HYPERLINK("http://böse.example")', email: 'boese@example.org', organisation: '+49 30 123', group: 'zivilgesellschaft' });
	await registerPerson(ctx, sessionId, { name: 'Wim Warte', email: 'wim@example.org', organisation: 'Verein', group: 'wirtschaft' });
	const carl = await registerPerson(ctx, sessionId, { name: 'Carl Weg', email: 'carl@example.org', organisation: '', group: 'verwaltung' });
	await cancelByOrganiser(ctx, carl.id);
	await setAttendance(organiser, sessionId, { [anna.id]: true });
});

function readCsv(body: unknown): string[][] {
	return parse(String(body), { delimiter: ';', bom: true });
}

describe('export of a session’s registrations', () => {
	it('gives organisers a CSV with German headers, e-mail, status, waiting list and attendance, formulas kept as text', async () => {
		const file = await exportRegistrations(organiserAt(organiser), sessionId, 'csv');
		expect(file.contentType).toContain('text/csv');
		expect(file.fileName).toMatch(/^anmeldungen-daten-lesen-\d{4}-\d{2}-\d{2}\.csv$/);
		const [header, ...rows] = readCsv(file.body);
		expect(header).toEqual(['Nr.', 'Name', 'E-Mail', 'Organisation', 'Gruppe', 'Status', 'Platz auf der Warteliste', 'Anwesend', 'Bedarfe (Barrierefreiheit)']);
		const byName = new Map(rows.map((r) => [r[1], r]));
		expect(byName.get('Anna Amsel')?.slice(2, 8)).toEqual(['anna@example.org', 'Amt für Statistik', 'Verwaltung', 'bestätigt', '', 'ja']);
		expect(byName.get('Wim Warte')?.[5]).toBe('Warteliste');
		expect(byName.get('Wim Warte')?.[6]).toBe('1');
		expect(byName.get('Carl Weg')?.[5]).toBe('storniert');
		// What someone typed never becomes a formula in the organiser's spreadsheet.
		expect(byName.get(`'=HYPERLINK("http://böse.example")`)?.[3]).toBe(`'+49 30 123`);
		expect(rows).toHaveLength(4);
	});

	it('gives facilitators the same table without any e-mail address', async () => {
		const file = await exportRegistrations(organiserAt(facilitator), sessionId, 'csv');
		const text = String(file.body);
		expect(text).not.toContain('@example.org');
		expect(readCsv(file.body)[0]).not.toContain('E-Mail');
	});

	it('writes an XLSX workbook that reads back with the same rows', async () => {
		const file = await exportRegistrations(organiserAt(organiser), sessionId, 'xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(file.body as Uint8Array) as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet('Anmeldungen')!;
		const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
		expect(values(1)).toEqual(['Nr.', 'Name', 'E-Mail', 'Organisation', 'Gruppe', 'Status', 'Platz auf der Warteliste', 'Anwesend', 'Bedarfe (Barrierefreiheit)']);
		const names = [2, 3, 4, 5].map((n) => values(n)[1]);
		expect(names).toContain('Anna Amsel');
		expect(names).toContain(`'=HYPERLINK("http://böse.example")`);
		expect(sheet.rowCount).toBe(5);
	});

	it('refuses another organisation’s session and unknown formats', async () => {
		expect(await rejected(exportRegistrations(organiserAt(gera), sessionId, 'csv'))).toMatchObject({ code: 'not_found' });
		expect(await rejected(exportRegistrations(organiserAt(organiser), sessionId, 'pdf'))).toMatchObject({ code: 'not_found' });
	});
});
