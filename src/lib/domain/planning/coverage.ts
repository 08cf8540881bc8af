import { formatCount, formatShare, type NumberLocale } from '../../format/numbers';

export const COMPETENCE_LEVELS = ['kennenlernen', 'anwenden', 'vertiefen'] as const;
export type CompetenceLevel = (typeof COMPETENCE_LEVELS)[number];

/** What coverage needs to know of a catalogue module. */
export interface CoveringModule {
	readonly id: string;
	readonly title: string;
	readonly competences: readonly { readonly code: string; readonly level: CompetenceLevel }[];
}

export interface ModuleMatch {
	readonly id: string;
	readonly title: string;
	readonly level: CompetenceLevel;
}

const levelIndex = (level: CompetenceLevel) => COMPETENCE_LEVELS.indexOf(level);

/** The modules that address a competence, with the level they address it at: kennenlernen first, then in the given order. */
export function modulesForCompetence(modules: readonly CoveringModule[], code: string): ModuleMatch[] {
	return modules
		.flatMap((module) => module.competences.filter((c) => c.code === code).map((c) => ({ id: module.id, title: module.title, level: c.level })))
		.sort((a, b) => levelIndex(a.level) - levelIndex(b.level));
}

export interface CoverageFigures {
	/** Prioritised gaps (dropped ones do not count). */
	readonly prioritised: number;
	/** … of which at least one module addresses the competence. */
	readonly covered: number;
	/** covered / prioritised; null when nothing is prioritised. */
	readonly share: number | null;
}

/** A gap as coverage counts it. */
export interface CoverageGap {
	readonly competence: string;
	readonly horizon: string;
	readonly status: 'prioritised' | 'dropped';
	readonly covered: boolean;
}

export interface PlanCoverage {
	readonly overall: CoverageFigures;
	readonly byHorizon: readonly ({ readonly horizon: string } & CoverageFigures)[];
	/** Per Charter principle the prioritised gaps' competences are tagged with, in the given principle order. */
	readonly byPrinciple: readonly ({ readonly principle: string } & CoverageFigures)[];
}

export function coverageFigures(gaps: readonly CoverageGap[]): CoverageFigures {
	const prioritised = gaps.filter((g) => g.status === 'prioritised');
	const covered = prioritised.filter((g) => g.covered).length;
	return { prioritised: prioritised.length, covered, share: prioritised.length === 0 ? null : covered / prioritised.length };
}

/**
 * Coverage overall, per horizon (in `horizons` order) and per Charter principle: a gap counts
 * once for every principle its competence is tagged with (`principlesOf`), so the principles'
 * figures need not add up to the overall one.
 */
export function planCoverage(
	gaps: readonly CoverageGap[],
	horizons: readonly string[],
	principles: readonly string[],
	principlesOf: (competence: string) => readonly string[]
): PlanCoverage {
	return {
		overall: coverageFigures(gaps),
		byHorizon: horizons.map((horizon) => ({ horizon, ...coverageFigures(gaps.filter((g) => g.horizon === horizon)) })),
		byPrinciple: principles
			.map((principle) => ({ principle, ...coverageFigures(gaps.filter((g) => principlesOf(g.competence).includes(principle))) }))
			.filter((entry) => entry.prioritised > 0)
	};
}

/** „23 von 29 priorisierten Bedarfen sind durch Module abgedeckt (79 %)“; a self-check's plan counts its conditions (issue 16). */
export function coverageSentence(locale: NumberLocale, figures: CoverageFigures, instrument: 'competences' | 'conditions' = 'competences'): string {
	const { prioritised, covered, share } = figures;
	if (instrument === 'conditions') {
		if (locale === 'en') {
			if (prioritised === 0) return 'No condition is in the plan yet.';
			return `${formatCount('en', covered)} of ${formatCount('en', prioritised)} ${prioritised === 1 ? 'condition in the plan is' : 'conditions in the plan are'} addressed by modules (${formatShare('en', share)})`;
		}
		if (prioritised === 0) return 'Es ist noch keine Bedingung im Plan.';
		return `${formatCount('de', covered)} von ${formatCount('de', prioritised)} ${prioritised === 1 ? 'Bedingung' : 'Bedingungen'} im Plan ${covered === 1 ? 'wird' : 'werden'} durch Module behandelt (${formatShare('de', share)})`;
	}
	if (locale === 'en') {
		if (prioritised === 0) return 'No needs are prioritised yet.';
		return `${formatCount('en', covered)} of ${formatCount('en', prioritised)} prioritised ${prioritised === 1 ? 'need is' : 'needs are'} covered by modules (${formatShare('en', share)})`;
	}
	if (prioritised === 0) return 'Es sind noch keine Bedarfe priorisiert.';
	const noun = prioritised === 1 ? 'priorisierten Bedarf' : 'priorisierten Bedarfen';
	const verb = covered === 1 ? 'ist' : 'sind';
	return `${formatCount('de', covered)} von ${formatCount('de', prioritised)} ${noun} ${verb} durch Module abgedeckt (${formatShare('de', share)})`;
}
