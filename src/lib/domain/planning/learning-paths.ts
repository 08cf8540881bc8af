import { COMPETENCE_LEVELS, type CompetenceLevel } from './coverage';

/** What a learning path needs to know of a module in the plan. */
export interface PathModule {
	readonly id: string;
	readonly title: string;
	/** The stakeholder groups the module is for (its target groups, and the groups the plan assigns it to). */
	readonly targetGroups: readonly string[];
	readonly competences: readonly { readonly code: string; readonly level: CompetenceLevel }[];
}

export interface LearningStep {
	readonly moduleId: string;
	readonly title: string;
	readonly competence: string;
	readonly level: CompetenceLevel;
	/** Modules of the same path at a lower level of the same competence: take these first. */
	readonly prerequisites: readonly string[];
}

export interface LearningPath {
	readonly group: string;
	readonly steps: readonly LearningStep[];
}

/**
 * One learning path per stakeholder group (in `groups` order; groups without a module are left
 * out): a step per module and competence it addresses, by competence (in `competenceOrder`,
 * unknown codes after, by code), kennenlernen before anwenden before vertiefen; modules at the
 * same level keep their input order. A step's prerequisites are the path's modules at a lower
 * level of the same competence.
 */
export function learningPaths(modules: readonly PathModule[], groups: readonly string[], competenceOrder: readonly string[]): LearningPath[] {
	const position = (code: string) => {
		const index = competenceOrder.indexOf(code);
		return index === -1 ? competenceOrder.length : index;
	};
	const level = (value: CompetenceLevel) => COMPETENCE_LEVELS.indexOf(value);
	return groups.flatMap((group) => {
		const steps = modules
			.filter((module) => module.targetGroups.includes(group))
			.flatMap((module) => module.competences.map((c) => ({ moduleId: module.id, title: module.title, competence: c.code, level: c.level })))
			.sort((a, b) => position(a.competence) - position(b.competence) || (position(a.competence) === competenceOrder.length ? a.competence.localeCompare(b.competence) : 0) || level(a.level) - level(b.level));
		if (steps.length === 0) return [];
		return [
			{
				group,
				steps: steps.map((step) => ({
					...step,
					prerequisites: [...new Set(steps.filter((other) => other.competence === step.competence && level(other.level) < level(step.level)).map((other) => other.moduleId))].filter((id) => id !== step.moduleId)
				}))
			}
		];
	});
}
