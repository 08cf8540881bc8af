import { describe, expect, it } from 'vitest';
import { questionnairePageCount, stepPath } from './questionnaire-steps';

describe('questionnairePageCount', () => {
	it('counts the open questions as one page of their own, as the preview does', () => {
		// Two areas and an open question: the preview said "3 Seiten", participants saw "Seite 1 von 2".
		expect(questionnairePageCount(2, 1)).toBe(3);
		expect(questionnairePageCount(2, 3)).toBe(3);
		expect(questionnairePageCount(2, 0)).toBe(2);
	});
});

describe('stepPath', () => {
	it('leads from the start page through the pages to the review', () => {
		expect(stepPath('/t/x', 0, 3)).toBe('/t/x');
		expect(stepPath('/t/x', 1, 3)).toBe('/t/x/seite/1');
		expect(stepPath('/t/x', 3, 3)).toBe('/t/x/seite/3');
		expect(stepPath('/t/x', 4, 3)).toBe('/t/x/pruefen');
	});
});
