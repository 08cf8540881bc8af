import { describe, expect, it } from 'vitest';
import { createDefaultFramework } from './default-framework';
import { findArea, findCompetence, move, saveArea, saveCompetence, setArchived, suggestAreaCode, suggestCompetenceCode, activeCompetenceCount, emptyFramework } from './editing';
import { emptyTags, sortedByPosition, validateFramework } from './model';

const texts = { title_de: 'Neu', title_en: 'New', description_de: 'Kurz erklärt.', description_en: 'Briefly.' };

describe('editing a framework document', () => {
	it('adds an area at the end and a competence inside it, and the result validates', () => {
		const start = createDefaultFramework();
		const code = suggestAreaCode(start);
		expect(code).toBe(`A${start.areas.length + 1}`);
		const withArea = saveArea(start, { code, ...texts });
		if (!withArea.ok) throw new Error(withArea.message);
		const area = findArea(withArea.document, code)!;
		expect(sortedByPosition(withArea.document.areas).at(-1)).toBe(area);
		const competenceCode = suggestCompetenceCode(withArea.document, code);
		expect(competenceCode).toBe(`${code}.1`);
		const withCompetence = saveCompetence(withArea.document, code, { code: competenceCode, ...texts, type: 'skill', tags: { ...emptyTags(), principles: ['P3'] } });
		if (!withCompetence.ok) throw new Error(withCompetence.message);
		expect(findCompetence(withCompetence.document, competenceCode)?.area.code).toBe(code);
		expect(validateFramework(withCompetence.document).ok).toBe(true);
		expect(activeCompetenceCount(withCompetence.document)).toBe(activeCompetenceCount(start) + 1);
	});

	it('refuses a code that is already used anywhere in the framework, case-insensitively', () => {
		const start = createDefaultFramework();
		const result = saveArea(start, { code: 'a1.1', ...texts });
		expect(result).toEqual({ ok: false, field: 'code', message: 'Der Code „a1.1“ ist in diesem Rahmen schon vergeben.' });
	});

	it('changes a competence in place and moves it to another area at the end', () => {
		const start = createDefaultFramework();
		const { competence } = findCompetence(start, 'A1.1')!;
		const edited = saveCompetence(start, 'A1', { ...competence, title_de: 'Geändert' }, 'A1.1');
		if (!edited.ok) throw new Error(edited.message);
		expect(findCompetence(edited.document, 'A1.1')?.competence.title_de).toBe('Geändert');
		expect(findCompetence(edited.document, 'A1.1')?.competence.position).toBe(competence.position);

		const moved = saveCompetence(start, 'A2', { ...competence }, 'A1.1');
		if (!moved.ok) throw new Error(moved.message);
		const found = findCompetence(moved.document, 'A1.1')!;
		expect(found.area.code).toBe('A2');
		expect(sortedByPosition(found.area.competences).at(-1)?.code).toBe('A1.1');
		expect(findArea(moved.document, 'A1')!.competences.some((c) => c.code === 'A1.1')).toBe(false);
		expect(validateFramework(moved.document).ok).toBe(true);
	});

	it('changes a condition’s first steps when the form sends them, keeps them when it does not, and removes them when emptied', () => {
		const start = saveCompetence(createDefaultFramework(), 'A1', { ...findCompetence(createDefaultFramework(), 'A1.1')!.competence, firstSteps_de: 'Zuerst: eine Ansprechperson benennen.', firstSteps_en: 'First: name a contact person.' }, 'A1.1');
		if (!start.ok) throw new Error(start.message);
		const stepsOf = (result: ReturnType<typeof saveCompetence>) => {
			if (!result.ok) throw new Error(result.message);
			const { firstSteps_de, firstSteps_en } = findCompetence(result.document, 'A1.1')!.competence;
			return [firstSteps_de, firstSteps_en];
		};
		expect(stepsOf(start)).toEqual(['Zuerst: eine Ansprechperson benennen.', 'First: name a contact person.']);
		const { firstSteps_de: _de, firstSteps_en: _en, ...withoutSteps } = findCompetence(start.document, 'A1.1')!.competence;
		expect(stepsOf(saveCompetence(start.document, 'A1', { ...withoutSteps, title_de: 'Nur der Titel' }, 'A1.1'))).toEqual(['Zuerst: eine Ansprechperson benennen.', 'First: name a contact person.']);
		expect(stepsOf(saveCompetence(start.document, 'A1', { ...withoutSteps, firstSteps_de: 'Neu: Sprechstunde im Quartier.', firstSteps_en: '' }, 'A1.1'))).toEqual(['Neu: Sprechstunde im Quartier.', undefined]);
	});

	it('moves items up and down among their siblings and stops at the edges', () => {
		const start = createDefaultFramework();
		const order = (doc: typeof start) => sortedByPosition(findArea(doc, 'A1')!.competences).map((c) => c.code);
		const before = order(start);
		const down = move(start, before[0], 'down');
		expect(order(down)).toEqual([before[1], before[0], ...before.slice(2)]);
		expect(order(move(down, before[0], 'up'))).toEqual(before);
		expect(order(move(start, before[0], 'up'))).toEqual(before);
		const areas = sortedByPosition(move(start, 'A2', 'up').areas).map((a) => a.code);
		expect(areas.slice(0, 2)).toEqual(['A2', 'A1']);
	});

	it('archives and restores without removing', () => {
		const start = createDefaultFramework();
		const archived = setArchived(start, 'A1.1', true);
		expect(findCompetence(archived, 'A1.1')?.competence.archived).toBe(true);
		expect(activeCompetenceCount(archived)).toBe(activeCompetenceCount(start) - 1);
		expect(findCompetence(setArchived(archived, 'A1.1', false), 'A1.1')?.competence.archived).toBe(false);
	});

	it('starts an empty framework that validates', () => {
		expect(validateFramework(emptyFramework({ code: 'EIGEN', name_de: 'Eigener Rahmen', name_en: '' })).ok).toBe(true);
	});
});
