import { describe, expect, it } from 'vitest';
import { answerColumns, readAnswers, settleQuestionIds, type RegistrationQuestion } from './registration-questions';

const diet: RegistrationQuestion = { id: 'q1', label: 'Essenswünsche', kind: 'text', required: false, options: [] };
const unit: RegistrationQuestion = { id: 'q2', label: 'Fachbereich', kind: 'choice', required: true, options: ['Bauamt', 'Kämmerei'] };

describe('answers to a module’s own questions', () => {
	it('keeps trimmed answers by question id and leaves out empty and unknown ones', () => {
		expect(readAnswers([diet, unit], { q1: '  vegetarisch ', q2: 'Kämmerei', other: 'x' })).toEqual({ answers: { q1: 'vegetarisch', q2: 'Kämmerei' }, problems: [] });
		expect(readAnswers([diet, unit], { q1: '   ', q2: 'Bauamt' }).answers).toEqual({ q2: 'Bauamt' });
	});

	it('names a missing required answer, a choice not offered and an overlong text in German', () => {
		expect(readAnswers([diet, unit], {}).problems).toEqual([{ questionId: 'q2', message: 'Bitte wählen Sie bei „Fachbereich“ eine Antwort.' }]);
		expect(readAnswers([unit], { q2: 'Ordnungsamt' }).problems[0].message).toBe('Bitte wählen Sie bei „Fachbereich“ eine der Antworten: Bauamt, Kämmerei.');
		expect(readAnswers([diet], { q1: 'x'.repeat(501) }).problems[0].message).toContain('höchstens 500 Zeichen');
		expect(readAnswers([{ ...diet, required: true }], {}).problems[0].message).toBe('Bitte beantworten Sie „Essenswünsche“.');
	});

	it('lets an organiser leave required questions open', () => {
		expect(readAnswers([unit], {}, false)).toEqual({ answers: {}, problems: [] });
	});

	it('lists answers in the order of the questions', () => {
		expect(answerColumns([unit, diet], { q1: 'vegan' })).toEqual([
			{ label: 'Fachbereich', answer: '' },
			{ label: 'Essenswünsche', answer: 'vegan' }
		]);
	});
});

describe('question ids', () => {
	it('keep the id of an edited question, give new questions a new one and never take a foreign or doubled id', () => {
		let n = 0;
		const next = () => `new${++n}`;
		const saved = settleQuestionIds([diet, unit], [{ ...diet, label: 'Ernährung' }, { ...unit, id: 'q9' }, { ...diet, id: 'q1' }, { label: 'Neu', kind: 'text', required: false, options: ['weg'] }], next);
		expect(saved.map((q) => q.id)).toEqual(['q1', 'new1', 'new2', 'new3']);
		expect(saved[0].label).toBe('Ernährung');
		expect(saved[3].options).toEqual([]);
	});
});
