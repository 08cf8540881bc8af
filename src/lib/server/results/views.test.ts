/**
 * The dashboard's views and every export are built from a StudyResults only. Property: for random
 * studies (group sizes around k, random ratings), no view and no file shows a figure of a cell the
 * suppression hid, and every figure shown is the figure of a visible cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectedRound } from '../../domain/results/round-table';
import { studyResults, type CellResult, type ResultsStudy, type StudyResults } from '../../domain/results/study-results';
import { rawExportAllowed } from '../../domain/anonymity/raw-export';
import { ALL_GROUPS, cellOf, dashboardView, NO_FILTER, roundChanges, type ResultsSetting } from '../../domain/results/dashboard-view';
import { buildSheets } from './exports/sheets';

const GROUPS = ['verwaltung', 'politik', 'zivil', 'kultur'];
const COMPETENCES = ['A1.1', 'A1.2', 'A2.1'];
const HORIZONS = ['heute', 'morgen'];

const study: ResultsStudy = {
	id: 's',
	groups: GROUPS.map((key) => ({ key, label: key.toUpperCase() })),
	horizons: HORIZONS.map((key) => ({ key, label: key })),
	measureProficiency: true,
	minGroupSize: 5,
	quantileType: 7,
	consensus: { maxIqr: 1, minAgreement: 0.7 }
};

const setting: ResultsSetting = {
	studyId: 's',
	studyTitle: 'Test',
	status: 'closed',
	horizons: study.horizons.map((h) => ({ ...h })),
	groups: study.groups.map((g) => ({ ...g })),
	measureProficiency: true,
	consensus: study.consensus,
	quantileType: 7,
	minGroupSize: 5,
	competences: COMPETENCES.map((code) => ({ code, title: `Titel ${code}`, description: '', areaCode: code.slice(0, 2), areaTitle: 'Bereich', principles: ['P3'], dimensions: [] })),
	areas: [
		{ code: 'A1', title: 'Bereich' },
		{ code: 'A2', title: 'Bereich' }
	],
	principles: ['P3'],
	dimensions: [],
	rounds: [1],
	plannedRounds: 1
};

const items = COMPETENCES.flatMap((competence) => [...HORIZONS.map((horizon) => ({ competence, measure: 'importance', horizon })), { competence, measure: 'proficiency', horizon: null }]);

/** Every person of a group rates every item (1–5, sometimes "don't know"). */
const arbitraryResults = fc
	.record({
		sizes: fc.tuple(...GROUPS.map(() => fc.integer({ min: 0, max: 9 }))),
		seed: fc.integer({ min: 1, max: 2 ** 31 - 1 })
	})
	.map(({ sizes, seed }): StudyResults => {
		let state = seed;
		const random = () => {
			state = (state * 48271) % 2147483647;
			return state / 2147483647;
		};
		const counters = GROUPS.flatMap((group, g) =>
			items.map((item) => {
				const counts = [0, 0, 0, 0, 0];
				let dontKnow = 0;
				for (let person = 0; person < sizes[g]; person += 1) {
					if (random() < 0.1) dontKnow += 1;
					else counts[Math.floor(random() * 5)] += 1;
				}
				return { competence: item.competence, measure: item.measure, horizon: item.horizon ?? '', group, counts, dontKnow };
			})
		);
		const table = protectedRound({
			round: 1,
			groups: GROUPS,
			items,
			counters,
			participation: new Map(GROUPS.map((group, g) => [group, sizes[g]])),
			minGroupSize: 5,
			quantileType: 7
		});
		return studyResults(study, COMPETENCES, table);
	});

const hiddenCell = (results: StudyResults, competence: string, measure: 'importance' | 'proficiency', horizon: string | null, group: string) => {
	const cell = cellOf(results, competence, measure, horizon, group);
	return !cell || cell.suppressed;
};
const visible = (cell: CellResult | null) => (cell && !cell.suppressed ? cell : null);

