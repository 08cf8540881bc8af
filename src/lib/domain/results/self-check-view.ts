import { ALL_GROUPS } from '../anonymity/cells';
import type { CellResult, StudyResults } from './study-results';

/*
 * What a Rahmenbedingungen self-check (issue 16) shows beyond the usual results: how each side sees
 * its city today per dimension, and the conditions where the sides see it most differently
 * („Verwaltung sieht es bei 4,1, Stadtmacher*innen bei 2,3“). Built only from the cells the one
 * suppression function left visible: a hidden group has no score and takes part in no difference,
 * and a dimension's score is the plain mean of visible condition means (each condition counts once).
 */

export interface SelfCheckCondition {
	code: string;
	title: string;
	areaCode: string;
	/** The shipped (or edited) practical first steps of the condition. */
	firstSteps?: string;
}

/**
 * A condition is weak when all groups together see it below the scale midpoint today: its visible
 * „So ist es bei uns heute“ mean over all groups is below 3 („trifft eher nicht zu“ or worse). A
 * suppressed cell (fewer than k answers in all) or one without ratings never makes a condition weak.
 */
export const WEAK_CONDITION_BELOW = 3;

/** The results page shows this many weakest conditions open and folds the rest away. */
export const WEAK_SHOWN_OPEN = 5;

export interface WeakCondition {
	code: string;
	title: string;
	areaCode: string;
	/** All groups' mean „heute“, below WEAK_CONDITION_BELOW. */
	mean: number;
	firstSteps?: string;
	/** The organisation's published catalogue modules that address the condition (organiser's page only). */
	modules?: { id: string; title: string }[];
}

export interface DimensionScores {
	code: string;
	title: string;
	/** Per visible group and then all groups: the mean of the dimension's visible condition means, null where none is visible. */
	scores: { group: string; mean: number | null; conditions: number }[];
}

export interface SideDifference {
	code: string;
	title: string;
	areaCode: string;
	higher: { group: string; mean: number };
	lower: { group: string; mean: number };
	difference: number;
}

export interface SelfCheckView {
	/** Visible groups in the study's order, then ALL_GROUPS. */
	groups: string[];
	dimensions: DimensionScores[];
	/** Largest difference between two visible groups first; at most `limit`. */
	differences: SideDifference[];
	/** The weak conditions (weakConditions), weakest first. */
	weak: WeakCondition[];
	/** Organiser's page only: the newest Qualifizierungsplan of this study (null: none yet, one can be created). */
	plan?: { id: string } | null;
}

/** The weak conditions of a self-check's protected results, weakest first (then by code). */
export function weakConditions(results: StudyResults, conditions: readonly SelfCheckCondition[]): WeakCondition[] {
	const today = todayMeans(results);
	return conditions
		.flatMap((condition): WeakCondition[] => {
			const mean = today.get(condition.code) ?? null;
			if (mean === null || !isWeak(mean)) return [];
			return [{ code: condition.code, title: condition.title, areaCode: condition.areaCode, mean, ...(condition.firstSteps ? { firstSteps: condition.firstSteps } : {}) }];
		})
		.sort((a, b) => a.mean - b.mean || a.code.localeCompare(b.code));
}

const todayMean = (cell: CellResult | undefined) => (cell && !cell.suppressed && cell.mean !== null ? cell.mean : null);

/** Whether a visible „heute“ mean of all groups makes a condition weak. */
export const isWeak = (mean: number) => mean < WEAK_CONDITION_BELOW;

/** Each condition's visible „So ist es bei uns heute“ mean of all groups together, in questionnaire order; suppressed or unrated ones are missing. */
export function todayMeans(results: StudyResults): Map<string, number> {
	const means = new Map<string, number>();
	for (const item of results.items) {
		if (item.measure !== 'proficiency') continue;
		const mean = todayMean(item.cells.find((c) => c.group === ALL_GROUPS));
		if (mean !== null) means.set(item.competence, mean);
	}
	return means;
}

export function selfCheckView(results: StudyResults, setting: { competences: readonly SelfCheckCondition[]; areas: readonly { code: string; title: string }[] }, limit = 5): SelfCheckView {
	const visible = results.groups.filter((g) => !g.suppressed).map((g) => g.key);
	const groups = [...visible, ALL_GROUPS];
	const today = new Map(results.items.filter((item) => item.measure === 'proficiency').map((item) => [item.competence, item]));
	const meanOf = (code: string, group: string) => todayMean(today.get(code)?.cells.find((c) => c.group === group));

	const dimensions = setting.areas.map((area) => {
		const conditions = setting.competences.filter((c) => c.areaCode === area.code);
		return {
			code: area.code,
			title: area.title,
			scores: groups.map((group) => {
				const means = conditions.flatMap((c) => {
					const mean = meanOf(c.code, group);
					return mean === null ? [] : [mean];
				});
				return { group, mean: means.length ? means.reduce((sum, m) => sum + m, 0) / means.length : null, conditions: means.length };
			})
		};
	});

	const differences = setting.competences
		.flatMap((condition): SideDifference[] => {
			const rated = visible.flatMap((group) => {
				const mean = meanOf(condition.code, group);
				return mean === null ? [] : [{ group, mean }];
			});
			if (rated.length < 2) return [];
			const higher = rated.reduce((best, r) => (r.mean > best.mean ? r : best));
			const lower = rated.reduce((least, r) => (r.mean < least.mean ? r : least));
			const difference = higher.mean - lower.mean;
			return difference > 0 ? [{ code: condition.code, title: condition.title, areaCode: condition.areaCode, higher, lower, difference }] : [];
		})
		.sort((a, b) => b.difference - a.difference || a.code.localeCompare(b.code))
		.slice(0, limit);

	return { groups, dimensions, differences, weak: weakConditions(results, setting.competences) };
}
