import { describe, expect, it } from 'vitest';
import { protectedRound } from './round-table';
import { compareStudyResults, comparisonForGroup, comparisonSentence, type ComparedFigures, type ComparisonSide } from './study-comparison';
import { studyResults, type ResultsStudy } from './study-results';

type Counts = Record<string, number[]>;

/**
 * One study's protected results, built through the real suppression path (protectedRound →
 * studyResults). Every rating is a 3 except where `special` gives a competence's proficiency
 * histograms per group.
 */
function side(options: {
	id: string;
	title: string;
	participants: Record<string, number>;
	competences: string[];
	horizons: string[];
	measureProficiency?: boolean;
	special?: Record<string, Counts>;
}): ComparisonSide {
	const groups = Object.keys(options.participants).map((key) => ({ key, label: key[0].toUpperCase() + key.slice(1) }));
	const horizons = options.horizons.map((key) => ({ key, label: key }));
	const measureProficiency = options.measureProficiency ?? true;
	const study: ResultsStudy = { id: options.id, groups, horizons, measureProficiency, minGroupSize: 5, quantileType: 7, consensus: { maxIqr: 1, minAgreement: 0.7 } };
	const items = options.competences.flatMap((competence) => [
		...options.horizons.map((horizon) => ({ competence, measure: 'importance', horizon })),
		...(measureProficiency ? [{ competence, measure: 'proficiency', horizon: null }] : [])
	]);
	const counters = items.flatMap((item) =>
		groups.map(({ key: group }) => ({
			competence: item.competence,
			measure: item.measure,
			horizon: item.horizon ?? '',
			group,
			counts: (item.measure === 'proficiency' && options.special?.[item.competence]?.[group]) || [0, 0, options.participants[group], 0, 0],
			dontKnow: 0
		}))
	);
	const table = protectedRound({ round: 1, groups: groups.map((g) => g.key), items, counters, participation: new Map(Object.entries(options.participants)), minGroupSize: 5, quantileType: 7 });
	return {
		id: options.id,
		title: options.title,
		results: studyResults(study, options.competences, table),
		horizons,
		competences: options.competences.map((code) => ({ code, title: `Kompetenz ${code}` }))
	};
}

// Base: Verwaltung 10, Zivilgesellschaft 10, Wissenschaft 6 (all visible at k = 5), Politik 0 (only here).
// Follow-up: Verwaltung 10, Zivilgesellschaft 8, Wissenschaft 2 — Wissenschaft is below k and
// Zivilgesellschaft (the smallest visible group) is hidden as its complement; "all" stays visible.
const base = side({
	id: 'base',
	title: 'Wissensbedarf 2025',
	participants: { verwaltung: 10, zivilgesellschaft: 10, wissenschaft: 6, politik: 0 },
	competences: ['A1', 'A2', 'A3'],
	horizons: ['heute', 'morgen'],
	special: { A1: { verwaltung: [0, 3, 5, 2, 0], zivilgesellschaft: [0, 3, 4, 3, 0], wissenschaft: [0, 1, 2, 3, 0] } }
});
const followUp = side({
	id: 'follow',
	title: 'Wissensbedarf 2026 – Folgebefragung',
	participants: { verwaltung: 10, zivilgesellschaft: 8, wissenschaft: 2 },
	competences: ['A4', 'A1', 'A2'],
	horizons: ['heute', 'uebermorgen'],
	special: { A1: { verwaltung: [0, 0, 2, 5, 3], zivilgesellschaft: [0, 2, 3, 3, 0], wissenschaft: [0, 0, 0, 2, 0] } }
});

