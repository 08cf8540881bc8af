import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { loadStudyDemo, type StudyDemo } from '../studies/demo';
import { getStudy } from '../studies/get-study';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import type { TenantContext } from '../tenant';
import { rawExportAllowed } from '../../domain/anonymity/raw-export';
import { ALL_GROUPS, cellOf, resultsSetting, visibleCell, type DashboardPage } from '../../domain/results/dashboard-view';
import { getStudyResults } from './get-results';
import { parseRound } from './parse-round';
import { findPublishedStudy } from './published-studies';
import { loadCompetencePage, loadDashboard } from './results-views';
import { runStudy } from './test-fixtures';
import { rejected } from '../../../../tests/helpers/errors';

let t: TestDatabase;
let owner: TenantContext;
let demo: StudyDemo;
let frameworkId: string;

beforeAll(async () => {
	t = await createTestDatabase();
	frameworkId = await ensureDefaultFramework(t.db);
	owner = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
	demo = await loadStudyDemo(t.db, owner, 'http://x');
}, 120_000);

const url = (query = '') => new URL(`http://stadtwissen.test/app/analysen/x/ergebnisse${query}`);

async function dashboard(query = '', studyId = demo.closedStudyId) {
	const page = await loadDashboard(t.db, await getStudy(owner, studyId), url(query), 'de');
	if (page.state !== 'results') throw new Error('expected results');
	return page as Extract<DashboardPage, { state: 'results' }>;
}

/** Mean of the raw answer rows, counted by the database: an independent reference. */
async function rawMean(studyId: string, competence: string, measure: string, horizon: string, group: string): Promise<number> {
	const result = await t.db.execute<{ mean: string }>(sql`
		SELECT avg(value)::text AS mean FROM answers
		WHERE study_id = ${studyId} AND round = 1 AND competence = ${competence} AND measure = ${measure} AND horizon = ${horizon} AND group_key = ${group} AND value IS NOT NULL`);
	return Number(result.rows[0].mean);
}

