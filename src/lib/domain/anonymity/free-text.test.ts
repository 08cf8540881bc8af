import { describe, expect, it } from 'vitest';
import { ALL_GROUPS } from './cells';
import { FREE_TEXT_MINIMUM_GROUP_SIZE, findSuppressedFreeText, freeTextMinimumGroupSize, reviewOpenAnswers, shownOpenAnswers, type OpenAnswerRound, type OpenAnswerText } from './free-text';

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

describe('freeTextMinimumGroupSize', () => {
	it('is max(k, 8)', () => {
		expect(freeTextMinimumGroupSize(3)).toBe(8);
		expect(freeTextMinimumGroupSize(5)).toBe(8);
		expect(freeTextMinimumGroupSize(8)).toBe(8);
		expect(freeTextMinimumGroupSize(12)).toBe(12);
		expect(freeTextMinimumGroupSize()).toBe(8);
		expect(() => freeTextMinimumGroupSize(2)).toThrow(RangeError);
	});
});

describe('open answers of a round', () => {
	// Ids chosen so that their order differs from the order the answers were written in.
	const answer = (id: string, group: string, text: string, extra: Partial<OpenAnswerText> = {}): OpenAnswerText => ({ id, question: 'lernen', group, text, hidden: false, ...extra });
	const round = (overrides: Partial<OpenAnswerRound> = {}): OpenAnswerRound => ({
		questions: [{ key: 'lernen' }, { key: 'wunsch' }],
		groups: [{ key: 'sieben' }, { key: 'acht' }, { key: 'zehn' }],
		minimumGroupSize: 5,
		respondents: new Map([
			['sieben', 7],
			['acht', 8],
			['zehn', 10]
		]),
		released: new Set(['lernen']),
		answers: [
			answer('c0000000-0000-4000-8000-000000000000', 'acht', 'zuerst geschrieben'),
			answer('a0000000-0000-4000-8000-000000000000', 'acht', 'danach geschrieben'),
			answer('b0000000-0000-4000-8000-000000000000', 'sieben', 'aus einer Gruppe von 7'),
			answer('d0000000-0000-4000-8000-000000000000', 'zehn', 'ausgeblendet', { hidden: true }),
			answer('e0000000-0000-4000-8000-000000000000', 'zehn', 'aus einer Gruppe von 10'),
			answer('f0000000-0000-4000-8000-000000000000', 'acht', 'nicht freigegebene Frage', { question: 'wunsch' })
		],
		...overrides
	});

	it('shows released texts of groups with n ≥ 8 (7 is too few, 8 is enough), without hidden ones, in id order', () => {
		expect(shownOpenAnswers(round())).toEqual([
			{ question: 'lernen', group: 'acht', texts: ['danach geschrieben', 'zuerst geschrieben'] },
			{ question: 'lernen', group: 'zehn', texts: ['aus einer Gruppe von 10'] }
		]);
	});

	it('shows nothing of a question before it is released', () => {
		expect(shownOpenAnswers(round({ released: new Set() }))).toEqual([]);
		expect(shownOpenAnswers(round({ released: new Set(['wunsch']) }))).toEqual([{ question: 'wunsch', group: 'acht', texts: ['nicht freigegebene Frage'] }]);
	});

	it('uses k when k is larger than 8: with k = 10 a group of 8 or 9 stays hidden', () => {
		const shown = shownOpenAnswers(round({ minimumGroupSize: 10 }));
		expect(shown.map((s) => s.group)).toEqual(['zehn']);
		const nine = round({ minimumGroupSize: 10, respondents: new Map([['acht', 9], ['zehn', 10]]) });
		expect(shownOpenAnswers(nine).map((s) => s.group)).toEqual(['zehn']);
	});

	it('counts a group missing from the participation as 0', () => {
		expect(shownOpenAnswers(round({ respondents: new Map() }))).toEqual([]);
	});

	it('leaves out groups whose every text is hidden', () => {
		const allHidden = round({ answers: [answer('a0000000-0000-4000-8000-000000000000', 'zehn', 'x', { hidden: true })] });
		expect(shownOpenAnswers(allHidden)).toEqual([]);
	});

	it('reviews every question and group, with no text at all for groups below the threshold, hidden ones marked', () => {
		const review = reviewOpenAnswers(round({ released: new Set() }));
		expect(review.map((q) => [q.question, q.released])).toEqual([
			['lernen', false],
			['wunsch', false]
		]);
		const lernen = review[0].groups;
		expect(lernen.map((g) => [g.group, g.eligible, g.texts.length])).toEqual([
			['sieben', false, 0],
			['acht', true, 2],
			['zehn', true, 2]
		]);
		expect(lernen[2].texts).toEqual([
			{ id: 'd0000000-0000-4000-8000-000000000000', text: 'ausgeblendet', hidden: true },
			{ id: 'e0000000-0000-4000-8000-000000000000', text: 'aus einer Gruppe von 10', hidden: false }
		]);
		expect(JSON.stringify(review)).not.toContain('aus einer Gruppe von 7');
	});

	it('refuses an invalid k', () => {
		expect(() => shownOpenAnswers(round({ minimumGroupSize: 2 }))).toThrow(RangeError);
	});
});
