/**
 * "Was hat sich verändert?" end to end: two real studies of one organisation run through the use
 * cases (answers, counters, closing), compared through compareStudies and the API.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs } from '../../../../tests/helpers/actors';
import { callRoute } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { GET as comparisonRoute } from '../../../routes/api/v1/studies/[id]/comparison/+server';
import type { Actor } from '../auth/actor';
import { closeDatabase } from '../db/client';
import { conditionsCatalogueId, ensureDefaultFramework, ensureShippedFrameworks } from '../frameworks/default-framework';
import { openApiDocument } from '../openapi/document';
import { changeStudyStatus } from '../studies/change-study-status';
import { createStudy } from '../studies/create-study';
import type { TenantContext } from '../tenant';
import { compareStudies } from './compare-studies';
import { getComparisonView } from './get-comparison-view';
import { runStudy } from './test-fixtures';

type Value = 1 | 2 | 3 | 4 | 5;

/** Proficiency of Verwaltung's six people; everything else is rated 3 (proficiency) or 4 (importance). */
const BEFORE: Value[] = [2, 2, 3, 3, 2, 3];
const AFTER: Value[] = [4, 4, 3, 4, 5, 4];

let t: TestDatabase;
let owner: TenantContext;
let viewer: TenantContext;
let facilitator: TenantContext;
let other: TenantContext;
let baseId: string;
let followUpId: string;
let openId: string;
let foreignId: string;
let selfCheckId: string;
let lastSelfCheckId: string;

const tokenActor = (ctx: TenantContext): Actor => ({ ...ctx.actor, via: 'token' });

beforeAll(async () => {
	t = await createTestDatabase();
	await closeDatabase();
	process.env.DATABASE_URL = t.url;
	const frameworkId = await ensureDefaultFramework(t.db);
	owner = await tenantAs(t.db, 'Stadt Vergleich', 'owner');
	viewer = await tenantAs(t.db, 'Stadt Vergleich', 'viewer', 'results.read');
	facilitator = await tenantAs(t.db, 'Stadt Vergleich', 'facilitator', 'sessions.facilitate');
	other = await tenantAs(t.db, 'Stadt Anderswo', 'owner');
	/** Verwaltung rates its proficiency as given; everything else is a 3 (proficiency) or a 4 (importance). */
	const study = (title: string, competences: string[], participants: [number, number, number], proficiency: Value[]) =>
		runStudy(t.db, owner, {
			title,
			frameworkId,
			competences,
			groups: ['Verwaltung', 'Zivilgesellschaft', 'Wissenschaft'].map((label, index) => ({ key: label.toLowerCase(), label, participants: participants[index] })),
			value: ({ group, person, measure }) => (measure === 'importance' ? 4 : group === 'verwaltung' ? proficiency[person] : 3)
		});
	// Base: Wissenschaft (2) is below k = 5; Zivilgesellschaft (5), the smallest visible group, is hidden as its complement.
	({ id: baseId } = await study('Wissensbedarf 2025', ['A1.1', 'A1.2', 'A3.1'], [6, 5, 2], BEFORE));
	// Follow-up: every group visible on its own; a different third competence.
	({ id: followUpId } = await study('Wissensbedarf 2026 – Folgebefragung', ['A1.1', 'A1.2', 'A3.4'], [6, 6, 6], AFTER));
	({ id: openId } = await createStudy(owner, { title: 'Noch offen', frameworkId, competences: ['A1.1'] }));
	await changeStudyStatus(owner, openId, 'open');
	({ id: foreignId } = await runStudy(t.db, other, { title: 'Fremd', frameworkId, groups: [{ key: 'verwaltung', label: 'Verwaltung', participants: 5 }], value: () => 3 }));
	// Two Rahmenbedingungen self-checks (issue 16): comparable with each other, never with a competence study.
	await ensureShippedFrameworks(t.db);
	const catalogueId = (await conditionsCatalogueId(t.db))!;
	const selfCheck = (title: string, today: Value) =>
		runStudy(t.db, owner, { title, frameworkId: catalogueId, competences: ['R1.1', 'R1.2'], groups: [{ key: 'verwaltung', label: 'Verwaltung', participants: 5 }], value: ({ measure }) => (measure === 'proficiency' ? today : 4) });
	({ id: lastSelfCheckId } = await selfCheck('Selbstcheck 2025', 2));
	({ id: selfCheckId } = await selfCheck('Selbstcheck 2026', 4));
	return closeDatabase;
}, 180_000);