describe('views and files show only what the suppression let through', () => {
	it('for every group filter, in every view', () => {
		fc.assert(
			fc.property(arbitraryResults, (results) => {
				for (const group of [null, ...GROUPS]) {
					const view = dashboardView(results, setting, { ...NO_FILTER, group });
					const shown = view.group;
					if (group && shown !== group) expect(results.groups.find((g) => g.key === group)?.suppressed).toBe(true);
					for (const row of view.heatmap.rows) {
						for (const cell of row.cells) {
							const source = visible(cellOf(results, row.code, 'importance', view.horizon, cell.group));
							expect(cell.suppressed).toBe(!source);
							expect(cell.mean).toBe(source ? source.mean : null);
						}
					}
					for (const gap of view.gaps) {
						for (const row of gap.rows) {
							expect(hiddenCell(results, row.code, 'importance', gap.horizon, shown)).toBe(false);
							expect(hiddenCell(results, row.code, 'proficiency', null, shown)).toBe(false);
							expect(row.importanceMean).toBe(visible(cellOf(results, row.code, 'importance', gap.horizon, shown))!.mean);
						}
					}
					for (const point of view.matrix.points) {
						expect(point.y).toBe(visible(cellOf(results, point.code, 'importance', view.horizon, shown))!.mean);
						expect(point.x).toBe(visible(cellOf(results, point.code, 'proficiency', null, shown))!.mean);
					}
					for (const row of view.consensus) {
						const source = visible(cellOf(results, row.code, row.measure, row.horizon, shown));
						expect(row.suppressed).toBe(!source);
						expect(row.n).toBe(source ? source.n : null);
						expect(row.iqr).toBe(source ? source.iqr : null);
					}
					for (const row of view.disagreement) {
						expect(hiddenCell(results, row.code, row.measure, row.horizon, row.higherGroup)).toBe(false);
						expect(hiddenCell(results, row.code, row.measure, row.horizon, row.lowerGroup)).toBe(false);
					}
					for (const row of view.participation) expect(row.n).toBe(results.groups.find((g) => g.key === row.key)!.n);
				}
				if (rawExportAllowed(results)) for (const g of results.groups) expect(g.n === 0 || (g.n ?? 0) >= 5).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});

	it('in every sheet of the files', () => {
		fc.assert(
			fc.property(arbitraryResults, (results) => {
				const sheets = buildSheets({ results, setting, locale: 'de', createdAt: new Date(0) });
				const cells = sheets.find((s) => s.key === 'einzelwerte')!;
				expect(cells.rows).toHaveLength(items.length * (GROUPS.length + 1));
				for (const row of cells.rows) {
					const [code, , , measureName, horizon, group, status] = row as string[];
					const measure = measureName === 'Wichtigkeit' ? 'importance' : 'proficiency';
					const key = group === 'Alle Gruppen' ? ALL_GROUPS : group.toLowerCase();
					const source = visible(cellOf(results, code, measure, measure === 'proficiency' ? null : horizon, key));
					expect(status).toBe(source ? 'sichtbar' : 'ausgeblendet');
					if (!source) expect(row.slice(7).every((v) => v === null)).toBe(true);
					else expect(row[7]).toBe(source.n);
				}
				const participation = sheets.find((s) => s.key === 'teilnahme')!;
				for (const row of participation.rows.slice(0, GROUPS.length)) {
					const group = results.groups.find((g) => g.label === row[0])!;
					expect(row[1]).toBe(group.suppressed ? null : group.n);
				}
			}),
			{ numRuns: 100 }
		);
	});

	it('compares rounds only where a cell is visible in both', () => {
		fc.assert(
			fc.property(arbitraryResults, arbitraryResults, (first, second) => {
				const rows = roundChanges([first, { ...second, round: 2 }], 'A1.1');
				expect(rows).toHaveLength((HORIZONS.length + 1) * (GROUPS.length + 1));
				for (const row of rows) {
					const [before, after] = row.rounds;
					if (before.suppressed || after.suppressed || before.mean === null || after.mean === null) expect(after.meanChange).toBeNull();
					else expect(after.meanChange).toBeCloseTo(after.mean - before.mean, 12);
					expect(before.meanChange).toBeNull();
				}
			}),
			{ numRuns: 50 }
		);
	});
});
