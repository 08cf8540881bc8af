/**
 * GET /api/v1/studies/{id}/results called as SvelteKit calls it: the whole round, one horizon or
 * one group, and German refusals for what the study does not have.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { callRoute, serveRoutesFrom } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { GET as resultsRoute } from '../../../routes/api/v1/studies/[id]/results/+server';
import type { StudyResults } from '../../domain/results/study-results';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { loadStudyDemo, type StudyDemo } from '../studies/demo';
import type { TenantContext } from '../tenant';

let t: TestDatabase;
let viewer: TenantContext;
let demo: StudyDemo;

beforeAll(async () => {
	t = await createTestDatabase();
	const closeRoutes = await serveRoutesFrom(t.url);
	await ensureDefaultFramework(t.db);
	const owner = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
	viewer = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'viewer', 'results.read');
	demo = await loadStudyDemo(t.db, owner, 'http://x');
	return closeRoutes;
}, 180_000);

type ResultsDocument = StudyResults & { openAnswers: { question: string; group: string; texts: string[] }[] };
const results = async (query = '') => {
	const response = await callRoute(resultsRoute, { path: `/api/v1/studies/${demo.closedStudyId}/results${query}`, params: { id: demo.closedStudyId }, actor: viewer.actor });
	return { ...response, document: response.json as unknown as ResultsDocument };
};

describe('GET /api/v1/studies/{id}/results', () => {
	it('gives the whole round with the released open answers, the same on every call', async () => {
		const first = await results();
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toBe('application/json');
		expect(first.document).toMatchObject({ round: 1, minGroupSize: 5 });
		expect(first.document.items.length).toBeGreaterThan(100);
		expect(first.document.openAnswers.map((a) => a.group)).toEqual(['verwaltung', 'zivilgesellschaft', 'wirtschaft']);
		expect((await results()).text).toBe(first.text);
	});

	it('gives one horizon, or one group with only its open answers, figures as in the whole round', async () => {
		const whole = (await results()).document;
		const morgen = (await results('?horizon=morgen')).document;
		expect(new Set(morgen.items.map((i) => i.horizon))).toEqual(new Set(['morgen', null]));
		expect(morgen.gaps.every((g) => g.horizon === 'morgen')).toBe(true);
		expect(morgen.items).toEqual(whole.items.filter((i) => i.horizon === 'morgen' || i.horizon === null));
		const verwaltung = (await results('?group=verwaltung&horizon=heute')).document;
		expect(verwaltung.items.every((i) => i.cells.length === 1 && i.cells[0].group === 'verwaltung')).toBe(true);
		expect(verwaltung.openAnswers.map((a) => a.group)).toEqual(['verwaltung']);
		// A hidden group stays hidden when asked for alone.
		const wissenschaft = (await results('?group=wissenschaft')).document;
		expect(wissenschaft.items.every((i) => i.cells[0].suppressed)).toBe(true);
		expect(JSON.stringify(wissenschaft)).not.toMatch(/"group":"wissenschaft","suppressed":false/);
	});

	it('names horizons and groups the study does not have, in German', async () => {
		const horizon = await results('?horizon=gestern');
		expect(horizon.status).toBe(422);
		expect(horizon.json.error?.message).toBe('Diesen Zeithorizont gibt es in der Analyse nicht. Möglich: heute, morgen, uebermorgen.');
		const group = await results('?group=presse');
		expect(group.status).toBe(422);
		expect(group.json.error?.details[0]).toMatchObject({ path: 'group' });
		expect(group.json.error?.message).toContain('Diese Gruppe gibt es in der Analyse nicht. Möglich: verwaltung');
		expect((await results('?round=7')).status).toBe(422);
	});
});
