import { describe, expect, it } from 'vitest';
import { readThanksQuery, thanksPath } from './thanks-link';

const read = (path: string) => readThanksQuery(new URL(path, 'https://stadtwissen.test').searchParams);

describe('the thank-you page’s address', () => {
	it('names the receipt and the organisation, and reads both back', () => {
		const path = thanksPath('ABCDE-FGHJK-MNPQR', 'stadt-musterstadt');
		expect(path).toBe('/t/danke?beleg=ABCDE-FGHJK-MNPQR&o=stadt-musterstadt');
		expect(read(path)).toEqual({ receipt: 'ABCDE-FGHJK-MNPQR', slug: 'stadt-musterstadt' });
	});

	it('leaves the organisation out when there is none', () => {
		expect(thanksPath('ABCDE-FGHJK-MNPQR', null)).toBe('/t/danke?beleg=ABCDE-FGHJK-MNPQR');
		expect(read('/t/danke?beleg=ABCDE-FGHJK-MNPQR')).toEqual({ receipt: 'ABCDE-FGHJK-MNPQR', slug: null });
	});

	it('shows only the safe characters of a receipt and takes no slug that is not one', () => {
		expect(read('/t/danke?beleg=Ab_12-cd%3Cb%3E&o=..%2Fapp').receipt).toBe('Ab_12-cdb');
		for (const slug of ['..%2Fapp', 'Stadt', '-stadt', 'stadt-', 'a%20b', 'x'.repeat(81), '']) expect(read(`/t/danke?beleg=A&o=${slug}`).slug).toBeNull();
		expect(read('/t/danke?beleg=A&o=a').slug).toBe('a');
		expect(read(`/t/danke?beleg=${'A'.repeat(60)}`).receipt).toHaveLength(40);
	});
});
