import { describe, expect, it } from 'vitest';
import { euroInput, euros } from './euros';

describe('euros', () => {
	it('writes budgets in euros, also nothing', () => {
		expect(euros('de', 125000).replace(/\u00a0/g, ' ')).toBe('1.250,00 €');
		expect(euros('de', 0).replace(/\u00a0/g, ' ')).toBe('0,00 €');
		expect(euros('en', 4550)).toBe('€45.50');
	});
	it('gives a form field the amount as typed', () => {
		expect(euroInput('de', 4550)).toBe('45,50');
		expect(euroInput('de', 4500)).toBe('45');
		expect(euroInput('de', 120000)).toBe('1200');
	});
});