describe('the dashboard of the demo study', () => {
	it('derives every view from the protected results, so hidden groups stay hidden everywhere', async () => {
		const results = await getStudyResults(owner, demo.closedStudyId);
		const hidden = results.groups.filter((g) => g.suppressed).map((g) => g.key);
		expect(hidden).toContain('wissenschaft');
		const { view } = await dashboard();

		expect(view).toMatchObject({ round: 1, minGroupSize: 5, quantileType: 7, group: ALL_GROUPS, groupHidden: false, horizon: 'heute', participants: 57 });
		for (const key of hidden) expect(view.participation.find((g) => g.key === key)).toMatchObject({ n: null, suppressed: true });
		for (const row of view.heatmap.rows) {
			for (const cell of row.cells) {
				if (hidden.includes(cell.group)) expect(cell).toEqual({ group: cell.group, suppressed: true, n: null, mean: null, colours: null });
				// Every figure on the heatmap is readable on its cell (dark figures on teal measured 2.42 : 1).
				if (cell.colours) expect(cell.colours.contrast).toBeGreaterThanOrEqual(4.5);
			}
			expect(row.cells.at(-1)).toMatchObject({ group: ALL_GROUPS, suppressed: false });
		}
		// "no notable differences between the visible groups" needs two visible groups; the view counts them.
		expect(view.visibleGroups).toBe(results.groups.length - hidden.length);
		for (const d of view.disagreement) {
			expect(hidden).not.toContain(d.higherGroup);
			expect(hidden).not.toContain(d.lowerGroup);
		}

		// Top 10 per horizon, largest gap first, each the importance − proficiency of all groups.
		expect(view.gaps.map((g) => g.horizon)).toEqual(['heute', 'morgen', 'uebermorgen']);
		for (const gap of view.gaps) {
			expect(gap.rows).toHaveLength(10);
			const means = gap.rows.map((r) => r.meanGap!);
			expect(means).toEqual([...means].sort((a, b) => b - a));
			for (const row of gap.rows) expect(row.meanGap).toBeCloseTo(row.importanceMean! - row.proficiencyMean!, 12);
			// n behind the means: every rating 1–5 of 57 people, minus "kann ich nicht einschätzen".
			expect(gap.nRange![0]).toBeGreaterThan(40);
			expect(gap.nRange![1]).toBeLessThanOrEqual(57);
		}
		const top = view.gaps[0].rows[0];
		const importance = await rawMean(demo.closedStudyId, top.code, 'importance', 'heute', 'verwaltung');
		expect(importance).toBeGreaterThan(0);

		// The matrix: one point per competence, from the cells of all groups.
		expect(view.matrix.points).toHaveLength(view.competences.length);
		for (const point of view.matrix.points) {
			expect(point.y).toBe(visibleCell(cellOf(results, point.code, 'importance', 'heute', ALL_GROUPS))!.mean);
			expect(point.x).toBe(visibleCell(cellOf(results, point.code, 'proficiency', null, ALL_GROUPS))!.mean);
		}
		expect(view.consensus).toHaveLength(results.items.length);
		expect(view.concordance.map((c) => c.horizon)).toEqual(results.concordance.map((c) => c.horizon));
		for (const c of view.concordance) for (const key of hidden) expect(c.groups).not.toContain(key);
		expect(view.rawExport).toBe(false);
		expect(rawExportAllowed(results)).toBe(false);
	});

	it('shows one group’s gaps from its own visible cells, equal to a recount of the raw answers', async () => {
		const { view } = await dashboard('?gruppe=verwaltung&horizont=morgen');
		expect(view).toMatchObject({ group: 'verwaltung', groupHidden: false, horizon: 'morgen' });
		expect(view.gaps.map((g) => g.horizon)).toEqual(['morgen']);
		for (const row of view.gaps[0].rows.slice(0, 3)) {
			const importance = await rawMean(demo.closedStudyId, row.code, 'importance', 'morgen', 'verwaltung');
			const proficiency = await rawMean(demo.closedStudyId, row.code, 'proficiency', '', 'verwaltung');
			expect(row.importanceMean).toBeCloseTo(importance, 10);
			expect(row.proficiencyMean).toBeCloseTo(proficiency, 10);
			expect(row.meanGap).toBeCloseTo(importance - proficiency, 10);
		}
		const point = view.matrix.points[0];
		expect(point.y).toBeCloseTo(await rawMean(demo.closedStudyId, point.code, 'importance', 'morgen', 'verwaltung'), 10);
		expect(view.disagreement.every((d) => d.higherGroup === 'verwaltung' || d.lowerGroup === 'verwaltung')).toBe(true);
		expect(view.disagreement.every((d) => d.horizon === null || d.horizon === 'morgen')).toBe(true);
		expect(view.consensus.every((c) => c.horizon === null || c.horizon === 'morgen')).toBe(true);
	});

	it('opens with key findings that repeat the figures of the sections below, for the group shown', async () => {
		const { view } = await dashboard('?gruppe=verwaltung');
		const gaps = view.overview.filter((f) => f.kind === 'gap');
		expect(gaps[0]).toMatchObject({ horizon: view.gaps[0].horizon, code: view.gaps[0].rows[0].code, gap: view.gaps[0].rows[0].meanGap });
		const rising = view.overview.find((f) => f.kind === 'rising');
		if (!rising) throw new Error('the demo has a competence that gains importance: the overview must name it');
		expect(rising.from).toBeCloseTo(await rawMean(demo.closedStudyId, rising.code, 'importance', rising.firstHorizon, 'verwaltung'), 10);
		const split = view.overview.find((f) => f.kind === 'disagreement');
		if (!split) throw new Error('the demo has groups that disagree: the overview must name it');
		expect([split.higherGroup, split.lowerGroup]).toContain('verwaltung');
		const consensus = view.overview.find((f) => f.kind === 'consensus');
		expect(consensus).toMatchObject({ reached: view.consensus.filter((c) => !c.suppressed && c.consensus === true).length });
		expect(view.overview.length).toBeGreaterThanOrEqual(3);
		expect(view.overview.length).toBeLessThanOrEqual(5);
	});

	it('falls back to all groups when the chosen group is hidden in the round', async () => {
		const { view } = await dashboard('?gruppe=wissenschaft');
		expect(view).toMatchObject({ group: ALL_GROUPS, groupHidden: true });
	});

	it('filters by area, Charter principle and dimension from the framework’s tags, and ignores unknown values', async () => {
		const study = await getStudy(owner, demo.closedStudyId);
		const setting = resultsSetting(study, await frameworkDocumentOfStudy(t.db, study), 'de');
		const byArea = await dashboard('?bereich=A3');
		expect(byArea.view.competences.length).toBeGreaterThan(0);
		expect(byArea.view.competences.map((c) => c.code)).toEqual(setting.competences.filter((c) => c.areaCode === 'A3').map((c) => c.code));
		expect(byArea.view.heatmap.rows.map((r) => r.code)).toEqual(byArea.view.competences.map((c) => c.code));
		expect(byArea.view.gaps.every((g) => g.rows.every((r) => r.code.startsWith('A3.')))).toBe(true);

		const byPrinciple = await dashboard('?grundsatz=P3&dimension=just');
		const expected = setting.competences.filter((c) => c.principles.includes('P3') && c.dimensions.includes('just')).map((c) => c.code);
		expect(byPrinciple.view.competences.map((c) => c.code)).toEqual(expected);
		expect(byPrinciple.query).toBe('?grundsatz=P3&dimension=just');

		const unknown = await dashboard('?bereich=Z9&horizont=%3Cscript%3E&gruppe=all&grundsatz=P9');
		expect(unknown.view.filter).toEqual({ horizon: null, area: null, principle: null, dimension: null, group: null });
		expect(unknown.view.competences).toHaveLength(setting.competences.length);
	});

	it('refuses a round that is no number or has no results, in German', async () => {
		expect(() => parseRound('zwei')).toThrow(/keine Rundennummer/);
		expect(parseRound(null)).toBeUndefined();
		expect(parseRound('1')).toBe(1);
		const error = await rejected(dashboard('?runde=7'));
		expect(error.code).toBe('validation_failed');
		expect(error.message).toBe('Für Runde 7 gibt es keine Ergebnisse.');
		expect((await rejected(dashboard('?runde=1%3B'))).code).toBe('validation_failed');
		expect((await dashboard('?runde=1')).query).toBe('?runde=1');
	});

	it('explains, instead of failing, that results come once the first round is closed', async () => {
		const page = await loadDashboard(t.db, await getStudy(owner, demo.openStudyId), url(), 'de');
		expect(page).toMatchObject({ state: 'empty', progress: { status: 'open', round: 1, rounds: 1 } });
		expect((await rejected(loadCompetencePage(t.db, await getStudy(owner, demo.openStudyId), 'A4.1', url(), 'de'))).code).toBe('conflict');
	});

	it('shows one competence with every item per group and its gap per horizon', async () => {
		const study = await getStudy(owner, demo.closedStudyId);
		const page = await loadCompetencePage(t.db, study, 'A1.1', url('?gruppe=politik'), 'en');
		expect(page.competence).toMatchObject({ code: 'A1.1', areaCode: 'A1' });
		expect(page.items.map((i) => [i.measure, i.horizon])).toEqual([
			['importance', 'heute'],
			['importance', 'morgen'],
			['importance', 'uebermorgen'],
			['proficiency', null]
		]);
		for (const item of page.items) {
			expect(item.cells.map((c) => c.group)).toEqual([...study.groups.map((g) => g.key), ALL_GROUPS]);
			expect(item.cells.find((c) => c.group === 'wissenschaft')).toEqual({ group: 'wissenschaft', suppressed: true });
		}
		expect(page.gaps).toHaveLength(3);
		expect(page.changes).toEqual([]);
		expect(page.query).toBe('?gruppe=politik');
		expect((await rejected(loadCompetencePage(t.db, study, 'Z9.9', url(), 'de'))).code).toBe('not_found');
	});
});

