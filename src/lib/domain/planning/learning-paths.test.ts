import { describe, expect, it } from 'vitest';
import { learningPaths, type PathModule } from './learning-paths';

const module = (id: string, targetGroups: string[], competences: [string, PathModule['competences'][number]['level']][]): PathModule => ({
	id,
	title: `Modul ${id}`,
	targetGroups,
	competences: competences.map(([code, level]) => ({ code, level }))
});

describe('learningPaths', () => {
	const modules = [
		module('vertiefung', ['verwaltung'], [['A1', 'vertiefen']]),
		module('praxis', ['verwaltung', 'politik'], [['A1', 'anwenden']]),
		module('einstieg', ['verwaltung', 'politik'], [['A1', 'kennenlernen'], ['B2', 'kennenlernen']]),
		module('zweiter-einstieg', ['verwaltung'], [['A1', 'kennenlernen']]),
		module('extra', ['verwaltung'], [['Z9', 'anwenden']]),
		module('kultur', ['kultur'], [['B2', 'anwenden']])
	];

	it('orders each group’s modules by competence and level, with lower levels of the same competence as prerequisites', () => {
		const paths = learningPaths(modules, ['verwaltung', 'politik', 'wissenschaft'], ['A1', 'B2']);
		expect(paths.map((p) => p.group)).toEqual(['verwaltung', 'politik']);
		expect(paths[0].steps.map((s) => [s.competence, s.level, s.moduleId, s.prerequisites])).toEqual([
			['A1', 'kennenlernen', 'einstieg', []],
			['A1', 'kennenlernen', 'zweiter-einstieg', []],
			['A1', 'anwenden', 'praxis', ['einstieg', 'zweiter-einstieg']],
			['A1', 'vertiefen', 'vertiefung', ['einstieg', 'zweiter-einstieg', 'praxis']],
			['B2', 'kennenlernen', 'einstieg', []],
			['Z9', 'anwenden', 'extra', []]
		]);
		expect(paths[1].steps.map((s) => [s.moduleId, s.prerequisites])).toEqual([
			['einstieg', []],
			['praxis', ['einstieg']],
			['einstieg', []]
		]);
	});

	it('is the same whatever order the groups’ modules come in at different levels', () => {
		const reversed = learningPaths([...modules].reverse(), ['verwaltung'], ['A1', 'B2']);
		expect(reversed[0].steps.map((s) => s.level)).toEqual(['kennenlernen', 'kennenlernen', 'anwenden', 'vertiefen', 'kennenlernen', 'anwenden']);
	});

	it('never makes a module its own prerequisite', () => {
		const both = module('beides', ['verwaltung'], [['A1', 'kennenlernen'], ['A1', 'anwenden']]);
		const [path] = learningPaths([both], ['verwaltung'], ['A1']);
		expect(path.steps.map((s) => s.prerequisites)).toEqual([[], []]);
	});
});
