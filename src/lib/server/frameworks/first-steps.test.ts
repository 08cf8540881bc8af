/**
 * First steps of a condition are edited in the organisation's own copy of the conditions catalogue
 * (issue 16): through the framework editor's form, validated in German, saved in the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { routeEvent } from '../../../../tests/helpers/route-event';
import { findCompetence } from '../../domain/framework/editing';
import { actions } from '../../../routes/app/kompetenzrahmen/[id]/kompetenz/[code]/+page.server';
import { closeDatabase } from '../db/client';
import type { TenantContext } from '../tenant';
import { createFramework } from './create-framework';
import { conditionsCatalogueId, ensureDefaultFramework, ensureShippedFrameworks } from './default-framework';
import { getCompetenceEditing } from './get-competence-editing';
import { getFramework } from './get-framework';

let t: TestDatabase;
let owner: TenantContext;
let copyId: string;
let competenceCopyId: string;
const saved = process.env.DATABASE_URL;

beforeAll(async () => {
	t = await createTestDatabase();
	await closeDatabase();
	process.env.DATABASE_URL = t.url;
	await ensureShippedFrameworks(t.db);
	owner = await tenantAs(t.db, 'Stadt Erste Schritte', 'owner');
	({ id: copyId } = await createFramework(owner, { kind: 'copy', frameworkId: (await conditionsCatalogueId(t.db))! }));
	({ id: competenceCopyId } = await createFramework(owner, { kind: 'copy', frameworkId: await ensureDefaultFramework(t.db) }));
}, 120_000);

afterAll(async () => {
	await closeDatabase();
	process.env.DATABASE_URL = saved;
});

const conditionForm = (overrides: Record<string, string>) => ({
	area: 'R1',
	code: 'R1.1',
	title_de: 'Es gibt eine feste Ansprechperson in der Verwaltung für Stadtmacher*innen.',
	title_en: 'There is a fixed contact person in the administration for city makers.',
	description_de: '',
	description_en: '',
	type: 'knowledge',
	...overrides
});
const save = (frameworkId: string, code: string, form: Record<string, string>) =>
	Promise.resolve(actions.default(routeEvent('http://127.0.0.1:3000', { actor: owner.actor, path: `/app/kompetenzrahmen/${frameworkId}/kompetenz/${code}`, params: { id: frameworkId, code }, form }))).catch((thrown: unknown) => thrown);
const stepsOf = async (frameworkId: string, code: string) => {
	const { competence } = findCompetence((await getFramework(owner, frameworkId)).document, code)!;
	return [competence.firstSteps_de, competence.firstSteps_en];
};

describe('first steps in the framework editor', () => {
	it('are on the form of a conditions catalogue only', async () => {
		const condition = await getCompetenceEditing(owner, copyId, 'R1.1', null);
		expect(condition.kind).toBe('conditions');
		expect(condition.competence?.firstSteps_de).toMatch(/\S/);
		expect((await getCompetenceEditing(owner, competenceCopyId, 'A1.1', null)).kind).toBe('competences');
	});

	it('refuses too long first steps in German and leaves the document as it was', async () => {
		const before = await stepsOf(copyId, 'R1.1');
		const refused = (await save(copyId, 'R1.1', conditionForm({ firstSteps_de: 'x'.repeat(2001) }))) as { status: number; data: { errors: Record<string, string> } };
		expect(refused.status).toBe(422);
		expect(refused.data.errors.firstSteps_de).toBe('Die ersten Schritte dürfen höchstens 2.000 Zeichen lang sein.');
		expect(await stepsOf(copyId, 'R1.1')).toEqual(before);
	});

	it('saves changed first steps in the document, and removes emptied ones', async () => {
		const done = (await save(copyId, 'R1.1', conditionForm({ firstSteps_de: 'Benennen Sie eine Lotsin mit festen Sprechzeiten.', firstSteps_en: '' }))) as { status: number; location: string };
		expect(done.status).toBe(303);
		expect(await stepsOf(copyId, 'R1.1')).toEqual(['Benennen Sie eine Lotsin mit festen Sprechzeiten.', undefined]);
	});
});
