import { seededRandom } from '../../src/lib/domain/werkstatt/random';
import type { Vote, VoteValue } from '../../src/lib/domain/werkstatt/vote-matrix';

export interface PlantedVotes {
	votes: Vote[];
	statements: string[];
	/** participant → the planted group (0 … groups−1). */
	plantedGroup: Map<string, number>;
}

/**
 * Votes with known opinion groups (perGroup: one size for all or one per group): each group has its own agree/disagree pattern over the
 * statements; every participant sees a share of the statements and deviates from the group's
 * pattern with probability `noise` (then votes at random, pass included). Seeded: the same
 * arguments give the same votes.
 */
export function plantedVotes(options: { groups: number; perGroup: number | readonly number[]; statements: number; seen: number; noise: number; seed?: number }): PlantedVotes {
	const random = seededRandom(options.seed ?? 1);
	const statements = Array.from({ length: options.statements }, (_, i) => `s${String(i).padStart(4, '0')}`);
	const patterns: VoteValue[][] = Array.from({ length: options.groups }, () => statements.map(() => (random() < 0.5 ? 1 : -1)));
	const votes: Vote[] = [];
	const plantedGroup = new Map<string, number>();
	for (let g = 0; g < options.groups; g++) {
		const size = typeof options.perGroup === 'number' ? options.perGroup : options.perGroup[g];
		for (let p = 0; p < size; p++) {
			const participant = `p${g}-${String(p).padStart(5, '0')}`;
			plantedGroup.set(participant, g);
			statements.forEach((statement, s) => {
				if (random() >= options.seen) return;
				const vote: VoteValue = random() < options.noise ? ([1, -1, 0] as const)[Math.floor(random() * 3)] : patterns[g][s];
				votes.push({ participant, statement, vote });
			});
		}
	}
	return { votes, statements, plantedGroup };
}

/** Share of participants whose found group matches their planted group under the best one-to-one matching of group ids. */
export function agreementWithPlanted(found: ReadonlyMap<string, number>, planted: ReadonlyMap<string, number>): number {
	const foundIds = [...new Set(found.values())];
	const plantedIds = [...new Set(planted.values())];
	const overlap = (f: number, p: number) => [...found].filter(([id, group]) => group === f && planted.get(id) === p).length;
	let best = 0;
	const search = (index: number, used: Set<number>, total: number) => {
		if (index === foundIds.length) {
			best = Math.max(best, total);
			return;
		}
		search(index + 1, used, total);
		for (const p of plantedIds) {
			if (used.has(p)) continue;
			used.add(p);
			search(index + 1, used, total + overlap(foundIds[index], p));
			used.delete(p);
		}
	};
	search(0, new Set(), 0);
	return best / found.size;
}

/** The same items in a seeded random order (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
	const random = seededRandom(seed);
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}
