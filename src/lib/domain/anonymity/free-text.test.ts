import { describe, expect, it } from 'vitest';
import { ALL_GROUPS } from './cells';
import { FREE_TEXT_MINIMUM_GROUP_SIZE, findSuppressedFreeText } from './free-text';

describe('findSuppressedFreeText', () => {
	it('shows comments only for groups with at least max(k, 8) respondents', () => {
		expect(FREE_TEXT_MINIMUM_GROUP_SIZE).toBe(8);
		const suppressed = findSuppressedFreeText([
			{ group: 'a', respondents: 7 },
			{ group: 'b', respondents: 8 },
			{ group: 'c', respondents: 12 }
		]);
		// Without a pooled list nothing can be subtracted: only a, below 8, is withheld.
		expect([...suppressed]).toEqual([['a', 'below_k']]);
	});

	it('withholds a second group when the pooled list would give the small group away', () => {
		const suppressed = findSuppressedFreeText([
			{ group: 'a', respondents: 6 },
			{ group: 'b', respondents: 9 },
			{ group: 'c', respondents: 12 },
			{ group: ALL_GROUPS, respondents: 27 }
		]);
		// all comments − b's − c's = a's comments, so b (the smallest other group) is withheld too.
		expect(Object.fromEntries(suppressed)).toEqual({ a: 'below_k', b: 'complementary' });
	});

	it('uses k when k is larger than 8', () => {
		const groups = [
			{ group: 'a', respondents: 9 },
			{ group: 'b', respondents: 15 }
		];
		expect(findSuppressedFreeText(groups, { minimumGroupSize: 8 }).size).toBe(0);
		expect([...findSuppressedFreeText(groups, { minimumGroupSize: 10 })]).toEqual([['a', 'below_k']]);
	});

	it('validates k like the figures do', () => {
		expect(() => findSuppressedFreeText([{ group: 'a', respondents: 20 }], { minimumGroupSize: 2 })).toThrow(RangeError);
	});
});
