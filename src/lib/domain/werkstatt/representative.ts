import { tallyByGroup, votesCounted, type Grouping, type VoteCounts } from './tally';
import { byId, type Vote } from './vote-matrix';

/** One-sided z for 90 % confidence, the threshold Pol.is uses for representative statements. */
export const Z_90 = 1.2816;
export const REPRESENTATIVE_PER_GROUP = 5;

export interface RepresentativeStatement {
	readonly statement: string;
	/** Whether the group stands out by agreeing or by disagreeing. */
	readonly repfulFor: 'agree' | 'disagree';
	/** The group's agree (or disagree) votes and all its votes on the statement, passes included. */
	readonly inGroup: number;
	readonly votes: number;
	/** Smoothed share in the group, (n + 1) / (N + 2). */
	readonly share: number;
	/** share divided by the same smoothed share in the rest of the room. */
	readonly ratio: number;
	/** z of the two-proportion test group vs. rest. */
	readonly ratioZ: number;
	/** z of the one-proportion test of the group's share against ½. */
	readonly shareZ: number;
	/** false only for the single fallback statement of a group where nothing is significant. */
	readonly significant: boolean;
}

export interface GroupRepresentatives {
	readonly group: string | number;
	readonly statements: readonly RepresentativeStatement[];
}

/** Pol.is prop-test: z of a share against ½, both counts shifted by one. */
function proportionZ(successes: number, trials: number): number {
	const n = trials + 1;
	return 2 * Math.sqrt(n) * ((successes + 1) / n - 0.5);
}

/** Pol.is two-prop-test: z of "in-group share > rest share", every count shifted by one. */
function twoProportionZ(successesIn: number, successesOut: number, trialsIn: number, trialsOut: number): number {
	const [s1, s2, n1, n2] = [successesIn + 1, successesOut + 1, trialsIn + 1, trialsOut + 1];
	const pooled = (s1 + s2) / (n1 + n2);
	if (pooled >= 1) return 0;
	return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

function side(repfulFor: 'agree' | 'disagree', group: VoteCounts, rest: VoteCounts): Omit<RepresentativeStatement, 'statement' | 'significant'> {
	const count = (counts: VoteCounts) => (repfulFor === 'agree' ? counts.agree : counts.disagree);
	const [n, total, restN, restTotal] = [count(group), votesCounted(group), count(rest), votesCounted(rest)];
	const share = (n + 1) / (total + 2);
	return {
		repfulFor,
		inGroup: n,
		votes: total,
		share,
		ratio: share / ((restN + 1) / (restTotal + 2)),
		ratioZ: twoProportionZ(n, restN, total, restTotal),
		shareZ: proportionZ(n, total)
	};
}

const metric = (s: Omit<RepresentativeStatement, 'statement' | 'significant'>) => s.ratio * s.ratioZ * s.share * s.shareZ;

/**
 * Each group's representative statements — what sets the group apart from the rest of the room —
 * following Pol.is math (compdemocracy/polis, math/src/polismath/math/repness.clj and stats.clj):
 *   share  pa = (agree_g + 1) / (votes_g + 2)         (pd likewise with disagree; passes count as votes)
 *   ratio  ra = pa / ((agree_rest + 1) / (votes_rest + 2)), rest = all other groups together
 *   shareZ = 2·√(N+1)·((n+1)/(N+1) − ½);  ratioZ = two-proportion z of group vs. rest, counts + 1
 * A statement is repful for agree when ratioZ(agree) > ratioZ(disagree) (on equal z, the side with
 * more votes in the group), else for disagree. It is representative when both z of that side exceed
 * the one-sided 90 % threshold 1.2816; the best 5 by ra·ratioZ·pa·shareZ are kept, agreements before
 * disagreements. When none passes, the statement with the highest ratioZ among those the group
 * actually agreed (or disagreed) with is its one statement, marked not significant — Pol.is, too,
 * shows no group without one. Statements on which the group has neither agreed nor disagreed never
 * count. Ties by statement id. Groups in the grouping's order (numbers ascending).
 */
export function representativeStatements(votes: readonly Vote[], grouping: Grouping, statements: readonly string[]): GroupRepresentatives[] {
	const { groups, counts } = tallyByGroup(votes, grouping, statements);
	return groups.map((group, g) => {
		const candidates: RepresentativeStatement[] = [];
		let fallback: RepresentativeStatement | null = null;
		for (const [statement, row] of counts) {
			const own = row[g];
			if (own.agree + own.disagree === 0) continue;
			const rest = { agree: 0, disagree: 0, pass: 0 };
			row.forEach((other, i) => {
				if (i === g) return;
				rest.agree += other.agree;
				rest.disagree += other.disagree;
				rest.pass += other.pass;
			});
			const agree = side('agree', own, rest);
			const disagree = side('disagree', own, rest);
			const chosen = agree.ratioZ > disagree.ratioZ || (agree.ratioZ === disagree.ratioZ && agree.inGroup >= disagree.inGroup) ? agree : disagree;
			const significant = chosen.ratioZ > Z_90 && chosen.shareZ > Z_90;
			if (significant) candidates.push({ statement, ...chosen, significant });
			else if (chosen.inGroup > 0 && (fallback === null || chosen.ratioZ > fallback.ratioZ)) fallback = { statement, ...chosen, significant: false };
		}
		if (candidates.length === 0) return { group, statements: fallback ? [fallback] : [] };
		const best = candidates.sort((a, b) => metric(b) - metric(a) || byId(a.statement, b.statement)).slice(0, REPRESENTATIVE_PER_GROUP);
		return { group, statements: [...best.filter((s) => s.repfulFor === 'agree'), ...best.filter((s) => s.repfulFor === 'disagree')] };
	});
}
