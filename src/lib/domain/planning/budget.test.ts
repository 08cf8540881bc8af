import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COST_PER_PARTICIPANT_CENTS, MAX_EXPECTED_PARTICIPANTS, measureCostCents, PLAN_SLOTS, planBudget, SLOT_LABELS } from './budget';

describe('planBudget', () => {
	it('multiplies € per participant by participants and sums per slot in whole cents', () => {
		const budget = planBudget([
			{ slot: 'heute', costPerParticipantCents: 12_50, expectedParticipants: 20 },
			{ slot: 'heute', costPerParticipantCents: 10, expectedParticipants: 3 },
			{ slot: 'uebermorgen', costPerParticipantCents: 450_00, expectedParticipants: 12 }
		]);
		expect(budget.slots).toEqual([
			{ slot: 'heute', measures: 2, participants: 23, cents: 250_30 },
			{ slot: 'morgen', measures: 0, participants: 0, cents: 0 },
			{ slot: 'uebermorgen', measures: 1, participants: 12, cents: 5400_00 }
		]);
		expect(budget.totalCents).toBe(5650_30);
	});

	it('does not drift where euros in floating point would (ten measures of 0,10 € for one person are 1,00 €)', () => {
		const dimes = Array.from({ length: 10 }, () => ({ slot: 'morgen' as const, costPerParticipantCents: 10, expectedParticipants: 1 }));
		expect(planBudget(dimes).totalCents).toBe(100);
		expect(Array.from({ length: 10 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(1);
	});

	it('is exact up to the largest figures the schema allows', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ slot: fc.constantFrom(...PLAN_SLOTS), costPerParticipantCents: fc.integer({ min: 0, max: MAX_COST_PER_PARTICIPANT_CENTS }), expectedParticipants: fc.integer({ min: 0, max: MAX_EXPECTED_PARTICIPANTS }) }), { maxLength: 50 }), (measures) => {
				const expected = measures.reduce((sum, m) => sum + BigInt(m.costPerParticipantCents) * BigInt(m.expectedParticipants), 0n);
				expect(BigInt(planBudget(measures).totalCents)).toBe(expected);
			})
		);
	});

	it('refuses negative or fractional figures', () => {
		expect(() => measureCostCents({ costPerParticipantCents: -1, expectedParticipants: 2 })).toThrow(RangeError);
		expect(() => measureCostCents({ costPerParticipantCents: 1.5, expectedParticipants: 2 })).toThrow(RangeError);
	});

	it('names the slots as the plan shows them', () => {
		expect(PLAN_SLOTS.map((s) => SLOT_LABELS.de[s])).toEqual(['heute: nächste 12 Monate', 'morgen: 2–5 Jahre', 'übermorgen: strategisch, 5–15 Jahre']);
	});
});
