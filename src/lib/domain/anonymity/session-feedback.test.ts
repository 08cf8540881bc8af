import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_WINDOW_DAYS, feedbackWindowClosesAt, feedbackWindowOpen, sessionFeedbackView, type SessionFeedbackAnswer } from './session-feedback';

const startsAt = new Date('2099-05-01T07:00:00Z');
const endsAt = new Date('2099-05-01T10:00:00Z');
/** 14 days after the end, computed independently of the module. */
const closesAt = new Date('2099-05-15T10:00:00Z');
const after = new Date('2099-06-01T00:00:00Z');

/** n answers; ids count down so that id order and arrival order differ. */
function answers(n: number): SessionFeedbackAnswer[] {
	return Array.from({ length: n }, (_, i) => ({
		id: `00000000-0000-4000-8000-${String(99 - i).padStart(12, '0')}`,
		overall: (i % 5) + 1,
		usefulness: 4,
		takeaway: `Gelernt ${i}`,
		improve: i === 0 ? 'Mehr Pausen' : ''
	}));
}

const view = (n: number, k: number, now = after) => sessionFeedbackView({ answers: answers(n), minimumGroupSize: k, session: { endsAt }, now });

describe('the feedback window', () => {
	it('is open from the start of the session until 14 days after its end', () => {
		expect(FEEDBACK_WINDOW_DAYS).toBe(14);
		expect(feedbackWindowClosesAt(endsAt)).toEqual(closesAt);
		expect(feedbackWindowOpen({ startsAt, endsAt }, new Date(startsAt.getTime() - 1))).toBe(false);
		expect(feedbackWindowOpen({ startsAt, endsAt }, startsAt)).toBe(true);
		expect(feedbackWindowOpen({ startsAt, endsAt }, new Date(closesAt.getTime() - 1))).toBe(true);
		expect(feedbackWindowOpen({ startsAt, endsAt }, closesAt)).toBe(false);
	});
});

describe('sessionFeedbackView', () => {
	it('shows nothing, not even the count, while the window is open — however many answered', () => {
		for (const now of [startsAt, new Date(closesAt.getTime() - 1)]) {
			expect(view(20, 5, now)).toEqual({ shown: false, reason: 'window_open', closesAt, minimumGroupSize: 5, textMinimum: 8 });
		}
		expect(view(20, 5, closesAt)).toMatchObject({ shown: true, count: 20 });
	});

	it('shows figures from k answers on, with the organisation’s k', () => {
		expect(view(4, 5)).toEqual({ shown: false, reason: 'below_k', closesAt, minimumGroupSize: 5, textMinimum: 8 });
		expect(view(5, 5)).toMatchObject({ shown: true, count: 5, overall: { counts: [1, 1, 1, 1, 1], mean: 3 }, usefulness: { counts: [0, 0, 0, 5, 0], mean: 4 } });
		expect(view(6, 7)).toMatchObject({ shown: false, reason: 'below_k', minimumGroupSize: 7 });
		expect(view(7, 7)).toMatchObject({ shown: true, count: 7 });
		expect(view(3, 3)).toMatchObject({ shown: true, count: 3 });
		expect(view(0, 3)).toMatchObject({ shown: false, reason: 'below_k' });
	});

	it('shows texts only from max(k, 8) answers on', () => {
		expect(view(7, 5)).toMatchObject({ shown: true, count: 7, texts: null, textMinimum: 8 });
		expect(view(8, 5)).toMatchObject({ shown: true, count: 8, textMinimum: 8, texts: { improvements: ['Mehr Pausen'] } });
		expect(view(9, 10)).toMatchObject({ shown: false, reason: 'below_k' });
		expect(view(10, 10)).toMatchObject({ shown: true, textMinimum: 10, texts: { improvements: ['Mehr Pausen'] } });
	});

	it('orders texts by their random id, not by arrival, and leaves out empty ones', () => {
		const shown = view(8, 5);
		if (!shown.shown || !shown.texts) throw new Error('texts expected');
		expect(shown.texts.takeaways).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map((i) => `Gelernt ${i}`));
		expect(shown.texts.improvements).toEqual(['Mehr Pausen']);
	});

	it('refuses a minimum group size below 3', () => {
		expect(() => view(10, 2)).toThrow(RangeError);
	});

	it('never shows anything before the window closed, figures below k or texts below max(k, 8)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 3, max: 12 }), fc.integer({ min: -20, max: 40 }), (n, k, day) => {
				const now = new Date(endsAt.getTime() + day * 86_400_000);
				const result = view(n, k, now);
				if (now < closesAt) expect(result.shown).toBe(false);
				if (result.shown) {
					expect(result.count).toBeGreaterThanOrEqual(k);
					expect(result.texts === null).toBe(n < Math.max(k, 8));
				} else if (now >= closesAt) expect(n < k || n === 0).toBe(true);
			})
		);
	});
});
