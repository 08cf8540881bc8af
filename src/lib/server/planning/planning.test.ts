import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { planCreateSchema, planGapDecisionSchema, planMeasureCreateSchema, planMeasureUpdateSchema, planModuleForGapSchema } from '../../schemas/planning';
import { loadCatalogueDemo } from '../catalogue/demo';
import { getCataloguePage } from '../catalogue/get-catalogue-page';
import type { OrgContext, RequestContext } from '../context';
import { catalogueModules, organisations, planGapDecisions, planMeasures, qualificationPlans } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { getStudyResults } from '../results/get-results';
import { loadStudyDemo, type StudyDemo } from '../studies/demo';
import { validate } from '../validate';
import { addMeasure } from './add-measure';
import { createModuleForGap } from './create-module-for-gap';
import { createPlan } from './create-plan';
import { decideGap } from './decide-gap';
import { getPlan } from './get-plan';
import { getPublicPlan } from './get-public-plan';
import { listPlans } from './list-plans';
import { listLearningPaths } from './list-learning-paths';
import { publishPlan } from './publish-plan';
import { removeMeasure } from './remove-measure';
import { updateMeasure } from './update-measure';
import { planPdf } from './plan-pdf';
import { comparePlan } from './compare-plan';
import { getPlanComparisonView } from './get-plan-comparison-view';
import { loadFollowUpDemo } from '../demo/follow-up-study';
import { pdfText } from '../../../../tests/helpers/pdf';

let t: TestDatabase;
let organiser: OrgContext;
let foreign: OrgContext;
let demo: StudyDemo;

const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de', requestId: 'test' });
const visitor = (): RequestContext => ({ ...request(), db: t.db, actor: null });

beforeAll(async () => {
	t = await createTestDatabase();
	await ensureDefaultFramework(t.db);
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'organiser', 'plans.manage')), ...request() };
	foreign = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner', 'plans.manage')), ...request() };
	demo = await loadStudyDemo(t.db, organiser, 'http://x');
	await loadCatalogueDemo(t.db, organiser.org.orgId);
}, 180_000);

const newPlan = async (input: Record<string, unknown> = {}) => (await createPlan(organiser, validate(planCreateSchema, { studyId: demo.closedStudyId, ...input }))).id;
const rows = async () => ({
	plans: (await t.db.select({ n: count() }).from(qualificationPlans))[0].n,
	decisions: (await t.db.select({ n: count() }).from(planGapDecisions))[0].n,
	measures: (await t.db.select({ n: count() }).from(planMeasures))[0].n,
	modules: (await t.db.select({ n: count() }).from(catalogueModules))[0].n
});