describe('compareStudyResults', () => {
	const comparison = compareStudyResults(base, followUp);
	const item = (competence: string, measure: string, horizon: string | null) => comparison.items.find((i) => i.competence === competence && i.measure === measure && i.horizon === horizon);

	it('compares a visible group with Mann–Whitney U and Cliff’s delta, and says it in one sentence', () => {
		// Verwaltung A1 proficiency: before 2,2,2,3,3,3,3,3,4,4 (mean 2.9), after 3,3,4,4,4,4,4,5,5,5 (mean 4.1).
		// R wilcox.test(after, before, exact = FALSE, correct = TRUE) / SciPy: W = 86, p = 0.004900978582523058.
		// δ = (86 − 14)/100 = 0.72: groß.
		const cell = item('A1', 'proficiency', null)!.cells.find((c) => c.group === 'verwaltung')!;
		expect(cell).toMatchObject({ suppressed: false, nBefore: 10, nAfter: 10, meanBefore: 2.9, meanAfter: 4.1, magnitude: 'large', sizeWord: 'groß' });
		if (cell.suppressed) throw new Error('visible');
		expect(cell.change).toBeCloseTo(1.2, 12);
		expect(cell.test?.u).toBe(86);
		expect(cell.test?.pValue).toBeCloseTo(0.004900978582523058, 12);
		expect(cell.delta).toBeCloseTo(0.72, 12);
		expect(cell.sentence).toBe('Die Kompetenz „Kompetenz A1“ wird von der Gruppe „Verwaltung“ besser eingeschätzt als in „Wissensbedarf 2025“: 2,9 → 4,1, Unterschied groß (p = 0,005).');
	});

	it('compares all groups through each study’s own published total, including hidden groups’ ratings', () => {
		// After (all 20, Wissenschaft's two 4s included): [0, 2, 5, 10, 3], mean 3.7; before (26): [0, 7, 11, 8, 0], mean 79/26.
		// R/SciPy: W = 367.5, p = 0.011995276029750642; δ = (367.5 − 152.5)/520 = 0.4134…: mittel.
		const cell = item('A1', 'proficiency', null)!.cells.find((c) => c.group === 'all')!;
		if (cell.suppressed) throw new Error('the total is visible in both studies');
		expect(cell).toMatchObject({ nBefore: 26, nAfter: 20, meanAfter: 3.7, sizeWord: 'mittel' });
		expect(cell.meanBefore).toBeCloseTo(79 / 26, 12);
		expect(cell.test?.pValue).toBeCloseTo(0.011995276029750642, 12);
		expect(cell.delta).toBeCloseTo(215 / 520, 12);
		expect(cell.sentence).toBe('Die Kompetenz „Kompetenz A1“ wird von allen Gruppen zusammen besser eingeschätzt als in „Wissensbedarf 2025“: 3,0 → 3,7, Unterschied mittel (p = 0,012).');
	});

	it('shows no figure of a group hidden in either study — below k or as complement', () => {
		for (const compared of comparison.items) {
			const hidden = compared.cells.filter((c) => c.suppressed);
			expect(hidden.map((c) => c.group)).toEqual(['zivilgesellschaft', 'wissenschaft']);
			for (const cell of hidden) expect(Object.keys(cell).sort()).toEqual(['group', 'suppressed']);
		}
		// The other way round (the small group in the base study) hides the same cells.
		const reversed = compareStudyResults(followUp, base);
		for (const compared of reversed.items) expect(compared.cells.filter((c) => c.suppressed).map((c) => c.group)).toEqual(['zivilgesellschaft', 'wissenschaft']);
	});

	it('matches competences by code and horizons by key, and lists what only one study has', () => {
		expect(comparison.items.map((i) => `${i.competence} ${i.measure} ${i.horizon ?? ''}`.trim())).toEqual([
			'A1 importance heute',
			'A1 proficiency',
			'A2 importance heute',
			'A2 proficiency'
		]);
		expect(comparison.onlyInBase).toEqual({ competences: [{ code: 'A3', title: 'Kompetenz A3' }], groups: [{ key: 'politik', label: 'Politik' }], horizons: [{ key: 'morgen', label: 'morgen' }] });
		expect(comparison.onlyInFollowUp).toEqual({ competences: [{ code: 'A4', title: 'Kompetenz A4' }], groups: [], horizons: [{ key: 'uebermorgen', label: 'uebermorgen' }] });
		expect(comparison.groups.map((g) => g.key)).toEqual(['verwaltung', 'zivilgesellschaft', 'wissenschaft']);
		expect(comparison.base).toEqual({ id: 'base', title: 'Wissensbedarf 2025', round: 1 });
		expect(comparison.followUp).toEqual({ id: 'follow', title: 'Wissensbedarf 2026 – Folgebefragung', round: 1 });
	});

	it('calls an unchanged rating unchanged', () => {
		const cell = item('A2', 'importance', 'heute')!.cells.find((c) => c.group === 'verwaltung')!;
		expect(cell).toMatchObject({ delta: 0, sizeWord: 'vernachlässigbar', change: 0, test: { pValue: 1 } });
		if (!cell.suppressed) expect(cell.sentence).toBe('Die Kompetenz „Kompetenz A2“ wird von der Gruppe „Verwaltung“ für heute etwa so wichtig eingeschätzt wie in „Wissensbedarf 2025“: 3,0 → 3,0, Unterschied vernachlässigbar.');
	});

	it('compares no proficiency when one study did not measure it', () => {
		const withoutProficiency = side({ id: 'x', title: 'Ohne Können', participants: { verwaltung: 10 }, competences: ['A1'], horizons: ['heute'], measureProficiency: false });
		expect(compareStudyResults(base, withoutProficiency).items.map((i) => i.measure)).toEqual(['importance']);
	});

	it('writes English sentences for the English page', () => {
		const cell = compareStudyResults(base, followUp, 'en').items[1].cells[0];
		if (cell.suppressed) throw new Error('visible');
		expect(cell.sentence).toBe('“Kompetenz A1”, group “Verwaltung”: proficiency rated higher than in “Wissensbedarf 2025”: 2.9 → 4.1, difference large (p = 0.005).');
		expect(cell.sizeWord).toBe('large');
	});
});

