/**
 * "Das Wichtigste auf einen Blick": the three to five findings at the top of the results, each
 * carrying its figures so the sentence shown can never say more than the numbers do.
 */

export type KeyFinding =
	| { kind: 'gap'; horizon: string; code: string; title: string; gap: number; importance: number; proficiency: number }
	| { kind: 'rising'; code: string; title: string; from: number; to: number; firstHorizon: string; lastHorizon: string }
	| { kind: 'disagreement'; code: string; title: string; measure: 'importance' | 'proficiency'; horizon: string | null; higherGroup: string; lowerGroup: string; magnitude: 'small' | 'medium' | 'large' }
	| { kind: 'consensus'; reached: number; judged: number };

export interface OverviewInput {
	/** Per horizon shown, the gap rows largest first (as the dashboard ranks them). */
	gaps: readonly { horizon: string; rows: readonly { code: string; title: string; rank: number | null; meanGap: number | null; importanceMean: number | null; proficiencyMean: number | null }[] }[];
	/** Importance means per horizon (in the study's horizon order) for the competences shown; null where hidden. */
	trends: readonly { code: string; title: string; means: readonly (number | null)[] }[];
	horizons: readonly string[];
	/** Strongest first. */
	disagreement: readonly { code: string; title: string; measure: 'importance' | 'proficiency'; horizon: string | null; higherGroup: string; lowerGroup: string; magnitude: 'negligible' | 'small' | 'medium' | 'large' }[];
	consensus: readonly { suppressed: boolean; consensus: boolean | null }[];
}

/** A rise in mean importance smaller than this is no finding worth the first screen. */
export const MIN_RISE = 0.3;

export function keyFindings(input: OverviewInput): KeyFinding[] {
	const findings: KeyFinding[] = [];
	const largestGap = (horizon: string) => {
		const row = input.gaps.find((g) => g.horizon === horizon)?.rows.find((r) => r.rank !== null && r.meanGap !== null && r.meanGap > 0 && r.importanceMean !== null && r.proficiencyMean !== null);
		return row ? { kind: 'gap' as const, horizon, code: row.code, title: row.title, gap: row.meanGap!, importance: row.importanceMean!, proficiency: row.proficiencyMean! } : null;
	};
	const first = input.gaps[0] ? largestGap(input.gaps[0].horizon) : null;
	const last = input.gaps.length > 1 ? largestGap(input.gaps[input.gaps.length - 1].horizon) : null;
	if (first) findings.push(first);
	if (last && last.code !== first?.code) findings.push(last);

	if (input.horizons.length > 1) {
		let rising: Extract<KeyFinding, { kind: 'rising' }> | null = null;
		for (const trend of input.trends) {
			const [from, to] = [trend.means[0], trend.means[input.horizons.length - 1]];
			if (from === null || to === null || from === undefined || to === undefined || to - from < MIN_RISE) continue;
			if (!rising || to - from > rising.to - rising.from || (to - from === rising.to - rising.from && trend.code < rising.code))
				rising = { kind: 'rising', code: trend.code, title: trend.title, from, to, firstHorizon: input.horizons[0], lastHorizon: input.horizons[input.horizons.length - 1] };
		}
		if (rising) findings.push(rising);
	}

	const split = input.disagreement.find((d) => d.magnitude !== 'negligible');
	if (split && split.magnitude !== 'negligible') findings.push({ kind: 'disagreement', code: split.code, title: split.title, measure: split.measure, horizon: split.horizon, higherGroup: split.higherGroup, lowerGroup: split.lowerGroup, magnitude: split.magnitude });

	const judged = input.consensus.filter((c) => !c.suppressed && c.consensus !== null);
	if (judged.length) findings.push({ kind: 'consensus', reached: judged.filter((c) => c.consensus).length, judged: judged.length });
	return findings;
}
