/**
 * The demo's self-check of last year: closed, on the conditions catalogue, with the administration
 * and the city makers seeing the contact point visibly differently, and Kultur (below k) never shown.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { cellOf, visibleCell, type DashboardPage } from '../../domain/results/dashboard-view';
import type { StudyResults } from '../../domain/results/study-results';
import { ensureShippedFrameworks } from '../frameworks/default-framework';
import { resultsOfStudy } from '../results/get-results';
import { loadDashboard } from '../results/results-views';
import { getStudy, type Study } from '../studies/get-study';
import { loadSelfCheckDemo, SELF_CHECK_TITLE } from './self-check';

let t: TestDatabase;
let study: Study;
let results: StudyResults;
let page: Extract<DashboardPage, { state: 'results' }>;

beforeAll(async () => {
	t = await createTestDatabase();
	await ensureShippedFrameworks(t.db);
	const owner = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
	const { selfCheckStudyId } = await loadSelfCheckDemo(t.db, owner, 'http://x');
	study = await getStudy(owner, selfCheckStudyId);
	results = await resultsOfStudy(t.db, study);
	const loaded = await loadDashboard(t.db, study, new URL('http://x/app/analysen/x/ergebnisse'), 'de');
	if (loaded.state !== 'results') throw new Error('expected results');
	page = loaded;
}, 180_000);

const today = (condition: string, group: string) => cellOf(results, condition, 'proficiency', null, group);

describe('the demo self-check', () => {
	it('is last year’s closed self-check on every condition, asked for today only', () => {
		expect(study).toMatchObject({ title: SELF_CHECK_TITLE, status: 'closed' });
		expect(study.competences).toHaveLength(27);
		expect(study.horizons.map((h) => h.key)).toEqual(['heute']);
		expect(page.setting.instrument).toBe('conditions');
	});

	it('shows the administration rating the contact point visibly higher than the city makers', () => {
		const administration = visibleCell(today('R1.1', 'verwaltung'));
		const cityMakers = visibleCell(today('R1.1', 'zivilgesellschaft'));
		expect(administration?.mean).toBeGreaterThanOrEqual(3.7);
		expect(cityMakers?.mean).toBeLessThanOrEqual(2.7);
		const row = page.view.disagreement.find((d) => d.code === 'R1.1' && d.measure === 'proficiency');
		expect(row).toMatchObject({ higherGroup: 'verwaltung', lowerGroup: 'zivilgesellschaft', magnitude: 'large' });
	});

	it('leads the self-check view with the conditions administration and city makers see most differently, and scores six dimensions', () => {
		const view = page.view.selfCheck!;
		expect(view.dimensions.map((d) => d.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
		expect(view.differences[0]).toMatchObject({ higher: { group: 'verwaltung' }, lower: { group: 'zivilgesellschaft' } });
		expect(view.differences.map((d) => d.code)).toContain('R1.1');
		expect(view.differences[0].difference).toBeGreaterThan(1.4);
	});

	it('never shows Kultur, which stays below the minimum group size', () => {
		expect(page.view.selfCheck!.groups).not.toContain('kultur');
		expect(results.groups.find((g) => g.key === 'kultur')).toMatchObject({ suppressed: true });
		expect(today('R1.1', 'kultur')).toMatchObject({ suppressed: true });
		for (const d of page.view.disagreement) expect([d.higherGroup, d.lowerGroup]).not.toContain('kultur');
	});

	it('has weak conditions to start from, each with its shipped first steps', () => {
		const weak = page.view.selfCheck!.weak;
		expect(weak.length).toBeGreaterThan(0);
		for (const condition of weak) expect(condition.firstSteps).toMatch(/\S/);
	});
});
