import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDecimal, formatPValue, formatShare, price, spreadsheetNumber } from './numbers';

describe('number formats', () => {
	it('writes numbers the German way (3,9 · 1.000 · 72 %) and English as en-GB', () => {
		expect(formatDecimal('de', 3.944, 1)).toBe('3,9');
		expect(formatDecimal('de', null)).toBe('–');
		expect(formatCount('de', 1000)).toBe('1.000');
		expect(formatShare('de', 0.724)).toBe('72\u00a0%');
		expect(formatChange('de', -0.25, 2)).toBe('−0,25');
		expect(formatChange('de', 0.5, 1)).toBe('+0,5');
		expect(formatDecimal('en', 3.944, 2)).toBe('3.94');
		expect(formatPValue('de', 0.0412)).toBe('0,041');
		expect(formatPValue('de', 0.0004)).toBe('< 0,001');
		expect(formatPValue('en', 0.0004)).toBe('< 0.001');
		expect(formatPValue('de', null)).toBe('–');
		expect(spreadsheetNumber(1234.5678)).toBe('1234,568');
		expect(spreadsheetNumber(2)).toBe('2');
		expect(spreadsheetNumber(null)).toBe('');
	});

	it('writes prices in euros, and "kostenfrei" for nothing', () => {
		expect([price('de', 0), price('de', 4550), price('de', 120000)]).toEqual(['kostenfrei', '45,50\u00a0€', '1.200,00\u00a0€']);
		expect(price('en', 0)).toBe('free of charge');
	});
});
