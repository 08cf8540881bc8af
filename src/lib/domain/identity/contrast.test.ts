import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accentContrast, checkAccent, contrastRatio, MIN_CONTRAST, normaliseHex, readableVariant } from './contrast';

describe('accent colour contrast', () => {
	it('computes the WCAG reference ratios', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		// WebAIM's checker: #767676 on white is 4.54:1, #777777 is 4.48:1.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});

	it('normalises what organisers type', () => {
		expect(normaliseHex(' #0B5C55 ')).toBe('#0b5c55');
		expect(normaliseHex('fa0')).toBe('#ffaa00');
		expect(normaliseHex('rot')).toBeNull();
		expect(normaliseHex('#12345')).toBeNull();
	});

	it('accepts the app colour and refuses yellow in German with a readable darker shade', () => {
		const ok = checkAccent('#0b5c55');
		expect(ok.ok).toBe(true);
		const yellow = checkAccent('#ffcc00');
		expect(yellow).toMatchObject({ ok: false, reason: 'contrast' });
		if (yellow.ok || yellow.reason !== 'contrast') return;
		expect(yellow.message).toContain('mindestens 4,5:1');
		expect(yellow.message).toContain(yellow.suggestion);
		expect(accentContrast(yellow.suggestion)).toBeGreaterThanOrEqual(MIN_CONTRAST);
		expect(checkAccent('gelb')).toMatchObject({ ok: false, reason: 'format' });
	});

	it('refuses a colour just below 4.5:1 against white', () => {
		expect(checkAccent('#777777').ok).toBe(false);
	});

	it('always finds a readable shade, and keeps a readable colour as it is', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
				const hex = `#${n.toString(16).padStart(6, '0')}`;
				const variant = readableVariant(hex);
				expect(accentContrast(variant)).toBeGreaterThanOrEqual(MIN_CONTRAST);
				if (accentContrast(hex) >= MIN_CONTRAST) expect(variant).toBe(hex);
				return;
			})
		);
	});
});