describe('a plan from the closed demo study', () => {
	it('prioritises per horizon the gaps of the protected results by the default rule, ranked, with modules and coverage', async () => {
		const plan = await getPlan(organiser, await newPlan());
		const results = await getStudyResults(organiser, demo.closedStudyId);
		expect(plan).toMatchObject({ round: 1, rule: { minGap: 0.5, topN: 10 }, status: 'draft', study: { id: demo.closedStudyId, title: 'Wissensbedarf Altenburg 2027' } });
		expect(plan.gaps.length).toBeGreaterThan(0);
		for (const gap of plan.gaps) {
			// The same figure the results show, and selected by the rule: ≥ 0.5 or among the horizon's ten largest.
			const source = results.gaps.find((g) => g.competence === gap.competence && g.horizon === gap.horizon)!;
			expect(gap.gap).toBe(source.meanGap);
			expect(gap.gap! >= 0.5 || gap.rank <= 10).toBe(true);
			expect(gap).toMatchObject({ selectedBy: 'rule', status: 'prioritised' });
		}
		for (const horizon of plan.horizons) {
			const ranks = plan.gaps.filter((g) => g.horizon === horizon.key).map((g) => g.rank);
			expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		}
		// Every measured gap is either in the plan or a candidate: none is lost.
		expect(plan.gaps.length + plan.otherGaps.length).toBe(results.gaps.filter((g) => g.meanGap !== null).length);
		// The demo catalogue's published module addresses A1.1 (kennenlernen): that gap is covered, others are not.
		const a11 = plan.gaps.find((g) => g.competence === 'A1.1');
		if (a11) expect(a11.modules).toEqual([expect.objectContaining({ title: expect.any(String), level: 'kennenlernen' })]);
		for (const gap of plan.gaps) expect(gap.covered).toBe(['A1.1', 'A3.4', 'A4.3', 'A4.5', 'A8.4'].includes(gap.competence));
		const covered = plan.gaps.filter((g) => g.covered).length;
		expect(plan.coverage).toEqual({ prioritised: plan.gaps.length, covered, share: covered / plan.gaps.length });
		expect(plan.coverageSentence).toMatch(new RegExp(`^${covered} von ${plan.gaps.length} priorisierten Bedarfen (ist|sind) durch Module abgedeckt \\(\\d+\u00a0%\\)$`));
		expect(plan.coverageDetail.byHorizon.map((h) => h.horizon)).toEqual(plan.horizons.map((h) => h.key));
	});

	it('never names the group below the minimum size (Wissenschaft, 3 people) among those who disagree', async () => {
		const plan = await getPlan(organiser, await newPlan({ minGap: 0, topN: 100 }));
		expect(plan.method.groups.find((g) => g.key === 'wissenschaft')).toMatchObject({ n: null, suppressed: true });
		const named = plan.gaps.flatMap((g) => g.disagreement.flatMap((d) => [d.higherGroup, d.lowerGroup]));
		expect(named.length).toBeGreaterThan(0);
		expect(named).not.toContain('wissenschaft');
	});

	it('a stricter rule prioritises fewer gaps', async () => {
		const loose = await getPlan(organiser, await newPlan({ minGap: 0, topN: 100 }));
		const strict = await getPlan(organiser, await newPlan({ minGap: 1.5, topN: 1 }));
		expect(strict.gaps.length).toBeLessThan(loose.gaps.length);
		for (const gap of strict.gaps) expect(gap.gap! >= 1.5 || gap.rank === 1).toBe(true);
	});

	it('is listed with the studies a new plan can start from (the open demo study is not one of them)', async () => {
		const list = await listPlans(organiser);
		expect(list.plans.length).toBeGreaterThan(0);
		expect(list.studies).toEqual([{ id: demo.closedStudyId, title: 'Wissensbedarf Altenburg 2027', rounds: [1] }]);
		expect((await listPlans(foreign)).plans).toEqual([]);
	});

	it('refuses a study without a closed round and a round without results, in German, writing nothing', async () => {
		const before = await rows();
		expect((await rejected(newPlan({ studyId: demo.openStudyId }))).message).toContain('sobald die erste Runde geschlossen ist');
		const round = await rejected(newPlan({ round: 2 }));
		expect(round).toMatchObject({ code: 'validation_failed', message: 'Für Runde 2 gibt es keine Ergebnisse.' });
		expect((await rejected(Promise.resolve().then(() => newPlan({ minGap: -1 })))).details).toEqual([{ path: 'minGap', message: 'Die Mindestlücke darf nicht negativ sein.' }]);
		expect(await rows()).toEqual(before);
	});
});