describe('compareStudies', () => {
	it('shows the rise in Verwaltung’s proficiency with Mann–Whitney U, Cliff’s delta and a sentence', async () => {
		const comparison = await compareStudies(owner, { baseStudyId: baseId, followUpStudyId: followUpId });
		expect(comparison.base).toEqual({ id: baseId, title: 'Wissensbedarf 2025', round: 1 });
		expect(comparison.followUp).toEqual({ id: followUpId, title: 'Wissensbedarf 2026 – Folgebefragung', round: 1 });
		const proficiency = comparison.items.find((i) => i.competence === 'A1.1' && i.measure === 'proficiency')!;
		const cell = proficiency.cells.find((c) => c.group === 'verwaltung')!;
		if (cell.suppressed) throw new Error('Verwaltung is visible in both studies');
		// after 3,4,4,4,4,5 vs before 2,2,2,3,3,3: R wilcox.test(after, before, exact = FALSE, correct = TRUE)
		// (SciPy mannwhitneyu, asymptotic, continuity): W = 34.5, p = 0.007432334768128195; δ = (34.5 − 1.5)/36 = 0.9167: groß.
		expect(cell).toMatchObject({ nBefore: 6, nAfter: 6, meanBefore: 2.5, meanAfter: 4, change: 1.5, magnitude: 'large', sizeWord: 'groß' });
		expect(cell.test?.u).toBe(34.5);
		expect(cell.test?.pValue).toBeCloseTo(0.007432334768128195, 12);
		expect(cell.delta).toBeCloseTo(33 / 36, 12);
		expect(cell.sentence).toMatch(/^Die Kompetenz „.+“ wird von der Gruppe „Verwaltung“ besser eingeschätzt als in „Wissensbedarf 2025“: 2,5 → 4,0, Unterschied groß \(p = 0,007\)\.$/);
		expect(proficiency.title).not.toBe('A1.1');
		const importance = comparison.items.find((i) => i.competence === 'A1.1' && i.measure === 'importance' && i.horizon === 'heute')!;
		expect(importance.cells.find((c) => c.group === 'verwaltung')).toMatchObject({ suppressed: false, change: 0, sizeWord: 'vernachlässigbar' });
	});

	it('shows nothing of groups hidden in the base study, though they are visible in the follow-up', async () => {
		const comparison = await compareStudies(viewer, { baseStudyId: baseId, followUpStudyId: followUpId });
		for (const item of comparison.items) {
			expect(item.cells.find((c) => c.group === 'wissenschaft')).toEqual({ group: 'wissenschaft', suppressed: true });
			expect(item.cells.find((c) => c.group === 'zivilgesellschaft')).toEqual({ group: 'zivilgesellschaft', suppressed: true });
			expect(item.cells.find((c) => c.group === 'all')).toMatchObject({ suppressed: false, nBefore: 13, nAfter: 18 });
		}
	});

	it('matches competences by code and lists the others as only in one study', async () => {
		const comparison = await compareStudies(owner, { baseStudyId: baseId, followUpStudyId: followUpId });
		expect([...new Set(comparison.items.map((i) => i.competence))]).toEqual(['A1.1', 'A1.2']);
		expect(comparison.onlyInBase.competences.map((c) => c.code)).toEqual(['A3.1']);
		expect(comparison.onlyInFollowUp.competences.map((c) => c.code)).toEqual(['A3.4']);
	});

	it('refuses in German: the same study, a study without a closed round, an unknown round, another organisation’s study', async () => {
		await expect(compareStudies(owner, { baseStudyId: baseId, followUpStudyId: baseId })).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('nicht mit sich selbst') });
		await expect(compareStudies(owner, { baseStudyId: openId, followUpStudyId: followUpId })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('„Noch offen“ hat noch keine geschlossene Runde') });
		await expect(compareStudies(owner, { baseStudyId: baseId, followUpStudyId: followUpId, baseRound: 2 })).rejects.toMatchObject({ code: 'validation_failed', details: [{ path: 'withRound', message: 'Möglich: 1.' }] });
		await expect(compareStudies(owner, { baseStudyId: foreignId, followUpStudyId: followUpId })).rejects.toMatchObject({ code: 'not_found', message: 'Die Analyse zum Vergleich gibt es nicht.' });
		await expect(compareStudies(other, { baseStudyId: foreignId, followUpStudyId: followUpId })).rejects.toMatchObject({ code: 'not_found', message: 'Diese Analyse gibt es nicht.' });
	});

	it('compares a self-check with last year’s self-check, and refuses a competence study for it in German', async () => {
		const comparison = await compareStudies(owner, { baseStudyId: lastSelfCheckId, followUpStudyId: selfCheckId });
		const today = comparison.items.find((i) => i.competence === 'R1.1' && i.measure === 'proficiency')!;
		expect(today.cells.find((c) => c.group === 'verwaltung')).toMatchObject({ suppressed: false, meanBefore: 2, meanAfter: 4 });
		expect(today.cells.find((c) => c.group === 'verwaltung')).toMatchObject({ sentence: expect.stringMatching(/^Die Bedingung „Es gibt eine feste Ansprechperson .+“ wird von der Gruppe „Verwaltung“ besser eingeschätzt als in „Selbstcheck 2025“: 2,0 → 4,0/) });
		const refused = { code: 'validation_failed', message: expect.stringContaining('verschiedenen Instrumenten'), details: [{ path: 'with', message: 'Bitte eine Analyse mit demselben Instrument wählen.' }] };
		await expect(compareStudies(owner, { baseStudyId: baseId, followUpStudyId: selfCheckId })).rejects.toMatchObject(refused);
		await expect(compareStudies(owner, { baseStudyId: selfCheckId, followUpStudyId: followUpId })).rejects.toMatchObject(refused);
	});
});

