import type { DownloadFile } from '../http/download';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import type { StudyResults } from '../../domain/results/study-results';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { loadStudyDemo, type StudyDemo } from '../studies/demo';
import { getStudy } from '../studies/get-study';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import type { TenantContext } from '../tenant';
import { heatmapRows, resultsSetting } from '../../domain/results/dashboard-view';
import { exportResults } from './exports';
import { resultsCsv } from './exports/csv';
import { barLayout, resultsPdf } from './exports/pdf';
import { SHEET_KEYS, type ExportInput } from './exports/sheets';
import { resultsXlsx } from './exports/xlsx';
import { getStudyResults } from './get-results';
import { RAW_COLUMNS, rawAnswersCsv } from './raw-export';
import { runStudy } from './test-fixtures';
import { rejected } from '../../../../tests/helpers/errors';
import { inflatedPdf, pdfText } from '../../../../tests/helpers/pdf';
import { saveIdentity } from '../identity/save-identity';
import { setLogo } from '../identity/set-logo';
import { tenantFor } from '../tenant';

let t: TestDatabase;
let owner: TenantContext;
let demo: StudyDemo;
let frameworkId: string;
let results: StudyResults;
let input: ExportInput;

beforeAll(async () => {
	t = await createTestDatabase();
	frameworkId = await ensureDefaultFramework(t.db);
	owner = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
	demo = await loadStudyDemo(t.db, owner, 'http://x');
	const study = await getStudy(owner, demo.closedStudyId);
	results = await getStudyResults(owner, demo.closedStudyId);
	input = { results, setting: resultsSetting(study, await frameworkDocumentOfStudy(t.db, study), 'de'), locale: 'de', createdAt: new Date('2027-03-18T10:00:00Z'), organisation: 'Stadt Altenburg (Demo)' };
}, 120_000);

const text = (body: DownloadFile['body']) => {
	if (body instanceof ReadableStream) throw new Error('a streamed download: read it with streamed()');
	return typeof body === 'string' ? body : new TextDecoder().decode(body);
};
/** A download read to its end, byte order mark included (Response.text() would drop it). */
const streamed = async (body: DownloadFile['body']) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(body as BodyInit).arrayBuffer());
const germanNumber = (value: string) => Number(value.replace(',', '.'));

/** Splits a CSV export into its header rows (label → value) and its table (header + rows), as a reader would. */
function readCsv(body: string) {
	const records: string[][] = parse(body, { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: false });
	const blank = records.findIndex((r) => r.length === 1 && r[0] === '');
	return { header: new Map(records.slice(0, blank).map((r) => [r[0], r[1]])), columns: records[blank + 1], rows: records.slice(blank + 2) };
}