describe('deciding gaps', () => {
	it('drops a gap only with a reason; coverage then counts one gap fewer', async () => {
		const id = await newPlan();
		const before = await getPlan(organiser, id);
		const target = before.gaps[0];
		const noReason = await rejected(Promise.resolve().then(() => decideGap(organiser, id, validate(planGapDecisionSchema, { competence: target.competence, horizon: target.horizon, status: 'dropped', reason: '  ' }))));
		expect(noReason.details).toEqual([{ path: 'reason', message: 'Bitte begründen Sie, warum dieser Bedarf nicht in den Plan kommt.' }]);
		expect((await getPlan(organiser, id)).gaps[0].status).toBe('prioritised');

		await decideGap(organiser, id, validate(planGapDecisionSchema, { competence: target.competence, horizon: target.horizon, status: 'dropped', reason: 'Wird schon im Landesprogramm geschult.' }));
		const after = await getPlan(organiser, id);
		expect(after.gaps.find((g) => g.competence === target.competence && g.horizon === target.horizon)).toMatchObject({ status: 'dropped', reason: 'Wird schon im Landesprogramm geschult.' });
		expect(after.coverage.prioritised).toBe(before.coverage.prioritised - 1);
	});

	it('prioritises a gap below the rule by hand', async () => {
		const id = await newPlan({ minGap: 4, topN: 1 });
		const before = await getPlan(organiser, id);
		const candidate = before.otherGaps[0];
		await decideGap(organiser, id, validate(planGapDecisionSchema, { competence: candidate.competence, horizon: candidate.horizon, status: 'prioritised', reason: 'Wunsch des Rates.' }));
		const after = await getPlan(organiser, id);
		expect(after.gaps.find((g) => g.competence === candidate.competence && g.horizon === candidate.horizon)).toMatchObject({ selectedBy: 'organiser', status: 'prioritised' });
		expect(after.coverage.prioritised).toBe(before.coverage.prioritised + 1);
	});

	it('refuses a competence or horizon the study did not measure, writing nothing', async () => {
		const id = await newPlan();
		const before = await rows();
		const unknown = await rejected(decideGap(organiser, id, validate(planGapDecisionSchema, { competence: 'Z9.9', horizon: 'heute', status: 'prioritised' })));
		expect(unknown).toMatchObject({ code: 'validation_failed', message: 'Für diese Kompetenz gibt es in diesem Zeithorizont keine gemessene Lücke.' });
		expect((await rejected(decideGap(organiser, id, validate(planGapDecisionSchema, { competence: 'A1.1', horizon: 'gestern', status: 'prioritised' })))).details[0].path).toBe('horizon');
		expect(await rows()).toEqual(before);
	});
});

