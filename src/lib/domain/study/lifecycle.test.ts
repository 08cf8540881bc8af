import { describe, expect, it } from 'vitest';
import { closedRounds } from './lifecycle';

describe('closed rounds', () => {
	it('are the rounds before the current one, and the current one once it is closed', () => {
		expect(closedRounds({ status: 'draft', currentRound: 1 })).toEqual([]);
		expect(closedRounds({ status: 'open', currentRound: 1 })).toEqual([]);
		expect(closedRounds({ status: 'closed', currentRound: 1 })).toEqual([1]);
		expect(closedRounds({ status: 'open', currentRound: 3 })).toEqual([1, 2]);
		expect(closedRounds({ status: 'published', currentRound: 2 })).toEqual([1, 2]);
	});
});
