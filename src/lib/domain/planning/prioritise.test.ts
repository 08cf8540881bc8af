import { describe, expect, it } from 'vitest';
import type { CellResult, DisagreementResult, GapResult, ItemResult, StudyResults } from '../results/study-results';
import { DEFAULT_PLAN_RULE, measuredConditions, measuredGaps, prioritiseGaps } from './prioritise';

const shown = (group: string, consensus: boolean): CellResult => ({
	group,
	suppressed: false,
	n: 12,
	dontKnow: 0,
	mean: 4,
	sd: 1,
	median: 4,
	q1: 3,
	q3: 5,
	iqr: 2,
	agreement: 0.7,
	consensus,
	histogram: [0, 1, 2, 4, 5]
});

/** Results of competences with the given gaps (importance − proficiency) per horizon; null = suppressed. */
function results(gapsByHorizon: Record<string, Record<string, number | null>>, disagreement: DisagreementResult[] = []): StudyResults {
	const horizons = Object.keys(gapsByHorizon);
	const competences = Object.keys(gapsByHorizon[horizons[0]]);
	const items: ItemResult[] = competences.flatMap((competence) => [
		...horizons.map((horizon) => ({
			competence,
			measure: 'importance' as const,
			horizon,
			cells: [gapsByHorizon[horizon][competence] === null ? { group: 'all', suppressed: true as const } : shown('all', competence.endsWith('1'))]
		})),
		{ competence, measure: 'proficiency' as const, horizon: null, cells: [shown('all', false)] }
	]);
	const gaps: GapResult[] = horizons.flatMap((horizon) =>
		competences.map((competence) => {
			const gap = gapsByHorizon[horizon][competence];
			return { competence, horizon, rank: null, meanGap: gap, medianGap: gap, importanceMean: gap === null ? null : 2 + gap, proficiencyMean: gap === null ? null : 2 };
		})
	);
	return { study: 's', round: 1, minGroupSize: 5, quantileType: 7, groups: [], participants: 40, items, gaps, trends: [], disagreement, concordance: [] };
}

describe('prioritiseGaps', () => {
	it('takes every gap ≥ minGap and the top N positive ones, per horizon, largest first', () => {
		const study = results({
			heute: { A1: 1.2, A2: 0.3, A3: 0.5, A4: -0.2, A5: 0.1 },
			morgen: { A1: 0.2, A2: 0.9, A3: 0.45, A4: 0.8, A5: 0.7 }
		});
		const plan = prioritiseGaps(study, { minGap: 0.5, topN: 2 });
		expect(plan.map((h) => h.horizon)).toEqual(['heute', 'morgen']);
		// heute: A1 and A3 reach 0.5 (A3 exactly); A2 is third, outside the top 2.
		expect(plan[0].gaps.map((g) => [g.competence, g.rank, g.aboveThreshold, g.inTopN])).toEqual([
			['A1', 1, true, true],
			['A3', 2, true, true]
		]);
		// morgen: three reach 0.5; the top 2 adds nothing below it.
		expect(plan[1].gaps.map((g) => g.competence)).toEqual(['A2', 'A4', 'A5']);
		expect(plan[1].gaps[2]).toMatchObject({ aboveThreshold: true, inTopN: false, rank: 3 });
	});

	it('lets a small gap in through the top N, but never a negative one', () => {
		const study = results({ heute: { A1: 0.3, A2: 0.1, A3: -0.4 } });
		const plan = prioritiseGaps(study, { minGap: 2, topN: 10 });
		expect(plan[0].gaps.map((g) => [g.competence, g.aboveThreshold, g.inTopN])).toEqual([
			['A1', false, true],
			['A2', false, true]
		]);
		expect(prioritiseGaps(study, { minGap: 2, topN: 0 })[0].gaps).toEqual([]);
	});

	it('keeps everyone tied with the N-th, ties in the competences’ order, and counts 4.2 − 3.1 equal to 3.2 − 2.1', () => {
		const study = results({ heute: { A1: 0.2, A2: 4.2 - 3.1, A3: 3.2 - 2.1, A4: 0.4, A5: 0.4 } });
		const plan = prioritiseGaps(study, { minGap: 5, topN: 3 });
		expect(plan[0].gaps.map((g) => [g.competence, g.rank])).toEqual([
			['A2', 1],
			['A3', 1],
			['A4', 3],
			['A5', 3]
		]);
	});

	it('never shows a suppressed gap, not even as a rank', () => {
		const study = results({ heute: { A1: null, A2: 0.8, A3: 0.6 } });
		const plan = prioritiseGaps(study);
		expect(plan[0].gaps.map((g) => [g.competence, g.rank])).toEqual([
			['A2', 1],
			['A3', 2]
		]);
		expect(JSON.stringify(plan)).not.toContain('A1');
	});

	it('carries the consensus of all groups and the groups that disagree on this horizon or on proficiency', () => {
		const disagreement: DisagreementResult[] = [
			{ competence: 'A1', measure: 'importance', horizon: 'heute', higherGroup: 'zivilgesellschaft', lowerGroup: 'verwaltung', delta: 0.5, magnitude: 'large', medianDifference: null },
			{ competence: 'A1', measure: 'importance', horizon: 'morgen', higherGroup: 'politik', lowerGroup: 'verwaltung', delta: 0.2, magnitude: 'small', medianDifference: null },
			{ competence: 'A1', measure: 'proficiency', horizon: null, higherGroup: 'verwaltung', lowerGroup: 'kultur', delta: 0.35, magnitude: 'medium', medianDifference: null },
			{ competence: 'A2', measure: 'proficiency', horizon: null, higherGroup: 'verwaltung', lowerGroup: 'politik', delta: 0.4, magnitude: 'medium', medianDifference: null }
		];
		const plan = prioritiseGaps(results({ heute: { A1: 1, A2: 0.9 }, morgen: { A1: 1, A2: 0.1 } }, disagreement));
		const a1 = plan[0].gaps[0];
		expect(a1.consensus).toBe(true);
		expect(plan[0].gaps[1].consensus).toBe(false);
		expect(a1.disagreement).toEqual([
			{ measure: 'importance', higherGroup: 'zivilgesellschaft', lowerGroup: 'verwaltung', delta: 0.5, magnitude: 'large' },
			{ measure: 'proficiency', higherGroup: 'verwaltung', lowerGroup: 'kultur', delta: 0.35, magnitude: 'medium' }
		]);
		expect(plan[1].gaps[0].disagreement.map((d) => d.higherGroup)).toEqual(['politik', 'verwaltung']);
	});

	it('uses 0.5 and the top 10 by default', () => {
		expect(DEFAULT_PLAN_RULE).toEqual({ minGap: 0.5, topN: 10 });
		const twelve = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`K${String(i).padStart(2, '0')}`, 0.4 - i * 0.01]));
		expect(prioritiseGaps(results({ heute: twelve }))[0].gaps).toHaveLength(10);
	});
});