describe('CSV', () => {
	it('opens in German Excel: UTF-8 with BOM, “;”, decimal comma, header rows with study, round, k and quantile definition', async () => {
		const file = resultsCsv(input);
		const body = await streamed(file.body);
		expect(body.startsWith('\uFEFF')).toBe(true);
		expect(body).toContain('\r\n');
		expect(file.fileName).toBe('ergebnisse-wissensbedarf-altenburg-2027-runde-1-einzelwerte.csv');
		expect(file.contentType).toBe('text/csv; charset=utf-8');
		const { header, columns, rows } = readCsv(body);
		expect(header.get('Analyse')).toBe('Wissensbedarf Altenburg 2027');
		expect(header.get('Runde')).toBe('1');
		expect(header.get('Mindestgruppengröße k')).toBe('5');
		expect(header.get('Quantildefinition')).toBe('Quantile nach Hyndman & Fan Typ 7 (wie R)');
		expect(header.get('Konsensregel')).toBe('IQR ≤ 1 und Anteil 4–5 ≥ 70 %');
		expect(header.get('Erstellt am')).toBe('18.03.2027');
		expect(columns.slice(0, 10)).toEqual(['Code', 'Kompetenz', 'Themenbereich', 'Messgröße', 'Zeithorizont', 'Gruppe', 'Status', 'n', 'kann ich nicht einschätzen', 'Mittelwert']);
		expect(rows).toHaveLength(results.items.length * 7);

		const col = (name: string) => columns.indexOf(name);
		const item = results.items.find((i) => i.competence === 'A1.1' && i.measure === 'importance' && i.horizon === 'heute')!;
		const cell = item.cells.find((c) => c.group === 'verwaltung')!;
		if (cell.suppressed) throw new Error('Verwaltung is visible');
		const row = rows.find((r) => r[0] === 'A1.1' && r[3] === 'Wichtigkeit' && r[4] === 'heute' && r[5] === 'Verwaltung')!;
		expect(row[col('Status')]).toBe('sichtbar');
		expect(Number(row[col('n')])).toBe(cell.n);
		expect(row[col('Mittelwert')]).toMatch(/^\d,\d{1,3}$|^\d$/);
		expect(germanNumber(row[col('Mittelwert')])).toBeCloseTo(cell.mean!, 3);
		expect(germanNumber(row[col('Median')])).toBe(cell.median);
		expect(germanNumber(row[col('Anteil 4–5 (%)')])).toBeCloseTo(cell.agreement! * 100, 1);
		expect([1, 2, 3, 4, 5].map((v) => Number(row[col(`Anzahl ${v}`)]))).toEqual(cell.histogram);

		// A hidden group: the status says so and not a single figure is there.
		const hidden = rows.filter((r) => r[5] === 'Wissenschaft');
		expect(hidden).toHaveLength(results.items.length);
		for (const r of hidden) {
			expect(r[col('Status')]).toBe('ausgeblendet');
			expect(r.slice(col('n'))).toEqual(Array(r.length - col('n')).fill(''));
		}
	});

	it('writes every view, and the participation view hides small groups', () => {
		for (const key of SHEET_KEYS) {
			const { header, columns, rows } = readCsv(text(resultsCsv(input, key).body));
			expect(header.get('Runde')).toBe('1');
			expect(columns.length).toBeGreaterThan(2);
			expect(rows.length).toBeGreaterThan(0);
		}
		const { rows } = readCsv(text(resultsCsv(input, 'teilnahme').body));
		expect(rows.find((r) => r[0] === 'Wissenschaft')).toEqual(['Wissenschaft', '', 'ausgeblendet']);
		expect(rows.find((r) => r[0] === 'Verwaltung')).toEqual(['Verwaltung', '18', 'sichtbar']);
		expect(rows.at(-1)).toEqual(['Alle Gruppen', '57', 'sichtbar']);
		const gaps = readCsv(text(resultsCsv(input, 'luecken').body));
		const first = gaps.rows.find((r) => r[0] === 'heute' && r[1] === '1')!;
		const gap = results.gaps.find((g) => g.horizon === 'heute' && g.rank === 1)!;
		expect(first[2]).toBe(gap.competence);
		expect(germanNumber(first[gaps.columns.indexOf('Lücke (Mittelwert)')])).toBeCloseTo(gap.meanGap!, 3);
	});

	it('keeps labels typed by organisers from turning into spreadsheet formulas', async () => {
		const { id } = await runStudy(t.db, owner, {
			title: '=HYPERLINK("http://evil.example";"klick")',
			frameworkId,
			competences: ['A1.1'],
			groups: [
				{ key: 'verwaltung', label: '+Verwaltung', participants: 5 },
				{ key: 'politik', label: '@Politik', participants: 5 }
			],
			value: ({ person }) => ((person % 5) + 1) as 1 | 2 | 3 | 4 | 5
		});
		const file = await exportResults(t.db, await getStudy(owner, id), new URLSearchParams('format=csv&ansicht=teilnahme'), 'de');
		const { header, rows } = readCsv(text(file.body));
		expect(header.get('Analyse')).toBe('\'=HYPERLINK("http://evil.example";"klick")');
		expect(rows.map((r) => r[0])).toEqual(["'+Verwaltung", "'@Politik", 'Alle Gruppen']);
		const raw = readCsv('\n' + (await streamed((await rawAnswersCsv(t.db, await getStudy(owner, id))).body)).replace(/^\uFEFF/, ''));
		expect(new Set(raw.rows.map((r) => r[2]))).toEqual(new Set(["'+Verwaltung", "'@Politik"]));
	});
});