describe('GET /api/v1/studies/{id}/comparison', () => {
	const get = (id: string, query: string, actor?: Actor) => callRoute(comparisonRoute, { path: `/api/v1/studies/${id}/comparison${query}`, params: { id }, actor });

	it('answers a viewer’s API key with the comparison, and refuses without key, for a facilitator and for another organisation', async () => {
		const answer = await get(followUpId, `?with=${baseId}`, tokenActor(viewer));
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ base: { id: baseId }, followUp: { id: followUpId }, onlyInBase: { competences: [{ code: 'A3.1' }] } });
		expect((await get(followUpId, `?with=${baseId}`)).status).toBe(401);
		expect((await get(followUpId, `?with=${baseId}`, tokenActor(facilitator))).status).toBe(403);
		const foreign = await get(followUpId, `?with=${baseId}`, tokenActor(other));
		expect(foreign.status).toBe(404);
		expect(foreign.text).not.toContain('Wissensbedarf');
	});

	it('answers 422 in German for a missing or malformed "with" and a wrong round, 409 for an open study', async () => {
		const missing = await get(followUpId, '', tokenActor(owner));
		expect(missing.status).toBe(422);
		expect(missing.json.error?.details).toEqual([{ path: 'with', message: 'Bitte geben Sie mit „with“ die frühere Analyse an, mit der verglichen werden soll.' }]);
		expect((await get(followUpId, '?with=abc', tokenActor(owner))).json.error?.details).toEqual([{ path: 'with', message: '„with“ muss die ID einer Analyse sein.' }]);
		expect((await get(followUpId, `?with=${baseId}&round=7`, tokenActor(owner))).status).toBe(422);
		expect((await get(openId, `?with=${baseId}`, tokenActor(owner))).json.error?.code).toBe('conflict');
	});

	it('answers 422 in German for a self-check compared with a competence study', async () => {
		const refused = await get(selfCheckId, `?with=${baseId}`, tokenActor(owner));
		expect(refused.status).toBe(422);
		expect(refused.json.error?.message).toBe('„Wissensbedarf 2025“ und „Selbstcheck 2026“ fragen mit verschiedenen Instrumenten (Kompetenzen oder Rahmenbedingungen) – sie lassen sich nicht vergleichen. Bitte wählen Sie eine Analyse mit demselben Instrument.');
		expect((await get(selfCheckId, `?with=${lastSelfCheckId}`, tokenActor(owner))).status).toBe(200);
	});

	it('is in the OpenAPI document', () => {
		const paths = openApiDocument('https://stadtwissen.test/api/v1').paths as Record<string, Record<string, { parameters?: { name: string }[] }>>;
		expect(paths['/studies/{id}/comparison']?.get.parameters?.map((p) => p.name)).toEqual(['id', 'with', 'round', 'withRound']);
	});
});

