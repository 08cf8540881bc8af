/**
 * The Qualifizierungsplan's /api/v1 endpoints, called as SvelteKit calls them: status codes,
 * the plan document's shape, German error documents and nothing written on refusal.
 */
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { callRoute, serveRoutesFrom, type RouteCall } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { GET as listRoute, POST as createRoute } from '../../../routes/api/v1/plans/+server';
import { GET as planRoute } from '../../../routes/api/v1/plans/[id]/+server';
import { POST as gapRoute } from '../../../routes/api/v1/plans/[id]/gaps/+server';
import { POST as measureRoute } from '../../../routes/api/v1/plans/[id]/measures/+server';
import { DELETE as removeRoute, PATCH as updateRoute } from '../../../routes/api/v1/plans/[id]/measures/[measure]/+server';
import { POST as moduleRoute } from '../../../routes/api/v1/plans/[id]/modules/+server';
import { POST as publishRoute } from '../../../routes/api/v1/plans/[id]/publication/+server';
import { GET as publicRoute } from '../../../routes/api/v1/plans/[id]/public/+server';
import { GET as xlsxRoute } from '../../../routes/api/v1/plans/[id]/export.xlsx/+server';
import { GET as pdfRoute } from '../../../routes/api/v1/plans/[id]/export.pdf/+server';
import { GET as comparisonRoute } from '../../../routes/api/v1/plans/[id]/comparison/+server';
import { loadCatalogueDemo } from '../catalogue/demo';
import { planGapDecisions, planMeasures, qualificationPlans } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { openApiDocument } from '../openapi/document';
import { loadStudyDemo, type StudyDemo } from '../studies/demo';
import type { TenantContext } from '../tenant';

let t: TestDatabase;
let organiser: TenantContext;
let viewer: TenantContext;
let other: TenantContext;
let demo: StudyDemo;

beforeAll(async () => {
	t = await createTestDatabase();
	const closeRoutes = await serveRoutesFrom(t.url);
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'organiser', 'plans.manage');
	viewer = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'viewer', 'results.read');
	other = await tenantAs(t.db, 'Stadt Gera', 'organiser', 'plans.manage');
	demo = await loadStudyDemo(t.db, organiser, 'http://x');
	await loadCatalogueDemo(t.db, organiser.org.orgId);
	return closeRoutes;
}, 180_000);

const call = (handler: Parameters<typeof callRoute>[0], options: RouteCall) => callRoute(handler, { method: 'POST', actor: organiser.actor, ...options });
const counts = async () => ({
	plans: (await t.db.select({ n: count() }).from(qualificationPlans))[0].n,
	decisions: (await t.db.select({ n: count() }).from(planGapDecisions))[0].n,
	measures: (await t.db.select({ n: count() }).from(planMeasures))[0].n
});

interface PlanDocument {
	study: { id: string };
	round: number;
	rule: { minGap: number; topN: number };
	gaps: { competence: string; horizon: string; gap: number; rank: number; status: string; modules: { id: string; title: string; level: string }[]; covered: boolean }[];
	coverage: { prioritised: number; covered: number; share: number };
	measures: { id: string; slot: string }[];
}

