import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { AppError } from '../errors';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { loadStudyDemo, type StudyDemo } from '../studies/demo';
import type { TenantContext } from '../tenant';
import { updateStudy } from '../studies/update-study';
import { getStudyResults } from './get-results';

let t: TestDatabase;
let organiser: TenantContext;
let demo: StudyDemo;

beforeAll(async () => {
	t = await createTestDatabase();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
	demo = await loadStudyDemo(t.db, organiser, 'http://x');
}, 120_000);

describe('results of a study', () => {
	it('shows the closed demo round with the small group suppressed everywhere, figures equal to the raw answers', async () => {
		const results = await getStudyResults(organiser, demo.closedStudyId);
		expect(results).toMatchObject({ round: 1, minGroupSize: 5, quantileType: 7 });
		expect(results.groups.find((g) => g.key === 'wissenschaft')).toMatchObject({ n: null, suppressed: true });
		for (const item of results.items) expect(item.cells.find((c) => c.group === 'wissenschaft')?.suppressed).toBe(true);
		const verwaltung = results.groups.find((g) => g.key === 'verwaltung');
		const item = results.items.find((i) => i.competence === 'A1.1' && i.measure === 'importance' && i.horizon === 'heute')!;
		const cell = item.cells.find((c) => c.group === 'verwaltung')!;
		// 18 people: Verwaltung is the largest group and never the complement of the hidden one.
		expect(verwaltung).toMatchObject({ n: 18, suppressed: false });
		if (cell.suppressed) throw new Error('Verwaltung must be visible');
		{
			// An independent recount from the raw answer rows.
			const raw = await t.db.execute<{ value: number | null; n: number }>(sql`
				SELECT value, count(*)::int n FROM answers WHERE study_id = ${demo.closedStudyId} AND competence = 'A1.1' AND measure = 'importance' AND horizon = 'heute' AND group_key = 'verwaltung' GROUP BY value`);
			const counts = [1, 2, 3, 4, 5].map((v) => raw.rows.find((r) => r.value === v)?.n ?? 0);
			expect(cell.histogram).toEqual(counts);
			const n = counts.reduce((a, b) => a + b, 0);
			expect(cell.n).toBe(n);
			expect(cell.mean).toBeCloseTo(counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n, 12);
			expect(cell.dontKnow).toBe(raw.rows.find((r) => r.value === null)?.n ?? 0);
		}
		expect(results.gaps.filter((g) => g.horizon === 'heute').length).toBe(results.items.filter((i) => i.measure === 'proficiency').length);
		expect(results.gaps.find((g) => g.rank === 1)?.meanGap).toBeGreaterThan(0);
	});

	it('keeps a closed round’s results, unchangeable, and shows a corrected group label at once', async () => {
		const first = await getStudyResults(organiser, demo.closedStudyId);
		expect(await getStudyResults(organiser, demo.closedStudyId)).toBe(first);
		expect(() => first.items.pop()).toThrow(TypeError);
		await updateStudy(organiser, demo.closedStudyId, { texts: { groupLabels: { verwaltung: 'Stadtverwaltung' } } });
		const relabelled = await getStudyResults(organiser, demo.closedStudyId);
		expect(relabelled.groups.find((g) => g.key === 'verwaltung')?.label).toBe('Stadtverwaltung');
		expect(relabelled.items).toEqual(first.items);
		await updateStudy(organiser, demo.closedStudyId, { texts: { groupLabels: { verwaltung: first.groups.find((g) => g.key === 'verwaltung')!.label } } });
	});

	it('refuses results of a round that is still open', async () => {
		const error = await getStudyResults(organiser, demo.openStudyId).then(() => null, (e: unknown) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).code).toBe('conflict');
	});

	it('keeps other organisations out', async () => {
		const other = await tenantAs(t.db, 'Stadt Gera', 'owner');
		const error = await getStudyResults(other, demo.closedStudyId).then(() => null, (e: unknown) => e);
		expect((error as AppError).code).toBe('not_found');
	});
});
