import { describe, expect, it } from 'vitest';
import { fillPlaceholders, isFilled, LEGAL_PAGES, legalTemplate, openPlaceholders } from './legal-text';

describe('legal page texts', () => {
	it('starts every page from a template with the organisation filled in and the rest left to fill', () => {
		for (const page of LEGAL_PAGES) {
			const text = legalTemplate(page, 'Stadt Musterstadt');
			expect(text).toContain('Stadt Musterstadt');
			expect(openPlaceholders(text).length).toBeGreaterThan(0);
			expect(isFilled(text)).toBe(false);
		}
	});

	it('names the BITV status, the feedback contact and the Schlichtungsstelle', () => {
		const text = legalTemplate('barrierefreiheit', 'X');
		expect(text).toContain('teilweise vereinbar');
		expect(text).toContain('Schlichtungsverfahren');
		expect(openPlaceholders(text)).toContain('E-Mail-Adresse');
	});

	it('finds every placeholder of the templates, also the long ones: filled in, nothing of them is left', () => {
		for (const page of LEGAL_PAGES) {
			const filled = fillPlaceholders(legalTemplate(page, 'Stadt X'), (name) => `<${name.length}>`);
			expect(filled, page).not.toContain('[[');
			expect(isFilled(filled)).toBe(true);
		}
		expect(isFilled('Kontakt: [[E-Mail\nAdresse]]')).toBe(false);
	});

	it('lists each open placeholder once', () => {
		expect(openPlaceholders('[[Ort]], [[Ort]] und [[ Telefon ]]')).toEqual(['Ort', 'Telefon']);
	});

	it('counts a text as filled only when written and without placeholders', () => {
		expect(isFilled('')).toBe(false);
		expect(isFilled('  \n ')).toBe(false);
		expect(isFilled('Stadt Musterstadt, Markt 1')).toBe(true);
		expect(isFilled('Markt 1, [[Ort]]')).toBe(false);
		// Single brackets are ordinary text (e.g. "[Stand: 2026]").
		expect(isFilled('Stand [2026]')).toBe(true);
	});

	it('cannot be tricked into a placeholder by the organisation name', () => {
		expect(isFilled(legalTemplate('impressum', '[[x]]').replace(/\[\[[^\]]+\]\]/g, 'ok'))).toBe(true);
	});
});
