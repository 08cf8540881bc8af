import { describe, expect, it } from 'vitest';
import { catalogues, formatDate, negotiateLocale, translator } from './i18n';

describe('i18n', () => {
	it('has an English text for every German key and none left empty', () => {
		expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.de).sort());
		for (const [key, text] of Object.entries(catalogues.en)) expect(text, key).not.toBe('');
	});

	it('fills parameters and keeps unknown ones visible', () => {
		const t = translator('de');
		expect(t('app.welcome', { name: 'Livia' })).toBe('Willkommen, Livia');
		expect(t('app.welcome')).toBe('Willkommen, {name}');
	});

	it('is German unless English was chosen, whatever the browser prefers', () => {
		expect(negotiateLocale(undefined)).toBe('de');
		expect(negotiateLocale('en')).toBe('en');
		expect(negotiateLocale('xx')).toBe('de');
	});

	it('writes dates as Germans expect, in Berlin time', () => {
		expect(formatDate('de', '2027-03-18T08:00:00Z', true)).toBe('18.03.2027, 09:00 Uhr');
		expect(formatDate('de', '2027-07-01T22:30:00Z')).toBe('02.07.2027');
	});
});
