/**
 * The start page's "Nächste Schritte": the cycle from framework to training, each step a link, marked
 * done from what the organisation already has, and only the steps the person's role may take.
 */

/** What the organisation has so far (counts). */
export interface OrgProgress {
	/** The organisation's own frameworks; a study on the shipped template counts as a choice made too. */
	frameworks: number;
	studies: number;
	/** Studies that were ever opened for answers (open, closed or published). */
	openedStudies: number;
	/** Studies with a closed round (closed or published): results to read. */
	studiesWithResults: number;
	modules: number;
	agreedGlossaryEntries: number;
	members: number;
}

/** What the person may do in the organisation. */
export interface StepRights {
	manage: boolean;
	readResults: boolean;
	manageMembers: boolean;
}

export const STEP_KEYS = ['framework', 'study', 'invite', 'results', 'catalogue', 'glossary', 'team'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export interface NextStep {
	key: StepKey;
	href: string;
	done: boolean;
	/** The first step not done yet: what to do now. */
	current: boolean;
}

const STEPS: Record<StepKey, { href: string; done: (p: OrgProgress) => boolean; allowed: (r: StepRights) => boolean }> = {
	framework: { href: '/app/kompetenzrahmen', done: (p) => p.frameworks > 0 || p.studies > 0, allowed: (r) => r.manage },
	study: { href: '/app/analysen/neu', done: (p) => p.studies > 0, allowed: (r) => r.manage },
	invite: { href: '/app/analysen', done: (p) => p.openedStudies > 0, allowed: (r) => r.manage },
	results: { href: '/app/analysen', done: (p) => p.studiesWithResults > 0, allowed: (r) => r.readResults },
	catalogue: { href: '/app/katalog', done: (p) => p.modules > 0, allowed: (r) => r.manage },
	glossary: { href: '/app/glossar', done: (p) => p.agreedGlossaryEntries > 0, allowed: (r) => r.manage },
	team: { href: '/app/einstellungen#members', done: (p) => p.members > 1, allowed: (r) => r.manageMembers }
};

/** The steps this person may take, in the cycle's order, with the first open one marked current. */
export function nextSteps(progress: OrgProgress, rights: StepRights): NextStep[] {
	const steps = STEP_KEYS.filter((key) => STEPS[key].allowed(rights)).map((key) => ({ key, href: STEPS[key].href, done: STEPS[key].done(progress), current: false }));
	const current = steps.find((step) => !step.done);
	if (current) current.current = true;
	return steps;
}
