import { describe, expect, it } from 'vitest';
import { parseEuroCents, parseTypedNumber } from './parse-number';

describe('parseTypedNumber', () => {
	it('reads German decimals and thousands', () => {
		expect(parseTypedNumber('0,5')).toBe(0.5);
		expect(parseTypedNumber(' 1,25 ')).toBe(1.25);
		expect(parseTypedNumber('1.250,5')).toBe(1250.5);
		expect(parseTypedNumber('1.250')).toBe(1250);
		expect(parseTypedNumber('10')).toBe(10);
	});
	it('also reads a decimal point', () => {
		expect(parseTypedNumber('0.5')).toBe(0.5);
		expect(parseTypedNumber('.5')).toBe(0.5);
	});
	it('refuses what is no number', () => {
		expect(parseTypedNumber('')).toBeNull();
		expect(parseTypedNumber('fünf')).toBeNull();
		expect(parseTypedNumber('1,2,3')).toBeNull();
		expect(parseTypedNumber('0,5x')).toBeNull();
	});
});

describe('parseEuroCents', () => {
	it('turns euros into whole cents', () => {
		expect(parseEuroCents('45,50 €')).toBe(4550);
		expect(parseEuroCents('0,1')).toBe(10);
		expect(parseEuroCents('1.200')).toBe(120000);
		expect(parseEuroCents('19,99')).toBe(1999);
	});
	it('refuses fractions of a cent and text', () => {
		expect(parseEuroCents('1,005')).toBeNull();
		expect(parseEuroCents('viel')).toBeNull();
	});
});
