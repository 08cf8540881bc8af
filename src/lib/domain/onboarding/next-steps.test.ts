import { describe, expect, it } from 'vitest';
import { nextSteps, type OrgProgress, type StepRights } from './next-steps';

const nothing: OrgProgress = { frameworks: 0, studies: 0, openedStudies: 0, studiesWithResults: 0, modules: 0, agreedGlossaryEntries: 0, members: 1 };
const owner: StepRights = { manage: true, readResults: true, manageMembers: true };

describe('next steps on the start page', () => {
	it('starts a new organisation at the framework, every step a link, none done', () => {
		const steps = nextSteps(nothing, owner);
		expect(steps.map((s) => s.key)).toEqual(['framework', 'study', 'invite', 'results', 'catalogue', 'glossary', 'team']);
		expect(steps.filter((s) => s.current).map((s) => s.key)).toEqual(['framework']);
		expect(steps.every((s) => !s.done && s.href.startsWith('/app'))).toBe(true);
	});

	it('marks what the organisation already has and moves on to the first step not done', () => {
		const steps = nextSteps({ ...nothing, frameworks: 1, studies: 2, openedStudies: 1, members: 3 }, owner);
		expect(steps.filter((s) => s.done).map((s) => s.key)).toEqual(['framework', 'study', 'invite', 'team']);
		expect(steps.find((s) => s.current)?.key).toBe('results');
	});

	it('counts a study on the shipped template as the framework chosen', () => {
		expect(nextSteps({ ...nothing, studies: 1 }, owner).find((s) => s.key === 'framework')?.done).toBe(true);
	});

	it('has no current step when everything is done', () => {
		const all = { frameworks: 1, studies: 1, openedStudies: 1, studiesWithResults: 1, modules: 1, agreedGlossaryEntries: 1, members: 2 };
		expect(nextSteps(all, owner).some((s) => s.current)).toBe(false);
	});

	it('shows a viewer only the results, and an organiser no member management', () => {
		expect(nextSteps(nothing, { manage: false, readResults: true, manageMembers: false }).map((s) => s.key)).toEqual(['results']);
		expect(nextSteps(nothing, { manage: true, readResults: true, manageMembers: false }).map((s) => s.key)).not.toContain('team');
		expect(nextSteps(nothing, { manage: false, readResults: false, manageMembers: false })).toEqual([]);
	});
});