describe('measures', () => {
	it('creates a draft module for an uncovered gap in one step, and coverage rises', async () => {
		const id = await newPlan();
		const before = await getPlan(organiser, id);
		const uncovered = before.gaps.find((g) => !g.covered)!;
		const created = await createModuleForGap(organiser, id, validate(planModuleForGapSchema, { competence: uncovered.competence, horizon: uncovered.horizon, level: 'anwenden' }));
		const after = await getPlan(organiser, id);
		// The module covers its competence in every horizon where it is a prioritised gap.
		const sameCompetence = before.gaps.filter((g) => g.competence === uncovered.competence && g.status === 'prioritised').length;
		expect(sameCompetence).toBeGreaterThan(0);
		expect(after.coverage.covered).toBe(before.coverage.covered + sameCompetence);
		expect(after.gaps.find((g) => g.competence === uncovered.competence && g.horizon === uncovered.horizon)).toMatchObject({ covered: true, modules: [{ id: created.moduleId, level: 'anwenden' }] });
		expect(after.measures).toEqual([expect.objectContaining({ id: created.measureId, competence: uncovered.competence, slot: 'heute', module: { id: created.moduleId, title: uncovered.competenceTitle, status: 'draft' } })]);
		const [module] = await t.db.select().from(catalogueModules).where(eq(catalogueModules.id, created.moduleId));
		expect(module).toMatchObject({ orgId: organiser.org.orgId, status: 'draft', title: uncovered.competenceTitle, targetGroups: ['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft', 'wissenschaft'] });
		expect(module.competences).toEqual([expect.objectContaining({ code: uncovered.competence, level: 'anwenden' })]);
		expect(module.descriptionSource).toContain('Wissensbedarf Altenburg 2027');
		expect(module.descriptionSource).toContain(`Lücke ${uncovered.gap!.toFixed(1).replace('.', ',')} (Rang ${uncovered.rank})`);
		// The module's learning path for Verwaltung.
		expect(after.learningPaths.find((p) => p.group === 'verwaltung')?.steps).toEqual([expect.objectContaining({ moduleId: created.moduleId, level: 'anwenden', prerequisites: [] })]);
	});

	it('refuses a module the catalogue would refuse, leaving neither module nor measure', async () => {
		const id = await newPlan();
		const gap = (await getPlan(organiser, id)).gaps[0];
		const before = await rows();
		const refused = await rejected(createModuleForGap(organiser, id, { ...validate(planModuleForGapSchema, { competence: gap.competence, horizon: gap.horizon }), format: 'zirkus' as 'workshop' }));
		expect(refused).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'format' })] });
		expect(await rows()).toEqual(before);
	});

	it('adds, changes and removes a measure with a budget in cents per slot', async () => {
		const id = await newPlan();
		const [first, second] = (await getPlan(organiser, id)).gaps;
		const [seed] = await t.db.select({ id: catalogueModules.id }).from(catalogueModules).where(eq(catalogueModules.orgId, organiser.org.orgId)).limit(1);
		const a = await addMeasure(organiser, id, validate(planMeasureCreateSchema, { competence: first.competence, horizon: first.horizon, moduleId: seed.id, slot: 'heute', targetGroup: 'verwaltung', responsible: 'Amt für Stadtentwicklung', costPerParticipantCents: 12_50, expectedParticipants: 20, notes: 'intern' }));
		const b = await addMeasure(organiser, id, validate(planMeasureCreateSchema, { competence: second.competence, horizon: second.horizon, slot: 'uebermorgen', costPerParticipantCents: 450_00, expectedParticipants: 12 }));
		let plan = await getPlan(organiser, id);
		expect(plan.budget).toEqual({
			slots: [
				{ slot: 'heute', measures: 1, participants: 20, cents: 250_00 },
				{ slot: 'morgen', measures: 0, participants: 0, cents: 0 },
				{ slot: 'uebermorgen', measures: 1, participants: 12, cents: 5400_00 }
			],
			totalCents: 5650_00
		});
		await updateMeasure(organiser, id, b.id, validate(planMeasureUpdateSchema, { slot: 'morgen', expectedParticipants: 10 }));
		plan = await getPlan(organiser, id);
		expect(plan.measures.find((m) => m.id === b.id)).toMatchObject({ slot: 'morgen', expectedParticipants: 10, costCents: 4500_00, costPerParticipantCents: 450_00 });
		await removeMeasure(organiser, id, a.id);
		expect((await getPlan(organiser, id)).measures.map((m) => m.id)).toEqual([b.id]);
	});

	it('refuses negative budgets, another organisation’s module and an unknown measure, in German, writing nothing', async () => {
		const id = await newPlan();
		const gap = (await getPlan(organiser, id)).gaps[0];
		const before = await rows();
		const negative = await rejected(Promise.resolve().then(() => validate(planMeasureCreateSchema, { competence: gap.competence, horizon: gap.horizon, slot: 'heute', costPerParticipantCents: -100 })));
		expect(negative.details).toEqual([{ path: 'costPerParticipantCents', message: 'Der Betrag je Person (in Cent) darf nicht kleiner als 0 sein.' }]);
		const [theirs] = await t.db.insert(catalogueModules).values({ orgId: foreign.org.orgId, title: 'Fremdes Modul', format: 'workshop' }).returning({ id: catalogueModules.id });
		const foreignModule = await rejected(addMeasure(organiser, id, validate(planMeasureCreateSchema, { competence: gap.competence, horizon: gap.horizon, slot: 'heute', moduleId: theirs.id })));
		expect(foreignModule).toMatchObject({ code: 'validation_failed', details: [{ path: 'moduleId', message: 'Unbekanntes Modul.' }] });
		expect((await rejected(updateMeasure(organiser, id, '00000000-0000-4000-8000-000000000000', { slot: 'heute' }))).code).toBe('not_found');
		expect(await rows()).toEqual({ ...before, modules: before.modules + 1 });
		// The database holds the same line if a bug ever skipped the schema.
		await expect(t.db.insert(planMeasures).values({ planId: id, competence: gap.competence, horizon: gap.horizon, slot: 'heute', costPerParticipantCents: -1 })).rejects.toThrow();
		await expect(t.db.insert(planGapDecisions).values({ planId: id, competence: gap.competence, horizon: gap.horizon, status: 'dropped', reason: ' ' })).rejects.toThrow();
	});

	it('keeps the measure when its module is deleted, without the module', async () => {
		const id = await newPlan();
		const gap = (await getPlan(organiser, id)).gaps[0];
		const { moduleId, measureId } = await createModuleForGap(organiser, id, validate(planModuleForGapSchema, { competence: gap.competence, horizon: gap.horizon }));
		await t.db.delete(catalogueModules).where(eq(catalogueModules.id, moduleId));
		expect((await getPlan(organiser, id)).measures.find((m) => m.id === measureId)).toMatchObject({ module: null });
	});
});

