/**
 * A Qualifizierungsplan on a Rahmenbedingungen self-check (issue 16): it takes in the weak
 * conditions (all groups together see them below 3 today), whether or not anyone rated „So wichtig
 * ist es uns“ — and its page, PDF, XLSX, public page and API speak of conditions.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs } from '../../../../tests/helpers/actors';
import { callRoute, serveRoutesFrom } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { pdfText } from '../../../../tests/helpers/pdf';
import { xlsxTexts } from '../../../../tests/helpers/xlsx';
import { GET as planRoute } from '../../../routes/api/v1/plans/[id]/+server';
import { saveModule } from '../catalogue/save-module';
import { setModuleStatus } from '../catalogue/set-module-status';
import { catalogueModules } from '../db/schema';
import { conditionsCatalogueId, ensureShippedFrameworks } from '../frameworks/default-framework';
import { runStudy } from '../results/test-fixtures';
import type { TenantContext } from '../tenant';
import { addMeasure } from './add-measure';
import { createModuleForGap } from './create-module-for-gap';
import { createPlan } from './create-plan';
import { decideGap } from './decide-gap';
import { exportPlanXlsx } from './export-plan-xlsx';
import { getPlan } from './get-plan';
import { getPublicPlan } from './get-public-plan';
import { planPdf } from './plan-pdf';
import { publishPlan } from './publish-plan';

let t: TestDatabase;
let owner: TenantContext;
let catalogueId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	const closeRoutes = await serveRoutesFrom(t.url);
	await ensureShippedFrameworks(t.db);
	catalogueId = (await conditionsCatalogueId(t.db))!;
	owner = await tenantAs(t.db, 'Stadt Nur Heute', 'owner', 'plans.manage');
	return closeRoutes;
}, 120_000);

describe('a self-check that has only „heute“', () => {
	it('plans its weak conditions from today’s mean although no importance was rated, and every view of the plan works', async () => {
		// Nobody rates „So wichtig ist es uns“ („kann ich nicht einschätzen“ throughout): there is no gap anywhere.
		// Today: the contact point (R1.1) at 2, the answer time (R1.2) at 2 or 3 (2,4), interim use (R3.1) at 4.
		const { id: studyId } = await runStudy(t.db, owner, {
			title: 'Selbstcheck nur heute',
			frameworkId: catalogueId,
			competences: ['R1.1', 'R1.2', 'R3.1'],
			groups: [
				{ key: 'verwaltung', label: 'Verwaltung', participants: 5 },
				{ key: 'zivilgesellschaft', label: 'Stadtmacher*innen', participants: 5 }
			],
			value: ({ measure, item, person }) => (measure === 'importance' ? null : item === 0 ? 2 : item === 2 ? (person % 2 === 0 ? 2 : 3) : 4)
		});
		const module = await saveModule(owner, { title: 'Lotsen für Stadtmacher*innen', format: 'workshop', frameworkId: catalogueId, competences: [{ code: 'R1.1', level: 'anwenden' }] });
		await setModuleStatus(owner, module.id, 'published');
		const organiser = { ...organiserAt(owner), locale: 'de' as const };
		const { id } = await createPlan(organiser, { studyId });

		const plan = await getPlan(organiser, id);
		expect(plan.instrument).toBe('conditions');
		expect(plan.gaps.map((g) => [g.competence, g.horizon, g.rank, g.proficiencyMean, g.gap, g.selectedBy, g.covered])).toEqual([
			['R1.1', 'heute', 1, 2, null, 'rule', true],
			['R1.2', 'heute', 2, 2.4, null, 'rule', false]
		]);
		expect(plan.otherGaps.map((g) => [g.competence, g.proficiencyMean, g.gap])).toEqual([['R3.1', 4, null]]);
		expect(plan.coverageSentence).toBe('1 von 2 Bedingungen im Plan wird durch Module behandelt (50\u00a0%)');

		// Measures, a module for an uncovered condition and a condition taken in by hand go through the same checks.
		await addMeasure(organiser, id, { competence: 'R1.1', horizon: 'heute', moduleId: module.id, slot: 'heute', targetGroup: null, responsible: 'Amt für Stadtentwicklung', costPerParticipantCents: 5000, expectedParticipants: 10, notes: '' });
		const made = await createModuleForGap(organiser, id, { competence: 'R1.2', horizon: 'heute', level: 'kennenlernen', slot: 'heute' });
		const [draft] = await t.db.select().from(catalogueModules).where(eq(catalogueModules.id, made.moduleId));
		expect(draft.descriptionSource).toContain('So ist es bei uns heute: im Mittel aller Gruppen 2,4 (schwache Bedingung: unter 3)');
		await decideGap(organiser, id, { competence: 'R3.1', horizon: 'heute', status: 'prioritised', reason: '' });
		await expect(decideGap(organiser, id, { competence: 'R9.9', horizon: 'heute', status: 'prioritised', reason: '' })).rejects.toThrow('Für diese Bedingung gibt es keinen Wert „So ist es bei uns heute“.');
		const planned = await getPlan(organiser, id);
		expect(planned.gaps.map((g) => [g.competence, g.selectedBy])).toEqual([
			['R1.1', 'rule'],
			['R1.2', 'rule'],
			['R3.1', 'organiser']
		]);
		expect(planned.measures).toHaveLength(2);
		expect(planned.coverage).toMatchObject({ prioritised: 3, covered: 2 });

		// The API's plan document.
		const api = await callRoute(planRoute, { method: 'GET', path: `/api/v1/plans/${id}`, actor: owner.actor, params: { id } });
		expect(api.status).toBe(200);
		expect((api.json as unknown as { gaps: { competence: string; gap: number | null; proficiencyMean: number }[] }).gaps.map((g) => [g.competence, g.gap, g.proficiencyMean])).toEqual([
			['R1.1', null, 2],
			['R1.2', null, 2.4],
			['R3.1', null, 4]
		]);

		// PDF and XLSX carry the conditions, today's figures and the weak-condition rule — no competence, need or gap rule.
		const pdf = pdfText((await planPdf(planned, { compress: false })).body as Uint8Array);
		expect(pdf).toContain('Es gibt eine feste Ansprechperson');
		expect(pdf).toContain('Bedingungen im Plan');
		expect(pdf).toContain('Jede schwache Bedingung: alle Gruppen zusammen sehen sie heute');
		expect(pdf.split('\n').filter((line) => /Kompetenz|Lücke|Bedarf|Beherrsch/.test(line))).toEqual([]);
		const sheets = await xlsxTexts((await exportPlanXlsx(organiser, id)).body as Uint8Array);
		expect(sheets).toContain('Amt für Stadtentwicklung');
		expect(sheets).toContain('So ist es bei uns heute (Mittel)');
		expect(sheets.filter((text) => /Kompetenz|Lücke|Bedarf|Beherrsch/.test(text))).toEqual([]);

		// The public page shows them too.
		await publishPlan(organiser, id, { published: true });
		const published = await getPublicPlan({ ...organiser, locale: 'de' }, id);
		expect(published.gaps.map((g) => g.competence)).toEqual(['R1.1', 'R1.2', 'R3.1']);
		expect(published.coverageSentence).toMatch(/^2 von 3 Bedingungen im Plan/);
	});
});
