import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectFromFormula, unprotectFormula } from './spreadsheet';

describe('texts for spreadsheets', () => {
	it('neutralises texts a spreadsheet would run as formulas, and only those', () => {
		expect(protectFromFormula('=SUMME(A1)')).toBe("'=SUMME(A1)");
		expect(protectFromFormula('-1')).toBe("'-1");
		expect(protectFromFormula('+49 30 1234')).toBe("'+49 30 1234");
		expect(protectFromFormula('@x')).toBe("'@x");
		expect(protectFromFormula('\tx')).toBe("'\tx");
		expect(protectFromFormula('\rx')).toBe("'\rx");
		expect(protectFromFormula('Verwaltung')).toBe('Verwaltung');
		expect(protectFromFormula("'Zitat'")).toBe("'Zitat'");
		expect(protectFromFormula('')).toBe('');
	});

	it('protects a text that already looks protected once more, so reading gives it back', () => {
		expect(protectFromFormula("'=x")).toBe("''=x");
		expect(unprotectFormula("''=x")).toBe("'=x");
		expect(unprotectFormula("'Zitat'")).toBe("'Zitat'");
	});

	it('round-trips every text', () => {
		const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' '), maxLength: 8 });
		fc.assert(fc.property(text, (t) => unprotectFormula(protectFromFormula(t)) === t));
	});
});