describe('who sees a plan', () => {
	it('keeps other organisations out of every use case, as if the plan did not exist', async () => {
		const id = await newPlan();
		const gap = (await getPlan(organiser, id)).gaps[0];
		const before = await rows();
		expect((await rejected(getPlan(foreign, id))).code).toBe('not_found');
		expect((await rejected(decideGap(foreign, id, validate(planGapDecisionSchema, { competence: gap.competence, horizon: gap.horizon, status: 'dropped', reason: 'fremd' })))).code).toBe('not_found');
		expect((await rejected(addMeasure(foreign, id, validate(planMeasureCreateSchema, { competence: gap.competence, horizon: gap.horizon, slot: 'heute' })))).code).toBe('not_found');
		expect((await rejected(createModuleForGap(foreign, id, validate(planModuleForGapSchema, { competence: gap.competence, horizon: gap.horizon })))).code).toBe('not_found');
		expect((await rejected(publishPlan(foreign, id, { published: true }))).code).toBe('not_found');
		expect((await rejected(createPlan(foreign, validate(planCreateSchema, { studyId: demo.closedStudyId })))).code).toBe('not_found');
		expect(await rows()).toEqual(before);
	});

	it('shows a published plan to everyone, without notes and responsible persons, and a draft to nobody', async () => {
		const id = await newPlan();
		const gap = (await getPlan(organiser, id)).gaps[0];
		await addMeasure(organiser, id, validate(planMeasureCreateSchema, { competence: gap.competence, horizon: gap.horizon, slot: 'heute', responsible: 'Frau Beispiel', notes: 'Nur intern' }));
		expect((await rejected(getPublicPlan(visitor(), id))).code).toBe('not_found');
		const published = await publishPlan(organiser, id, { published: true });
		expect(published.status).toBe('published');
		const shown = await getPublicPlan(visitor(), id);
		expect(shown.gaps).toEqual((await getPlan(organiser, id)).gaps);
		expect(JSON.stringify(shown)).not.toContain('Frau Beispiel');
		expect(JSON.stringify(shown)).not.toContain('Nur intern');
		await publishPlan(organiser, id, { published: false });
		expect((await rejected(getPublicPlan(visitor(), id))).code).toBe('not_found');
	});
});

describe('the plan document as PDF', () => {
	it('prints the method with the hidden group named as hidden, the gaps per horizon, the uncovered ones, measures, budget and coverage', async () => {
		const id = await newPlan();
		const gap = (await getPlan(organiser, id)).gaps[0];
		await addMeasure(organiser, id, validate(planMeasureCreateSchema, { competence: gap.competence, horizon: gap.horizon, slot: 'morgen', costPerParticipantCents: 12_50, expectedParticipants: 20 }));
		const plan = await getPlan(organiser, id);
		const file = await planPdf(plan, { compress: false });
		expect(file.contentType).toBe('application/pdf');
		const text = pdfText(file.body as Uint8Array);
		expect(text).toContain('Wissenschaft (ausgeblendet)');
		expect(text).not.toMatch(/Wissenschaft \(n =/);
		expect(text).toContain(plan.coverageSentence);
		for (const h of plan.horizons) expect(text).toContain(`Zeithorizont: ${h.label}`);
		expect(text).toContain('Bedarfe ohne Modul');
		expect(text).toContain('morgen: 2');
		expect(text).toContain('250,00');
	});
});

describe('learning paths in the catalogue', () => {
	it('show published modules of published plans per target group, never drafts or plans in preparation', async () => {
		const id = await newPlan();
		const plan = await getPlan(organiser, id);
		const [seed] = await t.db.select().from(catalogueModules).where(eq(catalogueModules.orgId, organiser.org.orgId)).orderBy(catalogueModules.createdAt).limit(1);
		expect(seed.status).toBe('published');
		await addMeasure(organiser, id, validate(planMeasureCreateSchema, { competence: plan.gaps[0].competence, horizon: plan.gaps[0].horizon, slot: 'heute', moduleId: seed.id, targetGroup: 'wissenschaft' }));
		const draft = await createModuleForGap(organiser, id, validate(planModuleForGapSchema, { competence: plan.gaps[0].competence, horizon: plan.gaps[0].horizon }));
		const slugOf = async (orgId: string) => (await t.db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, orgId)))[0].slug;
		expect((await listLearningPaths(visitor(), await slugOf(organiser.org.orgId))).paths).toEqual([]);

		await publishPlan(organiser, id, { published: true });
		const { paths, competenceTitles } = await listLearningPaths(visitor(), await slugOf(organiser.org.orgId));
		expect(competenceTitles[seed.competences[0].code]).toEqual({ title_de: seed.competences[0].title_de, title_en: seed.competences[0].title_en });
		// The seed module's target groups, and Wissenschaft, which the plan assigned it to.
		expect(paths.map((p) => p.group)).toEqual(['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft', 'wissenschaft'].filter((g) => [...seed.targetGroups, 'wissenschaft'].includes(g)));
		const steps = paths.find((p) => p.group === 'verwaltung')!.steps;
		expect(new Set(steps.map((s) => s.moduleId))).toEqual(new Set([seed.id]));
		expect(steps.map((s) => s.competence)).toEqual(seed.competences.map((c) => c.code).sort(new Intl.Collator('de', { numeric: true }).compare));
		expect(JSON.stringify(paths)).not.toContain(draft.moduleId);
		// Registrants see them in the catalogue of that organisation (?org=), for the chosen target group only when one is chosen.
		const slug = await slugOf(organiser.org.orgId);
		expect((await getCataloguePage(visitor(), new URLSearchParams({ org: slug }))).learningPaths).toEqual(paths);
		expect((await getCataloguePage(visitor(), new URLSearchParams({ org: slug, group: 'verwaltung' }))).learningPaths.map((p) => p.group)).toEqual(['verwaltung']);
		expect((await getCataloguePage(visitor(), new URLSearchParams())).learningPaths).toEqual([]);
		expect((await listLearningPaths(visitor(), await slugOf(foreign.org.orgId))).paths).toEqual([]);
		await publishPlan(organiser, id, { published: false });
	});
});

