/**
 * A Werkstatt question or statement becomes, in one step, a glossary entry draft or an open
 * question of a new or a draft study — only items of the organiser's own Werkstätten that are not
 * hidden (against the real database).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { phones, werkstattRequest } from '../../../../tests/helpers/werkstatt-phones';
import { werkstattModerateSchema, werkstattSeedSchema } from '../../schemas/werkstatt';
import type { OrgContext } from '../context';
import { studies } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { entryPrefillFromStatement } from '../glossary/prefill-from-statement';
import { createStudy } from '../studies/create-study';
import { newStudyForm, studyEditing } from '../studies/study-form';
import { validate } from '../validate';
import { createWerkstatt } from './create-werkstatt';
import { getWerkstattRoom } from './get-werkstatt-room';
import { joinWerkstatt } from './join-werkstatt';
import { moderateStatement } from './moderate-statement';
import { postStatement } from './post-statement';
import { seedStatements } from './seed-statements';

let t: TestDatabase;
let organiser: OrgContext;
let facilitator: OrgContext;
let foreign: OrgContext;
let frameworkId: string;
const phone = phones(() => t.db);

beforeAll(async () => {
	t = await createTestDatabase();
	frameworkId = await ensureDefaultFramework(t.db);
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...werkstattRequest() };
	facilitator = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate')), ...werkstattRequest() };
	foreign = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner')), ...werkstattRequest() };
});

async function werkstattWithItems() {
	const { id, code } = await createWerkstatt(organiser, { title: 'Leerstand beleben', moderation: 'post' });
	const [statement, hidden] = (
		await seedStatements(organiser, id, validate(werkstattSeedSchema, { statements: ['Zwischennutzung braucht eine feste Ansprechperson im Rathaus.', 'Eine verborgene Aussage.'] }))
	).statements;
	await moderateStatement(organiser, id, hidden, validate(werkstattModerateSchema, { action: 'hide' }));
	const { token } = await joinWerkstatt(phone(), code, { group: null });
	const question = (await postStatement(phone(), code, token, { text: 'Was ist eine  Konzeptvergabe?', kind: 'question' })).id;
	return { id, statement, hidden, question };
}

describe('a Werkstatt item as a glossary entry', () => {
	it('fills the entry form: a term-like question as the term, the text as the explanation, the Werkstatt as the source', async () => {
		const w = await werkstattWithItems();
		expect(await entryPrefillFromStatement(organiser, { werkstatt: w.id, statement: w.question })).toEqual({
			term: 'Konzeptvergabe',
			plain: 'Was ist eine Konzeptvergabe?',
			sources: 'Werkstatt „Leerstand beleben“'
		});
		// A sentence is no term: the organiser names it.
		expect(await entryPrefillFromStatement(organiser, { werkstatt: w.id, statement: w.statement })).toEqual({
			term: '',
			plain: 'Zwischennutzung braucht eine feste Ansprechperson im Rathaus.',
			sources: 'Werkstatt „Leerstand beleben“'
		});
		expect(await entryPrefillFromStatement(organiser, { werkstatt: null, statement: null })).toBeNull();
	});

	it('refuses hidden items, another organisation’s Werkstatt and a broken link', async () => {
		const w = await werkstattWithItems();
		for (const [ctx, reference] of [
			[organiser, { werkstatt: w.id, statement: w.hidden }],
			[foreign, { werkstatt: w.id, statement: w.statement }],
			[organiser, { werkstatt: w.id, statement: 'kaputt' }],
			[organiser, { werkstatt: null, statement: w.statement }]
		] as const) {
			const refusal = await rejected(entryPrefillFromStatement(ctx, reference));
			expect(refusal.code).toBe('not_found');
			expect(refusal.message).not.toContain('verborgene Aussage');
		}
	});
});

describe('a Werkstatt item as an open question of the next study', () => {
	it('adds the item to a new study’s open questions, after the default one', async () => {
		const w = await werkstattWithItems();
		const form = await newStudyForm(organiser, null, { werkstatt: w.id, statement: w.statement });
		expect(form.fromWerkstatt).toBe('Leerstand beleben');
		expect(form.initial.openQuestions).toBe('lernen: Was kann Verwaltung von Stadtmacher*innen lernen?\nwerkstatt: Zwischennutzung braucht eine feste Ansprechperson im Rathaus.');
		expect((await newStudyForm(organiser, null)).fromWerkstatt).toBeNull();
		expect((await rejected(newStudyForm(organiser, null, { werkstatt: w.id, statement: w.hidden }))).code).toBe('not_found');
	});

	it('adds it to a chosen draft under a key of its own, and refuses a study that is already open', async () => {
		const w = await werkstattWithItems();
		const draft = await createStudy(organiser, { title: 'Bedarf 2027', frameworkId, competences: ['A1.1'], openQuestions: [{ key: 'werkstatt', label: 'Was hat die letzte Werkstatt gebracht?' }] });
		const editing = await studyEditing(organiser, draft.id, null, { werkstatt: w.id, statement: w.question });
		expect(editing.editable).toBe('settings');
		expect(editing.fromWerkstatt).toBe('Leerstand beleben');
		expect(editing.editable === 'settings' && editing.initial.openQuestions).toBe('werkstatt: Was hat die letzte Werkstatt gebracht?\nwerkstatt2: Was ist eine Konzeptvergabe?');

		const room = await getWerkstattRoom(organiser, w.id);
		expect(room.drafts).toContainEqual({ id: draft.id, title: 'Bedarf 2027' });
		// Facilitators moderate, but glossary and studies are the organisers'.
		expect((await getWerkstattRoom(facilitator, w.id)).drafts).toEqual([]);

		await t.db.update(studies).set({ status: 'open' }).where(eq(studies.id, draft.id));
		expect((await rejected(studyEditing(organiser, draft.id, null, { werkstatt: w.id, statement: w.question }))).code).toBe('conflict');
		expect((await getWerkstattRoom(organiser, w.id)).drafts.map((d) => d.id)).not.toContain(draft.id);
	});
});