describe('comparisonSentence', () => {
	const figures = (overrides: Partial<ComparedFigures>): ComparedFigures => ({
		nBefore: 8,
		nAfter: 7,
		meanBefore: 3.8,
		meanAfter: 3.1,
		change: -0.7,
		test: { u: 15, z: -1.6, pValue: 0.11 },
		delta: -0.46,
		magnitude: 'medium',
		sizeWord: 'mittel',
		...overrides
	});
	const parts = { competence: 'Experimente wagen', measure: 'importance' as const, horizon: 'morgen (ca. 5 Jahre)', group: 'Kommunalpolitik', baseTitle: 'Wissensbedarf 2025' };

	it('says lower importance, and that a difference in few answers is not statistically supported', () => {
		expect(comparisonSentence('de', { ...parts, figures: figures({}) })).toBe(
			'Die Kompetenz „Experimente wagen“ wird von der Gruppe „Kommunalpolitik“ für morgen (ca. 5 Jahre) weniger wichtig eingeschätzt als in „Wissensbedarf 2025“: 3,8 → 3,1, Unterschied mittel, aber statistisch nicht gesichert (p = 0,110).'
		);
		expect(comparisonSentence('en', { ...parts, figures: figures({}) })).toBe(
			'“Experimente wagen”, group “Kommunalpolitik”: importance for morgen (ca. 5 Jahre) rated lower than in “Wissensbedarf 2025”: 3.8 → 3.1, difference medium, but not statistically supported (p = 0.110).'
		);
	});

	it('says worse proficiency, and when nobody rated in one study', () => {
		expect(comparisonSentence('de', { ...parts, measure: 'proficiency', horizon: null, figures: figures({ test: { u: 2, z: -3, pValue: 0.0004 }, magnitude: 'large' }) })).toBe(
			'Die Kompetenz „Experimente wagen“ wird von der Gruppe „Kommunalpolitik“ schlechter eingeschätzt als in „Wissensbedarf 2025“: 3,8 → 3,1, Unterschied groß (p < 0,001).'
		);
		expect(comparisonSentence('de', { ...parts, group: null, figures: figures({ nAfter: 0, meanAfter: null, change: null, test: null, delta: null, magnitude: null, sizeWord: null }) })).toBe(
			'Die Kompetenz „Experimente wagen“ wird von allen Gruppen zusammen für morgen (ca. 5 Jahre) nicht mit „Wissensbedarf 2025“ verglichen: In einer der beiden Analysen hat niemand diese Frage bewertet.'
		);
	});
});

describe('comparisonForGroup', () => {
	const comparison = compareStudyResults(base, followUp);

	it('puts the largest differences first and names only supported ones as notable', () => {
		const verwaltung = comparisonForGroup(comparison, 'verwaltung');
		expect(verwaltung.rows.map((r) => `${r.competence} ${r.measure}`)).toEqual(['A1 proficiency', 'A1 importance', 'A2 importance', 'A2 proficiency']);
		expect(verwaltung.notable).toEqual(['Die Kompetenz „Kompetenz A1“ wird von der Gruppe „Verwaltung“ besser eingeschätzt als in „Wissensbedarf 2025“: 2,9 → 4,1, Unterschied groß (p = 0,005).']);
	});

	it('shows hidden groups as hidden rows without a notable sentence', () => {
		const hidden = comparisonForGroup(comparison, 'wissenschaft');
		expect(hidden.rows.every((r) => r.cell.suppressed)).toBe(true);
		expect(hidden.notable).toEqual([]);
		expect(comparisonForGroup(comparison, 'gibt-es-nicht').rows.every((r) => r.cell.suppressed)).toBe(true);
	});
});
