import { describe, expect, it } from 'vitest';
import { planCreateForm, planMeasureAddForm, planPublishForm } from '../src/lib/schemas/planning-forms';

const study = '6f1c1d52-3f0e-4c1a-9a59-0d6f2b3c4d5e';

describe('plan forms', () => {
	it('reads the study and round as one choice, and German decimals', () => {
		expect(planCreateForm.parse({ studyId: `${study}:2`, minGap: '0,75', topN: '8', title: '' })).toEqual({ studyId: study, round: 2, minGap: 0.75, topN: 8 });
	});
	it('leaves empty rule fields to the defaults', () => {
		expect(planCreateForm.parse({ studyId: `${study}:1`, minGap: '', topN: ' ' })).toMatchObject({ studyId: study, round: 1, minGap: undefined, topN: undefined });
	});
	it('says in German what is wrong with the rule', () => {
		const result = planCreateForm.safeParse({ studyId: `${study}:1`, minGap: 'viel', topN: '2,5' });
		expect(result.success).toBe(false);
		const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
		expect(messages.minGap).toMatch(/Mindestlücke ist eine Zahl/);
		expect(messages.topN).toMatch(/ganze Zahl/);
		expect(planCreateForm.safeParse({ studyId: '' }).error!.issues[0].message).toBe('Bitte wählen Sie eine Analyse.');
	});
	it('turns euros per person into cents and empty choices into none', () => {
		const input = planMeasureAddForm.parse({ competence: 'K1', horizon: 'heute', moduleId: '', slot: 'morgen', targetGroup: '', responsible: 'Amt 61', costPerParticipantCents: '45,50', expectedParticipants: '20', notes: '' });
		expect(input).toMatchObject({ moduleId: null, targetGroup: null, costPerParticipantCents: 4550, expectedParticipants: 20, slot: 'morgen' });
		expect(planMeasureAddForm.parse({ competence: 'K1', horizon: 'heute', slot: 'heute', costPerParticipantCents: '', expectedParticipants: '' })).toMatchObject({ costPerParticipantCents: 0, expectedParticipants: 0 });
		const refused = planMeasureAddForm.safeParse({ competence: 'K1', horizon: 'heute', slot: 'heute', costPerParticipantCents: '12,345' });
		expect(refused.error!.issues[0].message).toMatch(/Betrag in Euro/);
	});
	it('publishes or withdraws', () => {
		expect(planPublishForm.parse({ published: 'true' })).toEqual({ published: true });
		expect(planPublishForm.parse({ published: 'false' })).toEqual({ published: false });
		expect(planPublishForm.safeParse({}).success).toBe(false);
	});
});
