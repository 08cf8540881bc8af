/**
 * Delphi change figures end to end: a real 2-round study through the use cases (answers, transition
 * counters, closing, next round), read back as results, dashboard view and exports.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { pdfText } from '../../../../tests/helpers/pdf';
import type { ChangeCell } from '../../domain/results/round-change';
import type { StudyResults } from '../../domain/results/study-results';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { getStudy } from '../studies/get-study';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import type { TenantContext } from '../tenant';
import { ALL_GROUPS, dashboardView, NO_FILTER, resultsSetting } from '../../domain/results/dashboard-view';
import { exportResults } from './exports';
import { resultsPdf } from './exports/pdf';
import { getStudyResults } from './get-results';
import { runStudy } from './test-fixtures';

type Value = 1 | 2 | 3 | 4 | 5 | null;

/**
 * k = 3. Every item gets the same answers. Round 1 → round 2 per person:
 * verwaltung (6): 3→3, 3→4, 4→4, 2→3, 5→4, dk→3
 * kultur (7): 5→5 ×4, 4→5 ×3
 * politik (5): 4→4 ×5
 * wirtschaft (5 in round 1): 1→2 ×2, three do not come back → 2 < k in round 2, politik (5) is its complement.
 */
const ANSWERS: Record<string, [Value, Value][]> = {
	verwaltung: [[3, 3], [3, 4], [4, 4], [2, 3], [5, 4], [null, 3]],
	kultur: [[5, 5], [5, 5], [5, 5], [5, 5], [4, 5], [4, 5], [4, 5]],
	politik: [[4, 4], [4, 4], [4, 4], [4, 4], [4, 4]],
	wirtschaft: [[1, 2], [1, 2], [1, null], [1, null], [1, null]]
};

let t: TestDatabase;
let owner: TenantContext;
let studyId: string;
let round2: StudyResults;

beforeAll(async () => {
	t = await createTestDatabase();
	const frameworkId = await ensureDefaultFramework(t.db);
	owner = await tenantAs(t.db, 'Stadt Delphi', 'owner');
	({ id: studyId } = await runStudy(t.db, owner, {
		frameworkId,
		competences: ['A1.1', 'A1.2'],
		groups: Object.keys(ANSWERS).map((key) => ({ key, label: key[0].toUpperCase() + key.slice(1), participants: ANSWERS[key].length })),
		rounds: 2,
		minGroupSize: 3,
		takesPart: ({ group, person, round }) => round === 1 || group !== 'wirtschaft' || person < 2,
		value: ({ group, person, round }) => ANSWERS[group][person][round - 1]
	}));
	round2 = await getStudyResults(owner, studyId, 2);
}, 120_000);

const cell = (cells: ChangeCell[], group: string) => cells.find((c) => c.group === group)!;

