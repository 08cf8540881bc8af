/**
 * The plan's measures in time slots and their rough budget: € per participant × expected
 * participants, in whole cents (integers throughout, so sums never drift).
 */
export const PLAN_SLOTS = ['heute', 'morgen', 'uebermorgen'] as const;
export type PlanSlot = (typeof PLAN_SLOTS)[number];

export const SLOT_LABELS: Record<'de' | 'en', Record<PlanSlot, string>> = {
	de: { heute: 'heute: nächste 12 Monate', morgen: 'morgen: 2–5 Jahre', uebermorgen: 'übermorgen: strategisch, 5–15 Jahre' },
	en: { heute: 'today: next 12 months', morgen: 'tomorrow: 2–5 years', uebermorgen: 'the day after tomorrow: strategic, 5–15 years' }
};

/** Upper bounds the schemas and the database enforce, so every product and sum stays an exact integer. */
export const MAX_COST_PER_PARTICIPANT_CENTS = 10_000_000;
export const MAX_EXPECTED_PARTICIPANTS = 100_000;

export interface BudgetedMeasure {
	readonly slot: PlanSlot;
	readonly costPerParticipantCents: number;
	readonly expectedParticipants: number;
}

/** One measure's cost in cents. */
export function measureCostCents(measure: Pick<BudgetedMeasure, 'costPerParticipantCents' | 'expectedParticipants'>): number {
	const { costPerParticipantCents: cost, expectedParticipants: people } = measure;
	if (!Number.isSafeInteger(cost) || !Number.isSafeInteger(people) || cost < 0 || people < 0) throw new RangeError('cost and participants are non-negative whole numbers');
	const total = cost * people;
	if (!Number.isSafeInteger(total)) throw new RangeError('budget too large to count exactly');
	return total;
}

export interface PlanBudget {
	readonly slots: readonly { readonly slot: PlanSlot; readonly measures: number; readonly participants: number; readonly cents: number }[];
	readonly totalCents: number;
}

/** Sums per slot (always all three, in order) and overall. */
export function planBudget(measures: readonly BudgetedMeasure[]): PlanBudget {
	const slots = PLAN_SLOTS.map((slot) => {
		const inSlot = measures.filter((m) => m.slot === slot);
		return {
			slot,
			measures: inSlot.length,
			participants: inSlot.reduce((sum, m) => sum + m.expectedParticipants, 0),
			cents: inSlot.reduce((sum, m) => sum + measureCostCents(m), 0)
		};
	});
	const totalCents = slots.reduce((sum, s) => sum + s.cents, 0);
	if (!Number.isSafeInteger(totalCents)) throw new RangeError('budget too large to count exactly');
	return { slots, totalCents };
}