describe('XLSX', () => {
	it('has one sheet per view, each with the header rows, and real numbers exceljs reads back', async () => {
		const file = await resultsXlsx(input);
		expect(file.fileName).toBe('ergebnisse-wissensbedarf-altenburg-2027-runde-1.xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(file.body as Uint8Array) as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Teilnahme', 'Lücken', 'Einzelwerte', 'Unterschiede', 'Konsens']);
		for (const sheet of workbook.worksheets) {
			const labels = new Map<string, unknown>();
			sheet.eachRow((row) => labels.set(String(row.getCell(1).value), row.getCell(2).value));
			expect(labels.get('Analyse')).toBe('Wissensbedarf Altenburg 2027');
			expect(labels.get('Runde')).toBe('1');
			expect(labels.get('Mindestgruppengröße k')).toBe('5');
			expect(labels.get('Quantildefinition')).toBe('Quantile nach Hyndman & Fan Typ 7 (wie R)');
		}
		const cells = workbook.getWorksheet('Einzelwerte')!;
		let headerRow = 0;
		cells.eachRow((row, number) => {
			if (row.getCell(1).value === 'Code') headerRow = number;
		});
		expect(headerRow).toBeGreaterThan(0);
		const headers = (cells.getRow(headerRow).values as unknown[]).slice(1);
		const column = (name: string) => headers.indexOf(name) + 1;
		const cell = results.items.find((i) => i.competence === 'A2.1' && i.measure === 'proficiency')!.cells.find((c) => c.group === 'all')!;
		if (cell.suppressed) throw new Error('all groups are visible');
		let found = false;
		cells.eachRow((row) => {
			if (row.getCell(1).value === 'A2.1' && row.getCell(column('Messgröße')).value === 'Beherrschung heute' && row.getCell(column('Gruppe')).value === 'Alle Gruppen') {
				found = true;
				expect(row.getCell(column('n')).value).toBe(cell.n);
				expect(row.getCell(column('Mittelwert')).value).toBe(cell.mean);
				expect(row.getCell(column('Mittelwert')).numFmt).toBe('0.00');
				expect(row.getCell(column('Anteil 4–5')).value).toBe(cell.agreement);
			}
			if (row.getCell(column('Gruppe')).value === 'Wissenschaft') {
				expect(row.getCell(column('Status')).value).toBe('ausgeblendet');
				expect(row.getCell(column('n')).value).toBeNull();
				expect(row.getCell(column('Mittelwert')).value).toBeNull();
			}
		});
		expect(found).toBe(true);
	});
});

