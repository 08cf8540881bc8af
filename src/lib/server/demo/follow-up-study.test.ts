/**
 * The demo's follow-up study: compared with the demo's first study, the competences of the seed
 * module are rated clearly better mastered, the others about as before, and Wissenschaft (below k
 * in both) never shows a figure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import type { StudyComparison } from '../../domain/results/study-comparison';
import { SEED_COMPETENCES } from '../catalogue/demo';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { compareStudies } from '../results/compare-studies';
import { loadStudyDemo } from '../studies/demo';
import { getStudy } from '../studies/get-study';
import { FOLLOW_UP_TITLE, loadFollowUpDemo } from './follow-up-study';

let t: TestDatabase;
let comparison: StudyComparison;
let followUpStatus: string;

beforeAll(async () => {
	t = await createTestDatabase();
	await ensureDefaultFramework(t.db);
	const owner = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
	const { closedStudyId } = await loadStudyDemo(t.db, owner, 'http://x');
	const { followUpStudyId } = await loadFollowUpDemo(t.db, owner, 'http://x');
	followUpStatus = (await getStudy(owner, followUpStudyId)).status;
	comparison = await compareStudies(owner, { baseStudyId: closedStudyId, followUpStudyId });
}, 180_000);

const trained = new Set<string>(SEED_COMPETENCES.map((c) => c.code));
const proficiencyOfAll = () =>
	comparison.items
		.filter((item) => item.measure === 'proficiency')
		.map((item) => ({ competence: item.competence, cell: item.cells.find((c) => c.group === 'all')! }));

describe('the follow-up demo study', () => {
	it('is closed and compared with the first demo study on every competence', () => {
		expect(followUpStatus).toBe('closed');
		expect(comparison.base.title).toBe('Wissensbedarf Altenburg 2027');
		expect(comparison.followUp.title).toBe(FOLLOW_UP_TITLE);
		expect(comparison.onlyInBase.competences).toEqual([]);
		expect(comparison.onlyInFollowUp.competences).toEqual([]);
	});

	it('shows the trained competences clearly better mastered, with a supported difference', () => {
		for (const { competence, cell } of proficiencyOfAll().filter((entry) => trained.has(entry.competence))) {
			if (cell.suppressed) throw new Error(`all groups of ${competence} must be visible`);
			expect(cell.delta, competence).toBeGreaterThan(0.33);
			expect(cell.test!.pValue, competence).toBeLessThan(0.05);
			expect(cell.sentence).toContain('besser eingeschätzt als in „Wissensbedarf Altenburg 2027“');
		}
	});

	it('shows the other competences about as before', () => {
		const others = proficiencyOfAll().filter((entry) => !trained.has(entry.competence));
		expect(others.length).toBeGreaterThan(10);
		for (const { competence, cell } of others) {
			if (cell.suppressed) throw new Error(`all groups of ${competence} must be visible`);
			expect(Math.abs(cell.delta!), competence).toBeLessThan(0.33);
		}
	});

	it('never shows a figure of Wissenschaft', () => {
		for (const item of comparison.items) expect(item.cells.find((c) => c.group === 'wissenschaft')).toEqual({ group: 'wissenschaft', suppressed: true });
	});
});