describe('getComparisonView (the results page)', () => {
	const view = (query = '') => getComparisonView({ ...organiserAt(viewer), locale: 'de' }, followUpId, new URL(`https://stadtwissen.test/app/analysen/${followUpId}/ergebnisse${query}`));

	it('offers the organisation’s other studies with a closed round, nothing compared until one is chosen', async () => {
		const page = await view();
		expect(page).toMatchObject({ candidates: [{ id: baseId, title: 'Wissensbedarf 2025' }], selected: null, group: 'all', comparison: null, error: null });
	});

	it('offers a self-check only the other self-checks, and a competence study no self-check', async () => {
		const page = await getComparisonView({ ...organiserAt(viewer), locale: 'de' }, selfCheckId, new URL(`https://stadtwissen.test/app/analysen/${selfCheckId}/ergebnisse`));
		expect(page?.candidates).toEqual([{ id: lastSelfCheckId, title: 'Selbstcheck 2025' }]);
		expect((await view())?.candidates.map((c) => c.title)).not.toContain('Selbstcheck 2025');
	});

	it('shows the chosen group’s comparison, the largest difference first, with its sentence', async () => {
		const page = await view(`?vergleich=${baseId}&vergleich-gruppe=verwaltung&runde=1`);
		expect(page?.group).toBe('verwaltung');
		expect(page?.comparison?.rows[0]).toMatchObject({ competence: 'A1.1', measure: 'proficiency', cell: { suppressed: false, sizeWord: 'groß' } });
		// Verwaltung rates its proficiency higher in both shared competences; importance stayed the same.
		expect(page?.comparison?.notable).toHaveLength(2);
		for (const sentence of page!.comparison!.notable) expect(sentence).toContain('von der Gruppe „Verwaltung“ besser eingeschätzt als in „Wissensbedarf 2025“: 2,5 → 4,0');
		// A group the studies do not share falls back to all groups.
		expect((await view(`?vergleich=${baseId}&vergleich-gruppe=politik`))?.group).toBe('all');
	});

	it('explains in German why a chosen study cannot be compared, instead of failing the page', async () => {
		expect((await view(`?vergleich=${openId}`))?.error).toContain('„Noch offen“ hat noch keine geschlossene Runde');
		expect((await view('?vergleich=kaputt'))?.error).toBe('Diese Analyse gibt es nicht. Bitte wählen Sie eine aus der Liste.');
		expect((await view(`?vergleich=${foreignId}`))?.error).toBe('Die Analyse zum Vergleich gibt es nicht.');
		expect(await getComparisonView({ ...organiserAt(owner), locale: 'de' }, openId, new URL('https://stadtwissen.test/'))).toBeNull();
	});
});