describe('PDF report', () => {
	it('starts with %PDF and has the title page, method with k and quantile definition, and every section', async () => {
		const file = await resultsPdf(input, { compress: false });
		const bytes = file.body as Uint8Array;
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const content = pdfText(bytes);
		for (const title of ['Wissensbedarf Altenburg 2027', 'Ergebnisbericht der Wissensbedarfsanalyse', 'Methode', 'Teilnahme', 'Größte Lücken je Zeithorizont', 'Unterschiede zwischen den Gruppen', 'Konsens', 'Anhang: Tabellen']) {
			expect(content, title).toContain(title);
		}
		expect(content).toContain('Mindestgruppengröße k = 5');
		expect(content).toContain('Quantile nach Hyndman & Fan Typ 7 (wie R)');
		expect(content).toContain('Top 10: heute');
		expect(Buffer.from(bytes).toString('latin1')).toContain('/StructTreeRoot');

		const compressed = await resultsPdf(input);
		expect(Buffer.from((compressed.body as Uint8Array).subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		expect((compressed.body as Uint8Array).length).toBeLessThan(bytes.length);
		expect(compressed.fileName).toBe('ergebnisse-wissensbedarf-altenburg-2027-runde-1.pdf');
	});

	it('draws negative gaps as bars left of the zero line, as long as positive ones of the same size', () => {
		const { zero, hasNegative, bars } = barLayout([0.8, -0.4, 0.4], 50, 495);
		expect(hasNegative).toBe(true);
		expect(bars[1].w).toBeCloseTo(bars[2].w, 6);
		expect(bars[1].w).toBeGreaterThan(50);
		expect(bars[1].x + bars[1].w).toBeCloseTo(zero, 6);
		expect(bars[0].x).toBe(zero);
		expect(bars[1].x).toBeGreaterThanOrEqual(50 + 40 - 1e-9);
		expect(bars[0].x + bars[0].w).toBeLessThanOrEqual(50 + 495 - 40 + 1e-9);
		expect(barLayout([0.5, 0.2], 50, 495)).toMatchObject({ zero: 50, hasNegative: false });
	});

	it('has the priority matrix, saying which part of the scale it shows, and the heatmap with coloured cells for every horizon', async () => {
		const content = pdfText((await resultsPdf(input, { compress: false })).body as Uint8Array);
		expect(content).toMatch(/Prioritätenmatrix\s*\S?\s*heute, Alle Gruppen/);
		expect(content).toMatch(/Vergrößerter Ausschnitt der Skala 1 bis 5: Beherrschung \d,\d\S\d,\d, Wichtigkeit \d,\d\S\d,\d\./);
		expect(content).toContain('Wichtigkeit nach Gruppen');
		for (const horizon of input.setting.horizons) expect(content).toContain(`Wichtigkeit ${horizon.label} (Mittelwert) je Kompetenz und Gruppe`);
		const heat = heatmapRows(input.results, input.setting.competences, input.setting.horizons[0].key);
		const cell = heat.rows.flatMap((row) => row.cells).find((c) => c.colours)!;
		const [r, g, b] = [1, 3, 5].map((i) => parseInt(cell.colours!.fill.slice(i, i + 2), 16) / 255);
		const raw = Buffer.from((await resultsPdf(input, { compress: false })).body as Uint8Array).toString('latin1');
		const fills = [...raw.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) (?:rg|scn)/g)].map((m) => m.slice(1, 4).map(Number));
		expect(fills.some(([fr, fg, fb]) => Math.abs(fr - r) < 0.01 && Math.abs(fg - g) < 0.01 && Math.abs(fb - b) < 0.01)).toBe(true);
	});

	it("carries the organisation's display name, logo and accent colour, as its certificates do", async () => {
		const manager = tenantFor(t.db, owner.actor, 'identity.manage');
		const study = await getStudy(owner, demo.closedStudyId);
		const download = async () => inflatedPdf((await exportResults(t.db, study, new URLSearchParams('format=pdf'), 'de', 'Stadt Altenburg (Demo)')).body as Uint8Array);
		const images = (pdf: Buffer) => pdf.toString('latin1').split('/Subtype /Image').length - 1;
		const plain = await download();
		expect(pdfText(plain)).not.toContain('Personalamt Altenburg');
		// A 1×1 PNG.
		const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
		await saveIdentity(manager, { displayName: 'Personalamt Altenburg', accentColour: '#7a1f5c' });
		await setLogo(manager, png);
		try {
			const branded = await download();
			expect(pdfText(branded)).toContain('Organisation: Personalamt Altenburg');
			// The section headings in the organisation's colour (0x7a/255 = 0.478…).
			expect(branded.toString('latin1')).toContain('0.47843137254901963 0.12156862745098039 0.3607843137254902 sc');
			expect(plain.toString('latin1')).not.toContain('0.47843137254901963 0.12156862745098039 0.3607843137254902 sc');
			expect(images(branded)).toBeGreaterThan(images(plain));
			expect(branded.toString('latin1')).toContain('(Logo: Personalamt Altenburg)');
		} finally {
			await setLogo(manager, null);
			await saveIdentity(manager, { displayName: '', accentColour: '' });
		}
	});

	it('is written in English for English readers', async () => {
		const study = await getStudy(owner, demo.closedStudyId);
		const english = { ...input, locale: 'en' as const, setting: resultsSetting(study, await frameworkDocumentOfStudy(t.db, study), 'en') };
		const content = pdfText((await resultsPdf(english, { compress: false })).body as Uint8Array);
		expect(content).toContain('Method');
		expect(content).toContain('Quantiles by Hyndman & Fan type 7 (as in R)');
	});
});