describe('Was hat sich verändert? (the plan against a follow-up study)', () => {
	it('compares the demo follow-up study with the plan’s study and round: the seed module’s competences are rated better mastered', async () => {
		const { followUpStudyId } = await loadFollowUpDemo(t.db, organiser, 'http://x');
		const planId = await newPlan();
		const comparison = await comparePlan(organiser, planId, { studyId: followUpStudyId });
		expect(comparison.base).toMatchObject({ id: demo.closedStudyId, round: 1 });
		expect(comparison.followUp).toMatchObject({ id: followUpStudyId, title: 'Wissensbedarf Altenburg 2029 – Folgebefragung' });
		const better = comparison.items.filter((item) => item.measure === 'proficiency').flatMap((item) => item.cells.filter((cell) => !cell.suppressed && cell.change !== null && cell.change > 0.5 && cell.magnitude === 'large'));
		expect(better.length).toBeGreaterThan(0);

		// The plan page: studies to choose from (not the plan's own), and the chosen one compared for one group, as sentences.
		const view = await getPlanComparisonView(organiser, planId, new URL(`https://x/app/plaene/${planId}?vergleich=${followUpStudyId}`));
		expect(view.candidates.map((c) => c.id)).toContain(followUpStudyId);
		expect(view.candidates.map((c) => c.id)).not.toContain(demo.closedStudyId);
		expect(view.error).toBeNull();
		expect(view.comparison?.notable.join(' ')).toMatch(/besser eingeschätzt als in „Wissensbedarf Altenburg 2027“/);
	});

	it('refuses in German what cannot be compared, and another organisation’s plan is unknown', async () => {
		const planId = await newPlan();
		expect((await rejected(comparePlan(organiser, planId, { studyId: demo.closedStudyId }))).status).toBe(422);
		expect((await rejected(comparePlan(organiser, planId, { studyId: demo.openStudyId }))).message).toMatch(/geschlossen/);
		expect((await rejected(comparePlan(foreign, planId, { studyId: demo.closedStudyId }))).code).toBe('not_found');
		const view = await getPlanComparisonView(organiser, planId, new URL(`https://x/app/plaene/${planId}?vergleich=${demo.openStudyId}`));
		expect(view.comparison).toBeNull();
		expect(view.error).toMatch(/geschlossen/);
	});
});