describe('POST /api/v1/plans', () => {
	it('needs an organiser token: 401 without, 403 for a viewer, 201 with the id and its address', async () => {
		const body = { studyId: demo.closedStudyId };
		expect((await call(createRoute, { path: '/api/v1/plans', body, actor: null })).status).toBe(401);
		expect((await call(createRoute, { path: '/api/v1/plans', body, actor: viewer.actor })).status).toBe(403);
		const created = await call(createRoute, { path: '/api/v1/plans', body: { ...body, minGap: 0.8, topN: 5 } });
		expect(created.status).toBe(201);
		expect(Object.keys(created.json)).toEqual(['id']);
		expect(created.headers.get('location')).toBe(`/api/v1/plans/${created.json.id}`);
	});

	it('answers 422 in German for bad input and 409 for a study still open, writing nothing', async () => {
		const before = await counts();
		const bad = await call(createRoute, { path: '/api/v1/plans', body: { studyId: 'keine-id', topN: 2.5 } });
		expect(bad.status).toBe(422);
		expect(bad.json.error?.details).toEqual([
			{ path: 'studyId', message: 'Die Analyse ist keine gültige Kennung.' },
			{ path: 'topN', message: 'Die Zahl der größten Lücken je Horizont ist eine ganze Zahl.' }
		]);
		expect((await call(createRoute, { path: '/api/v1/plans', raw: '{"studyId":' })).status).toBe(400);
		const open = await call(createRoute, { path: '/api/v1/plans', body: { studyId: demo.openStudyId } });
		expect(open.status).toBe(409);
		expect(open.json.error?.message).toContain('sobald die erste Runde geschlossen ist');
		expect((await call(createRoute, { path: '/api/v1/plans', body: { studyId: demo.closedStudyId }, actor: other.actor })).status).toBe(404);
		expect(await counts()).toEqual(before);
	});
});