describe('measuredGaps', () => {
	it('lists every gap with a figure, negative ones too, so an organiser may prioritise one below the rule', () => {
		const all = measuredGaps(results({ heute: { A1: -0.3, A2: 0.1, A3: null } }));
		expect(all[0].gaps.map((g) => [g.competence, g.gap, g.rank])).toEqual([
			['A2', 0.1, 1],
			['A1', -0.3, 2]
		]);
	});
});

describe('measuredConditions (a self-check’s plan)', () => {
	/** A self-check whose importance nobody rated („kann ich nicht einschätzen“ throughout): only „heute“ has figures. */
	function onlyToday(means: Record<string, number | null>): StudyResults {
		const codes = Object.keys(means);
		const items: ItemResult[] = codes.flatMap((competence) => [
			{ competence, measure: 'importance' as const, horizon: 'heute', cells: [{ ...shown('all', false), mean: null, n: 0, dontKnow: 12 }] },
			{ competence, measure: 'proficiency' as const, horizon: null, cells: [means[competence] === null ? { group: 'all', suppressed: true as const } : { ...shown('all', false), mean: means[competence] }] }
		]);
		const gaps: GapResult[] = codes.map((competence) => ({ competence, horizon: 'heute', rank: null, meanGap: null, medianGap: null, importanceMean: null, proficiencyMean: means[competence] }));
		return { study: 's', round: 1, minGroupSize: 5, quantileType: 7, groups: [], participants: 12, items, gaps, trends: [], disagreement: [], concordance: [] };
	}

	it('takes the weak conditions from today’s mean alone, weakest first, although no gap has a figure', () => {
		const plan = measuredConditions(onlyToday({ 'R1.1': 2.5, 'R1.2': 4, 'R2.1': 1.5, 'R2.2': null, 'R3.1': 2.5, 'R3.2': 3 }));
		expect(measuredGaps(onlyToday({ 'R1.1': 2.5 }))[0].gaps).toEqual([]);
		expect(plan.map((h) => h.horizon)).toEqual(['heute']);
		expect(plan[0].gaps.map((g) => [g.competence, g.rank, g.proficiencyMean, g.gap, g.weak])).toEqual([
			['R2.1', 1, 1.5, null, true],
			['R1.1', 2, 2.5, null, true],
			['R3.1', 2, 2.5, null, true],
			// 3 is the scale's midpoint: not weak, but rated, so an organiser may still take it in.
			['R3.2', 4, 3, null, false],
			['R1.2', 5, 4, null, false]
		]);
	});

	it('shows the gap where importance was rated too, without letting it decide', () => {
		const study = results({ heute: { A1: 1.5, A2: null } });
		const [heute] = measuredConditions(study);
		// Both are seen at 4 today: A1's gap of 1,5 has a figure but makes it no weak condition; A2's importance is hidden.
		expect(heute.gaps.map((g) => [g.competence, g.gap, g.proficiencyMean, g.weak])).toEqual([
			['A1', 1.5, 4, false],
			['A2', null, 4, false]
		]);
	});
});