describe('downloads refuse bad input with a German message', () => {
	it('names unknown formats, views and rounds, and waits for a closed round', async () => {
		const study = await getStudy(owner, demo.closedStudyId);
		const refuse = (query: string) => rejected(exportResults(t.db, study, new URLSearchParams(query), 'de'));
		expect(await refuse('format=docx')).toMatchObject({ code: 'bad_request', message: 'Unbekanntes Format „docx“. Möglich sind csv, xlsx und pdf.' });
		expect(await refuse('format=csv&ansicht=alles')).toMatchObject({ code: 'bad_request' });
		expect(await refuse('format=csv&runde=3')).toMatchObject({ code: 'validation_failed', message: 'Für Runde 3 gibt es keine Ergebnisse.' });
		expect(await refuse('format=pdf&runde=eins')).toMatchObject({ code: 'validation_failed' });
		const open = await rejected(exportResults(t.db, await getStudy(owner, demo.openStudyId), new URLSearchParams('format=xlsx'), 'de'));
		expect(open.code).toBe('conflict');
		const other = await tenantAs(t.db, 'Stadt Gera', 'owner');
		expect((await rejected(getStudy(other, demo.closedStudyId))).code).toBe('not_found');
		const ok = await exportResults(t.db, study, new URLSearchParams('format=xlsx&runde=1'), 'de');
		expect(ok.fileName).toMatch(/\.xlsx$/);
	});
});

describe('raw answers', () => {
	it('are refused while a group is below k, with a 409 that says why', async () => {
		const error = await rejected(rawAnswersCsv(t.db, await getStudy(owner, demo.closedStudyId)));
		expect(error.code).toBe('conflict');
		expect(error.status).toBe(409);
		expect(error.message).toContain('mindestens 5 Antworten');
	});

	it('are anonymous rows: responses renumbered 1…N in a random order, no date, no id, every answer once', async () => {
		const groups = [
			{ key: 'verwaltung', label: 'Verwaltung', participants: 7 },
			{ key: 'politik', label: 'Politik', participants: 5 },
			{ key: 'leer', label: 'Niemand', participants: 0 }
		];
		const { id } = await runStudy(t.db, owner, {
			title: 'Rohdaten-Test',
			frameworkId,
			competences: ['A1.1', 'A3.1'],
			groups,
			value: ({ group, person, item }) => (item === 0 && person === 0 ? null : ((((group === 'politik' ? 2 : 0) + person + item) % 5) + 1) as 1 | 2 | 3 | 4 | 5)
		});
		const study = await getStudy(owner, id);
		const file = await rawAnswersCsv(t.db, study);
		expect(file.fileName).toBe('rohdaten-rohdaten-test-runde-1.csv');
		const body = await streamed(file.body);
		expect(body.startsWith('\uFEFF')).toBe(true);
		const [columns, ...rows]: string[][] = parse(body, { delimiter: ';', bom: true });
		expect(columns).toEqual([...RAW_COLUMNS]);
		const stored = await t.db.execute<{ n: number }>(sql`SELECT count(*)::int n FROM answers WHERE study_id = ${id} AND round = 1`);
		expect(rows).toHaveLength(stored.rows[0].n);
		expect(rows).toHaveLength(12 * 8);
		expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
		expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}/);

		const numbers = rows.map((r) => Number(r[0]));
		expect([...new Set(numbers)].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
		expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
		for (let n = 1; n <= 12; n += 1) {
			const response = rows.filter((r) => Number(r[0]) === n);
			expect(response).toHaveLength(8);
			expect(new Set(response.map((r) => r[1])).size).toBe(1);
		}
		for (const row of rows) {
			expect(['wichtigkeit', 'beherrschung']).toContain(row[4]);
			expect(row[5] === '').toBe(row[4] === 'beherrschung');
			expect(row[7]).toBe(row[6] === '' ? '1' : '0');
		}
		expect(rows.filter((r) => r[7] === '1')).toHaveLength(2);
		expect(rows.filter((r) => r[1] === 'verwaltung')).toHaveLength(7 * 8);

		// Shuffled afresh on every export: the numbering follows nothing stored.
		const signature = (csv: string) => {
			const [, ...all]: string[][] = parse(csv, { delimiter: ';', bom: true });
			return Array.from({ length: 12 }, (_, i) => all.filter((r) => Number(r[0]) === i + 1).map((r) => `${r[1]}${r[6]}`).join(',')).join('|');
		};
		const orders = new Set<string>([signature(body)]);
		for (let i = 0; i < 3; i += 1) orders.add(signature(await streamed((await rawAnswersCsv(t.db, study)).body)));
		expect(orders.size).toBeGreaterThan(1);
	});
});
