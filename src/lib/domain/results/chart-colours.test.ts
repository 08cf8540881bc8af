import { describe, expect, it } from 'vitest';
import { contrastRatio, heatCellColours, MIN_TEXT_CONTRAST, mix, ratingColour, textOn } from './chart-colours';

describe('chart colours', () => {
	it('computes WCAG contrast ratios (reference values from the WCAG definition and WebAIM)', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		// WebAIM's contrast checker: #767676 on white is 4.54 : 1, #777777 on white 4.48 : 1.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(4.48, 2);
		expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
	});

	it('gives every heatmap figure (means 1,0 to 5,0 in steps of 0,1) at least 4.5 : 1 on its cell', () => {
		for (let tenths = 10; tenths <= 50; tenths++) {
			const mean = tenths / 10;
			const { fill, ink, contrast } = heatCellColours(mean);
			expect(fill).toBe(ratingColour(mean));
			expect(contrast, `mean ${mean}: ${ink} on ${fill}`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
			expect(contrastRatio(fill, ink)).toBeCloseTo(contrast, 10);
		}
	});

	it('puts white on the dark teal cells that had dark figures at 2.42 : 1', () => {
		// The darkest cell (5,0) is the brand colour; near-black ink there measured 2.42 : 1 in the browser.
		expect(heatCellColours(5)).toMatchObject({ fill: '#0b5c55', ink: '#ffffff' });
		expect(contrastRatio('#0b5c55', '#1c2526')).toBeLessThan(MIN_TEXT_CONTRAST);
		for (const mean of [4.5, 5]) expect(heatCellColours(mean).ink).toBe('#ffffff');
		expect(heatCellColours(1).ink).toBe('#000000');
		expect(textOn('#eef6f4')).toBe('#000000');
	});
});