describe('change between Delphi rounds', () => {
	it('gives no change figures in round 1', async () => {
		expect((await getStudyResults(owner, studyId, 1)).change).toBeUndefined();
	});

	it('equals the hand-computed figures for a visible group and for all groups, on every item', () => {
		expect(round2.change).toHaveLength(round2.items.length);
		for (const item of round2.change!) {
			expect(item).toMatchObject({ previousRound: 1, round: 2 });
			const verwaltung = cell(item.cells, 'verwaltung');
			if (verwaltung.suppressed) throw new Error('verwaltung is visible in both rounds with 6 pairs');
			// 4 of 6 changed; CV √1.3/3.4 → √0.3/3.5; differences 0, +1, 0, +1, −1 → W+ = 4 (n = 3, tied, normal).
			expect(verwaltung.pairs).toBe(6);
			expect(verwaltung.changedShare).toBeCloseTo(4 / 6, 12);
			expect(verwaltung.cvPrevious).toBeCloseTo(Math.sqrt(1.3) / 3.4, 12);
			expect(verwaltung.cvCurrent).toBeCloseTo(Math.sqrt(0.3) / 3.5, 12);
			expect(verwaltung.wilcoxon).toMatchObject({ statistic: 4, n: 3, method: 'normal' });
			expect(verwaltung.wilcoxon?.pValue).toBeCloseTo(0.7728299926844475, 10);

			// kultur: 3 of 7 changed; round 2 all 5 → CV 0; round 1 CV = 0.11692679333668568 (Python statistics.stdev / mean).
			expect(cell(item.cells, 'kultur')).toMatchObject({ suppressed: false, pairs: 7 });
			const kultur = cell(item.cells, 'kultur') as Extract<ChangeCell, { suppressed: false }>;
			expect(kultur.changedShare).toBeCloseTo(3 / 7, 12);
			expect(kultur.cvPrevious).toBeCloseTo(0.11692679333668568, 12);
			expect(kultur.cvChange).toBeCloseTo(-0.11692679333668568, 12);

			// All: 6 + 7 + 5 + 2 = 20 pairs, 4 + 3 + 0 + 2 = 9 changed. Rating differences: +1 ×7, −1 ×1 →
			// n = 8, W+ = 7 · 4.5 = 31.5, Var = 8·9·17/24 − (8³ − 8)/48 = 40.5, z = 13/√40.5, p = erfc(z/√2) = 0.0410769029064881.
			// CV of all ratings: 0.4451945621839941 → 0.24333213169614382 (Python statistics).
			const all = cell(item.cells, ALL_GROUPS);
			if (all.suppressed) throw new Error('all is visible: the hidden groups have 7 pairs together');
			expect(all.pairs).toBe(20);
			expect(all.changedShare).toBeCloseTo(9 / 20, 12);
			expect(all.wilcoxon).toMatchObject({ statistic: 31.5, n: 8, method: 'normal' });
			expect(all.wilcoxon?.pValue).toBeCloseTo(0.0410769029064881, 10);
			expect(all.cvPrevious).toBeCloseTo(0.4451945621839941, 12);
			expect(all.cvCurrent).toBeCloseTo(0.24333213169614382, 12);
		}
	});

	it('gives none for the group below k in round 2, nor for its complement', () => {
		expect(round2.groups.find((g) => g.key === 'wirtschaft')).toMatchObject({ suppressed: true, n: null });
		for (const item of round2.change!) {
			expect(cell(item.cells, 'wirtschaft')).toEqual({ group: 'wirtschaft', suppressed: true });
			expect(cell(item.cells, 'politik')).toEqual({ group: 'politik', suppressed: true });
		}
		const text = JSON.stringify(round2.change);
		expect(text).not.toMatch(/"group":"wirtschaft","suppressed":false/);
	});

	it('shows the change on the dashboard and in CSV and XLSX, in German', async () => {
		const study = await getStudy(owner, studyId);
		const setting = resultsSetting(study, await frameworkDocumentOfStudy(t.db, study), 'de');
		const view = dashboardView(round2, setting, NO_FILTER);
		expect(view.change?.previousRound).toBe(1);
		const heute = view.change!.blocks.find((b) => b.measure === 'importance' && b.horizon === 'heute')!;
		expect(heute.changed.map((r) => [r.code, r.pairs, r.changedShare])).toEqual([
			['A1.1', 20, 0.45],
			['A1.2', 20, 0.45]
		]);
		expect(heute.converged[0].cvChange).toBeCloseTo(0.24333213169614382 - 0.4451945621839941, 12);

		const csv = await exportResults(t.db, study, new URLSearchParams('format=csv&ansicht=veraenderung&runde=2'), 'de');
		const records: string[][] = parse(csv.body as string, { delimiter: ';', bom: true, relax_column_count: true });
		const header = records.find((r) => r[0] === 'Code')!;
		const row = records.find((r) => r[0] === 'A1.1' && r[3] === 'heute' && r[4] === 'Verwaltung')!;
		expect(row[header.indexOf('Paare (n)')]).toBe('6');
		expect(row[header.indexOf('geändert (%)')]).toBe('66,7');
		const hidden = records.find((r) => r[0] === 'A1.1' && r[3] === 'heute' && r[4] === 'Wirtschaft')!;
		expect(hidden[header.indexOf('Status')]).toBe('ausgeblendet');
		expect(hidden.slice(header.indexOf('Paare (n)')).every((v) => v === '')).toBe(true);

		const round1Csv = await exportResults(t.db, study, new URLSearchParams('format=csv&ansicht=veraenderung&runde=1'), 'de').then(() => null, (e: unknown) => e);
		expect(round1Csv).toMatchObject({ code: 'conflict' });

		const xlsx = await exportResults(t.db, study, new URLSearchParams('format=xlsx&runde=2'), 'de');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(xlsx.body as Uint8Array) as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((w) => w.name).at(-1)).toBe('Veränderung');
	});

	it('has a section on the change in the PDF report, with the same figures as the dashboard', async () => {
		const study = await getStudy(owner, studyId);
		const setting = resultsSetting(study, await frameworkDocumentOfStudy(t.db, study), 'de');
		const pdf = await resultsPdf({ results: round2, setting, locale: 'de', createdAt: new Date('2027-05-01T10:00:00Z') }, { compress: false });
		const content = pdfText(pdf.body as Uint8Array);
		const section = content.slice(content.lastIndexOf('Veränderung zwischen den Runden\n'));
		expect(section).toContain('Runde 2 im Vergleich zu Runde 1');
		expect(section).toContain('Am häufigsten geändert');
		expect(section).toContain('Am stärksten angenähert');
		expect(section).toMatch(/A1\.1 Gemeinwohl verstehen\n45\s%\n20\n0,041\n/);
		expect(section).toMatch(/A1\.1 Gemeinwohl verstehen\n0,45\n0,24\n-0,20\n20\n/);

		const round1 = await resultsPdf({ results: await getStudyResults(owner, studyId, 1), setting, locale: 'de', createdAt: new Date('2027-05-01T10:00:00Z') }, { compress: false });
		expect(pdfText(round1.body as Uint8Array)).not.toContain('Veränderung zwischen den Runden');
	});
});
