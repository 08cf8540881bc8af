import { describe, expect, it } from 'vitest';
import { checkReasons, farFromMedian, itemOfReasonKey, reasonKey, reasonOffered, shownArguments, type ReasonRound } from './delphi-reasons';

const group = (median: number | null) => ({ median, n: 9, histogram: [1, 2, 3, 2, 1] });
const ITEM = 'A1.1|importance|heute';
const OTHER = 'A1.2|importance|heute';

describe('the reason key of an item', () => {
	it('derives from the item key and back; open questions are not reasons', () => {
		expect(reasonKey(ITEM)).toBe('reason:A1.1|importance|heute');
		expect(itemOfReasonKey(reasonKey(ITEM))).toBe(ITEM);
		expect(itemOfReasonKey('wuensche')).toBeNull();
		expect(itemOfReasonKey('reason:')).toBeNull();
	});
});

describe('when the reason field is offered', () => {
	it('for an answer two or more points from the group median, in either direction', () => {
		expect(farFromMedian(5, group(3))).toBe(true);
		expect(farFromMedian(1, group(3))).toBe(true);
		expect(farFromMedian(1, group(2.5))).toBe(false);
		expect(farFromMedian(4, group(3))).toBe(false);
		expect(reasonOffered({ round: 2, rounds: 3, answer: 1, group: group(4) })).toBe(true);
		expect(reasonOffered({ round: 2, rounds: 3, answer: 3, group: group(4) })).toBe(false);
	});

	it('never without visible figures, a median, or for "kann ich nicht einschätzen"', () => {
		expect(reasonOffered({ round: 2, rounds: 3, answer: 5, group: null })).toBe(false);
		expect(reasonOffered({ round: 2, rounds: 3, answer: 5, group: group(null) })).toBe(false);
		expect(reasonOffered({ round: 2, rounds: 3, answer: null, group: group(1) })).toBe(false);
		expect(reasonOffered({ round: 2, rounds: 3, answer: undefined, group: group(1) })).toBe(false);
	});

	it('for every item where the organiser wants it, from the first round on', () => {
		expect(reasonOffered({ round: 1, rounds: 2, mode: 'every', answer: null, group: null })).toBe(true);
		expect(reasonOffered({ round: 1, rounds: 2, mode: 'far', answer: 1, group: null })).toBe(false);
	});

	it('never in the last round: no next round would read it', () => {
		expect(reasonOffered({ round: 3, rounds: 3, answer: 1, group: group(4) })).toBe(false);
		expect(reasonOffered({ round: 2, rounds: 2, mode: 'every', answer: 1, group: group(4) })).toBe(false);
	});
});

describe('checking the reasons of a submission', () => {
	const items = new Set([ITEM, OTHER]);

	it('keeps trimmed reasons of questionnaire items, drops empty ones, leaves open questions alone', () => {
		const checked = checkReasons({ [reasonKey(ITEM)]: '  Bei uns anders.  ', [reasonKey(OTHER)]: '   ', wuensche: 'mehr Zeit' }, items, { round: 2, rounds: 3 });
		expect(checked).toEqual({ reasons: { [reasonKey(ITEM)]: 'Bei uns anders.' }, problems: [] });
	});

	it('refuses reasons for unknown items, too long ones and any in the last round, in German', () => {
		const { problems } = checkReasons({ [reasonKey('X9|importance|heute')]: 'a', [reasonKey(ITEM)]: 'x'.repeat(501), [reasonKey(OTHER)]: 5 }, items, { round: 2, rounds: 3 });
		expect(problems).toEqual([
			{ path: 'open.reason:X9|importance|heute', message: 'Zu dieser Begründung gibt es keine Frage im Fragebogen.' },
			{ path: `open.${reasonKey(ITEM)}`, message: 'Die Begründung darf höchstens 500 Zeichen lang sein.' },
			{ path: `open.${reasonKey(OTHER)}`, message: 'Die Begründung muss ein Text sein.' }
		]);
		expect(checkReasons({ [reasonKey(ITEM)]: 'x'.repeat(500) }, items, { round: 2, rounds: 3 }).problems).toEqual([]);
		expect(checkReasons({ [reasonKey(ITEM)]: 'spät' }, items, { round: 3, rounds: 3 }).problems[0].message).toMatch(/letzten Runde/);
	});
});

describe('the arguments shown in the next round', () => {
	let id = 0;
	const reason = (item: string, groupKey: string, text: string, hidden = false) => ({ id: `id-${String(++id).padStart(3, '0')}`, question: reasonKey(item), group: groupKey, text, hidden });
	const round = (over: Partial<ReasonRound>): ReasonRound => ({
		groups: [{ key: 'verwaltung' }, { key: 'politik' }],
		minimumGroupSize: 3,
		respondents: new Map([
			['verwaltung', 9],
			['politik', 4]
		]),
		released: new Set([reasonKey(ITEM)]),
		reasons: [],
		...over
	});

	it('are the released reasons of groups with n ≥ max(k, 8), once at least k remain', () => {
		const reasons = [reason(ITEM, 'verwaltung', 'eins'), reason(ITEM, 'verwaltung', 'zwei'), reason(ITEM, 'verwaltung', 'drei'), reason(ITEM, 'politik', 'aus der kleinen Gruppe')];
		expect(shownArguments(round({ reasons }))).toEqual({ [ITEM]: ['eins', 'zwei', 'drei'] });
	});

	it('are nothing for an item nobody released', () => {
		const reasons = [reason(OTHER, 'verwaltung', 'a'), reason(OTHER, 'verwaltung', 'b'), reason(OTHER, 'verwaltung', 'c')];
		expect(shownArguments(round({ reasons }))).toEqual({});
	});

	it('are nothing when fewer than k reasons remain after hiding: one voice apart is not shown', () => {
		const reasons = [reason(ITEM, 'verwaltung', 'a'), reason(ITEM, 'verwaltung', 'b'), reason(ITEM, 'verwaltung', 'names a person', true)];
		expect(shownArguments(round({ reasons }))).toEqual({});
		expect(shownArguments(round({ reasons: [...reasons, reason(ITEM, 'verwaltung', 'c')] }))).toEqual({ [ITEM]: ['a', 'b', 'c'] });
	});

	it('are nothing from a group below the free-text threshold, however many reasons it gave', () => {
		const reasons = [reason(ITEM, 'politik', 'a'), reason(ITEM, 'politik', 'b'), reason(ITEM, 'politik', 'c'), reason(ITEM, 'politik', 'd')];
		expect(shownArguments(round({ reasons }))).toEqual({});
	});
});