describe('Delphi rounds and public results', () => {
	let studyId: string;

	beforeAll(async () => {
		// Round 1: everyone rates 3; round 2: Verwaltung moves to 4. Kultur (2 people) stays hidden.
		({ id: studyId } = await runStudy(t.db, owner, {
			title: 'Delphi-Test',
			frameworkId,
			competences: ['A1.1', 'A2.1'],
			rounds: 2,
			groups: [
				{ key: 'verwaltung', label: 'Verwaltung', participants: 6 },
				{ key: 'politik', label: 'Politik', participants: 5 },
				{ key: 'zivil', label: 'Zivilgesellschaft', participants: 7 },
				{ key: 'kultur', label: 'Kultur', participants: 2 }
			],
			value: ({ group, round, person }) => (round === 2 && group === 'verwaltung' ? 4 : person % 2 ? 3 : 2),
			publish: true
		}));
	}, 120_000);

	it('compares means and medians of visible cells between closed rounds', async () => {
		const study = await getStudy(owner, studyId);
		const page = await loadCompetencePage(t.db, study, 'A1.1', url('?runde=2'), 'de');
		expect(page.round).toBe(2);
		expect(page.changeRounds).toEqual([1, 2]);
		const verwaltung = page.changes.find((c) => c.measure === 'importance' && c.horizon === 'heute' && c.group === 'verwaltung')!;
		// Round 1: 2, 3, 2, 3, 2, 3 → mean 2.5, median 2.5; round 2: all 4.
		expect(verwaltung.rounds[0]).toMatchObject({ round: 1, suppressed: false, n: 6, mean: 2.5, median: 2.5, meanChange: null });
		expect(verwaltung.rounds[1]).toMatchObject({ round: 2, suppressed: false, n: 6, mean: 4, median: 4, meanChange: 1.5, medianChange: 1.5 });
		const kultur = page.changes.find((c) => c.measure === 'importance' && c.horizon === 'heute' && c.group === 'kultur')!;
		for (const round of kultur.rounds) expect(round).toMatchObject({ suppressed: true, mean: null, median: null, meanChange: null, medianChange: null });
		const all = page.changes.find((c) => c.measure === 'proficiency' && c.group === ALL_GROUPS)!;
		expect(all.rounds.every((r) => r.suppressed || r.mean !== null)).toBe(true);

		const first = await dashboard('?runde=1', studyId);
		expect(first.view.round).toBe(1);
		expect(first.setting.rounds).toEqual([1, 2]);
	});

	it('finds a study for the public only when it is published, in its own organisation', async () => {
		const organisation = owner.org.orgSlug;
		const found = await findPublishedStudy(t.db, organisation, studyId);
		expect(found?.study.id).toBe(studyId);
		expect(found?.organisation.slug).toBe(organisation);
		expect(await findPublishedStudy(t.db, organisation, demo.closedStudyId)).toBeNull();
		expect(await findPublishedStudy(t.db, 'gibt-es-nicht', studyId)).toBeNull();
		expect(await findPublishedStudy(t.db, organisation, 'keine-uuid')).toBeNull();
		const other = await tenantAs(t.db, 'Stadt Gera', 'owner');
		expect(await findPublishedStudy(t.db, other.org.orgSlug, studyId)).toBeNull();
		const page = await loadDashboard(t.db, found!.study, url(), 'de');
		expect(page.state).toBe('results');
	});
});