describe('a plan through the API', () => {
	it('reads, decides, measures, makes a module for an uncovered gap and publishes, each with its status code', async () => {
		const { id } = (await call(createRoute, { path: '/api/v1/plans', body: { studyId: demo.closedStudyId } })).json as { id: string };
		const read = async () => {
			const response = await call(planRoute, { method: 'GET', path: `/api/v1/plans/${id}`, params: { id } });
			expect(response.status).toBe(200);
			return response.json as unknown as PlanDocument;
		};
		const plan = await read();
		expect(plan).toMatchObject({ study: { id: demo.closedStudyId }, round: 1, rule: { minGap: 0.5, topN: 10 } });
		expect(plan.gaps[0]).toEqual(expect.objectContaining({ competence: expect.any(String), horizon: expect.any(String), gap: expect.any(Number), rank: 1, status: 'prioritised', modules: expect.any(Array), covered: expect.any(Boolean) }));

		const [first, second] = plan.gaps;
		const dropped = await call(gapRoute, { path: `/api/v1/plans/${id}/gaps`, params: { id }, body: { competence: first.competence, horizon: first.horizon, status: 'dropped' } });
		expect(dropped.status).toBe(422);
		expect(dropped.json.error?.details).toEqual([{ path: 'reason', message: 'Bitte begründen Sie, warum dieser Bedarf nicht in den Plan kommt.' }]);
		expect((await call(gapRoute, { path: `/api/v1/plans/${id}/gaps`, params: { id }, body: { competence: first.competence, horizon: first.horizon, status: 'dropped', reason: 'Schon abgedeckt durch das Land.' } })).status).toBe(200);
		expect((await read()).coverage.prioritised).toBe(plan.coverage.prioritised - 1);

		const measure = await call(measureRoute, { path: `/api/v1/plans/${id}/measures`, params: { id }, body: { competence: second.competence, horizon: second.horizon, slot: 'morgen', costPerParticipantCents: 5000, expectedParticipants: 8 } });
		expect(measure.status).toBe(201);
		const measureId = measure.json.id as string;
		const patched = await call(updateRoute, { method: 'PATCH', path: `/api/v1/plans/${id}/measures/${measureId}`, params: { id, measure: measureId }, body: { slot: 'uebermorgen' } });
		expect(patched.status).toBe(200);
		expect((await read()).measures).toEqual([expect.objectContaining({ id: measureId, slot: 'uebermorgen' })]);
		expect((await call(updateRoute, { method: 'PATCH', path: `/api/v1/plans/${id}/measures/${measureId}`, params: { id, measure: measureId }, body: {} })).status).toBe(422);
		expect((await call(removeRoute, { method: 'DELETE', path: `/api/v1/plans/${id}/measures/${measureId}`, params: { id, measure: measureId } })).status).toBe(204);
		expect((await call(removeRoute, { method: 'DELETE', path: `/api/v1/plans/${id}/measures/${measureId}`, params: { id, measure: measureId } })).status).toBe(404);

		const before = await read();
		const uncovered = before.gaps.find((g) => !g.covered && g.status === 'prioritised')!;
		const made = await call(moduleRoute, { path: `/api/v1/plans/${id}/modules`, params: { id }, body: { competence: uncovered.competence, horizon: uncovered.horizon, level: 'vertiefen' } });
		expect(made.status).toBe(201);
		const after = await read();
		expect(after.coverage.covered).toBeGreaterThan(before.coverage.covered);
		expect(after.gaps.find((g) => g.competence === uncovered.competence && g.horizon === uncovered.horizon)?.modules).toEqual([expect.objectContaining({ id: made.json.moduleId, level: 'vertiefen' })]);

		expect((await call(publicRoute, { method: 'GET', path: `/api/v1/plans/${id}/public`, params: { id }, actor: null })).status).toBe(404);
		expect((await call(publishRoute, { path: `/api/v1/plans/${id}/publication`, params: { id }, body: { published: true } })).json).toMatchObject({ status: 'published' });
		const shown = await call(publicRoute, { method: 'GET', path: `/api/v1/plans/${id}/public`, params: { id }, actor: null });
		expect(shown.status).toBe(200);
		expect((shown.json as unknown as PlanDocument).coverage).toEqual(after.coverage);

		// The plan document as XLSX, read back: the figures and the sentence the plan shows.
		const file = await call(xlsxRoute, { method: 'GET', path: `/api/v1/plans/${id}/export.xlsx`, params: { id } });
		expect(file.status).toBe(200);
		expect(file.headers.get('content-disposition')).toContain('.xlsx');
		expect((await call(xlsxRoute, { method: 'GET', path: `/api/v1/plans/${id}/export.xlsx`, params: { id }, actor: other.actor })).status).toBe(404);
		const raw = await xlsxRoute({ request: new Request(`https://stadtwissen.test/api/v1/plans/${id}/export.xlsx`), url: new URL(`https://stadtwissen.test/api/v1/plans/${id}/export.xlsx`), params: { id }, locals: { actor: organiser.actor, requestId: 'test', locale: 'de' }, getClientAddress: () => '192.0.2.1' } as never);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await raw.arrayBuffer());
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['Methode', 'Bedarfe', 'Maßnahmen', 'Budget', 'Abdeckung', 'Lernpfade']);
		const method = workbook.getWorksheet('Methode')!;
		const methodRows = Object.fromEntries(Array.from({ length: method.rowCount - 1 }, (_, i) => [String(method.getRow(i + 2).getCell(1).value), method.getRow(i + 2).getCell(2).value]));
		expect(methodRows).toMatchObject({ Runde: 1, 'Mindestgruppengröße k': 5, 'Quantil-Definition': 'Hyndman & Fan Typ 7' });
		expect(String(methodRows.Gruppen)).toContain('Wissenschaft (ausgeblendet)');
		expect(String(methodRows.Abdeckung)).toMatch(new RegExp(`^${after.coverage.covered} von ${after.coverage.prioritised} priorisierten Bedarfen`));
		const gapsSheet = workbook.getWorksheet('Bedarfe')!;
		expect(gapsSheet.rowCount - 1).toBe(after.gaps.length);
		const firstRow = gapsSheet.getRow(2);
		expect([firstRow.getCell(2).value, firstRow.getCell(3).value, firstRow.getCell(5).value]).toEqual([after.gaps[0].rank, after.gaps[0].competence, after.gaps[0].gap]);
		const coverageSheet = workbook.getWorksheet('Abdeckung')!;
		expect([2, 3, 4].map((c) => coverageSheet.getRow(2).getCell(c).value)).toEqual([after.coverage.prioritised, after.coverage.covered, after.coverage.share]);
		const pdf = await call(pdfRoute, { method: 'GET', path: `/api/v1/plans/${id}/export.pdf`, params: { id } });
		expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
		expect(pdf.text.startsWith('%PDF-1.7')).toBe(true);
		expect((await call(pdfRoute, { method: 'GET', path: `/api/v1/plans/${id}/export.pdf`, params: { id }, actor: other.actor })).status).toBe(404);
		const madeModule = after.gaps.find((g) => g.competence === uncovered.competence && g.horizon === uncovered.horizon)!.modules[0];
		expect(workbook.getWorksheet('Maßnahmen')!.getRow(2).getCell(5).value).toBe(madeModule.title);
	});

	it('is 404 for another organisation, on every method, and lists only the organisation’s own plans', async () => {
		const { id } = (await call(createRoute, { path: '/api/v1/plans', body: { studyId: demo.closedStudyId } })).json as { id: string };
		const as = other.actor;
		expect((await call(planRoute, { method: 'GET', path: `/api/v1/plans/${id}`, params: { id }, actor: as })).status).toBe(404);
		expect((await call(gapRoute, { path: `/api/v1/plans/${id}/gaps`, params: { id }, actor: as, body: { competence: 'A1.1', horizon: 'heute', status: 'prioritised' } })).status).toBe(404);
		expect((await call(measureRoute, { path: `/api/v1/plans/${id}/measures`, params: { id }, actor: as, body: { competence: 'A1.1', horizon: 'heute', slot: 'heute' } })).status).toBe(404);
		expect((await call(publishRoute, { path: `/api/v1/plans/${id}/publication`, params: { id }, actor: as, body: { published: true } })).status).toBe(404);
		const own = await call(listRoute, { method: 'GET', path: '/api/v1/plans' });
		expect((own.json.plans as { id: string }[]).map((p) => p.id)).toContain(id);
		expect((await call(listRoute, { method: 'GET', path: '/api/v1/plans', actor: as })).json.plans).toEqual([]);
	});

	it('is described in the OpenAPI document', () => {
		const paths = openApiDocument('https://stadtwissen.test/api/v1').paths as Record<string, Record<string, unknown>>;
		for (const path of ['/plans', '/plans/{id}', '/plans/{id}/export.xlsx', '/plans/{id}/comparison', '/plans/{id}/export.pdf', '/plans/{id}/gaps', '/plans/{id}/measures', '/plans/{id}/measures/{measure}', '/plans/{id}/modules', '/plans/{id}/publication', '/plans/{id}/public']) expect(paths[path], path).toBeDefined();
		expect(Object.keys(paths['/plans/{id}/measures/{measure}'])).toEqual(expect.arrayContaining(['patch', 'delete']));
	});
});

describe('GET /api/v1/plans/{id}/comparison', () => {
	it('asks in German for the later study, refuses the plan’s own study, and is 404 for another organisation', async () => {
		const id = (await call(createRoute, { path: '/api/v1/plans', body: { studyId: demo.closedStudyId } })).json.id as string;
		const missing = await call(comparisonRoute, { method: 'GET', path: `/api/v1/plans/${id}/comparison`, params: { id } });
		expect(missing.status).toBe(422);
		expect(missing.json.error?.details).toEqual([{ path: 'studyId', message: 'Bitte geben Sie mit „studyId“ die spätere Analyse an, mit der verglichen werden soll.' }]);
		const itself = await call(comparisonRoute, { method: 'GET', path: `/api/v1/plans/${id}/comparison?studyId=${demo.closedStudyId}`, params: { id } });
		expect(itself.status).toBe(422);
		const foreign = await call(comparisonRoute, { method: 'GET', path: `/api/v1/plans/${id}/comparison?studyId=${demo.closedStudyId}`, params: { id }, actor: other.actor });
		expect(foreign.status).toBe(404);
	});
});
