import { describe, expect, it } from 'vitest';
import { createDefaultFramework } from './default-framework';
import { diffFrameworks, hasChanges, type FrameworkDiff } from './diff';

const noChanges = { added: [], removed: [], archived: [], restored: [], changed: [] };
const unchanged: FrameworkDiff = { meta: [], areas: noChanges, competences: noChanges };

describe('diffFrameworks', () => {
	it('finds nothing between two equal versions', () => {
		const diff = diffFrameworks(createDefaultFramework(), createDefaultFramework());
		expect(diff).toEqual(unchanged);
		expect(hasChanges(diff)).toBe(false);
	});

	it('lists added, removed, archived and restored items by code', () => {
		const before = createDefaultFramework();
		before.areas[7].competences[4].archived = true;
		const after = createDefaultFramework();
		after.areas[0].competences.push({ ...after.areas[0].competences[0], code: 'A1.9', position: 9 });
		after.areas[1].competences.splice(4, 1);
		after.areas[2].archived = true;
		after.areas[3].competences[0].archived = true;
		after.areas.splice(6, 1);

		const diff = diffFrameworks(before, after);
		expect(diff.areas).toEqual({ ...noChanges, removed: ['A7'], archived: ['A3'] });
		expect(diff.competences).toEqual({
			added: ['A1.9'],
			removed: ['A2.5', 'A7.1', 'A7.2', 'A7.3', 'A7.4', 'A7.5', 'A7.6'],
			archived: ['A4.1'],
			restored: ['A8.5'],
			changed: []
		});
		expect(hasChanges(diff)).toBe(true);
	});

	it('names the fields that changed', () => {
		const before = createDefaultFramework();
		const after = createDefaultFramework();
		after.meta.name_en = 'Our framework';
		after.meta.languages = ['de'];
		after.areas[0].description_de = 'Neu beschrieben.';
		const competence = after.areas[1].competences[0];
		competence.title_de = 'Neuer Titel';
		competence.type = 'skill';
		competence.tags.principles = [...competence.tags.principles, 'P4'];
		competence.tags.levels = [...competence.tags.levels].reverse();
		competence.escoUri = 'http://data.europa.eu/esco/skill/0e2d5c1c-5a2e-4b8c-9f1e-2a1b3c4d5e6f';

		const diff = diffFrameworks(before, after);
		expect(diff.meta).toEqual(['name_en', 'languages']);
		expect(diff.areas.changed).toEqual([{ code: 'A1', fields: ['description_de'] }]);
		expect(diff.competences.changed).toEqual([{ code: 'A2.1', fields: ['title_de', 'type', 'principles', 'escoUri'] }]);
	});

	it('reports a move to another area and a changed order, but not shifts caused by inserts', () => {
		const before = createDefaultFramework();
		const after = createDefaultFramework();
		const [moved] = after.areas[0].competences.splice(3, 1);
		after.areas[1].competences.push({ ...moved, position: 99 });
		after.areas[2].competences[0].position = 10;
		const areaFour = after.areas[3];
		areaFour.competences = [{ ...areaFour.competences[0], code: 'A4.0' }, ...areaFour.competences].map((competence, index) => ({
			...competence,
			position: index
		}));

		const diff = diffFrameworks(before, after);
		expect(diff.competences.added).toEqual(['A4.0']);
		expect(diff.competences.changed).toEqual([
			{ code: 'A1.4', fields: ['area'] },
			{ code: 'A3.2', fields: ['position'] },
			{ code: 'A3.3', fields: ['position'] },
			{ code: 'A3.4', fields: ['position'] },
			{ code: 'A3.5', fields: ['position'] },
			{ code: 'A3.6', fields: ['position'] },
			{ code: 'A3.1', fields: ['position'] }
		]);
	});

	it('reports reordered areas in their new order', () => {
		const before = createDefaultFramework();
		const after = createDefaultFramework();
		after.areas[0].position = 1;
		after.areas[1].position = 0;
		expect(diffFrameworks(before, after).areas.changed).toEqual([
			{ code: 'A2', fields: ['position'] },
			{ code: 'A1', fields: ['position'] }
		]);
	});
});
