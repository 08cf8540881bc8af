import { describe, expect, it } from 'vitest';
import { keyFindings, type OverviewInput } from './overview';

const row = (code: string, rank: number | null, meanGap: number | null, importanceMean = 4, proficiencyMean = 2.5) => ({ code, title: `Titel ${code}`, rank, meanGap, importanceMean, proficiencyMean });
const empty: OverviewInput = { gaps: [], trends: [], horizons: ['heute', 'morgen', 'uebermorgen'], disagreement: [], consensus: [] };

describe('the results overview', () => {
	it('names the largest gap today and, when it is another competence, the largest gap of the last horizon', () => {
		const findings = keyFindings({
			...empty,
			gaps: [
				{ horizon: 'heute', rows: [row('A1.1', 1, 1.6, 4.1, 2.5), row('A1.2', 2, 1.2)] },
				{ horizon: 'uebermorgen', rows: [row('A3.4', 1, 1.9, 4.6, 2.7)] }
			]
		});
		expect(findings).toEqual([
			{ kind: 'gap', horizon: 'heute', code: 'A1.1', title: 'Titel A1.1', gap: 1.6, importance: 4.1, proficiency: 2.5 },
			{ kind: 'gap', horizon: 'uebermorgen', code: 'A3.4', title: 'Titel A3.4', gap: 1.9, importance: 4.6, proficiency: 2.7 }
		]);
		const same = keyFindings({ ...empty, gaps: [{ horizon: 'heute', rows: [row('A1.1', 1, 1.6)] }, { horizon: 'uebermorgen', rows: [row('A1.1', 1, 1.4)] }] });
		expect(same.map((f) => f.kind)).toEqual(['gap']);
	});

	it('reports no gap where nothing is missing (a negative or unranked gap is no finding)', () => {
		expect(keyFindings({ ...empty, gaps: [{ horizon: 'heute', rows: [row('A1.1', null, 1.2), row('A1.2', 1, -0.3)] }] })).toEqual([]);
	});

	it('names the competence whose importance rises most from the first to the last horizon, at least 0.3', () => {
		const findings = keyFindings({
			...empty,
			trends: [
				{ code: 'A1.1', title: 'a', means: [3.0, 3.5, 3.2] },
				{ code: 'A2.1', title: 'b', means: [2.9, 3.8, 4.2] },
				{ code: 'A3.1', title: 'c', means: [null, 4.5, 4.9] }
			]
		});
		expect(findings).toEqual([{ kind: 'rising', code: 'A2.1', title: 'b', from: 2.9, to: 4.2, firstHorizon: 'heute', lastHorizon: 'uebermorgen' }]);
		expect(keyFindings({ ...empty, trends: [{ code: 'A1.1', title: 'a', means: [3.0, 3.1, 3.29] }] })).toEqual([]);
	});

	it('names the strongest disagreement that is more than negligible, and counts consensus over the judged questions only', () => {
		const findings = keyFindings({
			...empty,
			disagreement: [
				{ code: 'A4.3', title: 'x', measure: 'importance', horizon: 'heute', higherGroup: 'zivil', lowerGroup: 'verwaltung', magnitude: 'large' },
				{ code: 'A1.1', title: 'y', measure: 'proficiency', horizon: null, higherGroup: 'politik', lowerGroup: 'verwaltung', magnitude: 'small' }
			],
			consensus: [
				{ suppressed: false, consensus: true },
				{ suppressed: false, consensus: false },
				{ suppressed: true, consensus: null },
				{ suppressed: false, consensus: null },
				{ suppressed: false, consensus: true }
			]
		});
		expect(findings).toEqual([
			{ kind: 'disagreement', code: 'A4.3', title: 'x', measure: 'importance', horizon: 'heute', higherGroup: 'zivil', lowerGroup: 'verwaltung', magnitude: 'large' },
			{ kind: 'consensus', reached: 2, judged: 3 }
		]);
	});

	it('says nothing when there is nothing to say', () => {
		expect(keyFindings(empty)).toEqual([]);
	});
});
