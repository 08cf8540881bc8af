import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../../../tests/helpers/days';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { organiserAt, tenantAs, visitorAt } from '../../../../tests/helpers/actors';
import { rejected } from '../../../../tests/helpers/errors';
import { startTestSmtp } from '../../../../tests/helpers/smtp';
import { catalogueModules, catalogueRegistrations } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { collectForRequest } from '../gdpr/export-personal-data';
import { erasePersonalData } from '../gdpr/erase-personal-data';
import type { TenantContext } from '../tenant';
import { applyRetention } from './apply-retention';
import { createSession } from './create-session';
import { eraseRegistration } from './erase-registration';
import { exportRegistrations } from './export-registrations';
import { readModuleForm, readRegistrationForm } from './forms';
import { sessionRegistrations } from './list-session-registrations';
import { registerForSession } from './register-for-session';
import { registerPerson } from './register-person';
import { saveModule } from './save-module';

let t: TestDatabase;
let organiser: TenantContext;
let moduleId: string;
let sessionId: string;
let dietId: string;
let unitId: string;

const DAY = 86_400_000;
let addresses = 0;
const visitor = (now?: Date) => ({ ...visitorAt(t.db, now), clientAddress: `198.51.100.${++addresses}` });
const person = (n: string, answers: Record<string, string>) => ({ name: `Person ${n}`, email: `${n}@example.org`, organisation: 'Stadt', group: 'verwaltung', answers });
const MODULE = { title: 'Klimaanpassung im Quartier', format: 'workshop', status: 'published', description: 'Text' };

beforeAll(async () => {
	t = await createTestDatabase();
	await startTestSmtp();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Jena', 'organiser');
	moduleId = (
		await saveModule(organiser, {
			...MODULE,
			registrationQuestions: [
				{ label: 'Essenswünsche', kind: 'text' },
				{ label: 'Fachbereich', kind: 'choice', required: true, options: ['Bauamt', 'Umweltamt'] }
			]
		})
	).id;
	const [module] = await t.db.select().from(catalogueModules).where(eq(catalogueModules.id, moduleId));
	[dietId, unitId] = module.registrationQuestions.map((q) => q.id);
	sessionId = (await createSession(organiser, moduleId, { start: inDays(10).toISOString(), end: inDays(10, 15).toISOString(), location: 'Rathaus', capacity: 10 })).id;
});

describe('a module’s own registration questions', () => {
	it('are asked on registration: a missing required answer or a foreign choice is refused in German, with the other problems, and nothing is written', async () => {
		const error = await rejected(registerForSession(visitor(), { sessionId, input: { ...person('ohne', {}), name: '' }, consent: true }));
		expect(error.code).toBe('validation_failed');
		expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'name' }), { path: `answers.${unitId}`, message: 'Bitte wählen Sie bei „Fachbereich“ eine Antwort.' }]));
		const foreign = await rejected(registerForSession(visitor(), { sessionId, input: person('fremd', { [unitId]: 'Kämmerei' }), consent: true }));
		expect(foreign.details[0].message).toContain('Bauamt, Umweltamt');
		expect(await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId))).toEqual([]);
	});

	it('keep the answers with the registration and show them in the list and the export', async () => {
		await registerForSession(visitor(), { sessionId, input: person('mia', { [dietId]: ' vegetarisch ', [unitId]: 'Umweltamt' }), consent: true });
		// An organiser registering someone by phone may leave a required question open.
		await registerPerson(organiserAt(organiser), sessionId, person('tom', {}));
		const list = await sessionRegistrations(organiserAt(organiser), sessionId);
		expect(list.find((r) => r.name === 'Person mia')?.answers).toEqual({ [dietId]: 'vegetarisch', [unitId]: 'Umweltamt' });
		expect(list.find((r) => r.name === 'Person tom')?.answers).toEqual({});

		const [header, ...rows]: string[][] = parse(String((await exportRegistrations(organiserAt(organiser), sessionId, 'csv')).body), { delimiter: ';', bom: true });
		expect(header.slice(-2)).toEqual(['Essenswünsche', 'Fachbereich']);
		expect(rows.find((r) => r[1] === 'Person mia')?.slice(-2)).toEqual(['vegetarisch', 'Umweltamt']);
	});

	it('keep their answers when the organiser rewords a question, and the module form maps problems to the question’s row', async () => {
		const form = new FormData();
		for (const [key, value] of Object.entries({ title: MODULE.title, format: 'workshop', description: 'Text', rq0_id: dietId, rq0_label: 'Ernährung', rq0_kind: 'text', rq1_id: unitId, rq1_label: 'Fachbereich', rq1_kind: 'choice', rq1_options: 'Bauamt\nUmweltamt', rq1_required: 'yes', rq2_label: 'Kommen Sie mit dem Rad?', rq2_kind: 'choice', rq2_options: 'ja' })) {
			form.set(key, value);
		}
		const reading = readModuleForm(form);
		expect(reading.fieldFor('registrationQuestions[2].options')).toBe('rq2_options');
		const error = await rejected(saveModule(organiser, reading.input, moduleId));
		expect(error.details).toEqual([{ path: 'registrationQuestions[2].options', message: 'Eine Auswahlfrage braucht mindestens zwei Antwortmöglichkeiten (eine je Zeile).' }]);

		form.set('rq2_options', 'ja\nnein');
		await saveModule(organiser, readModuleForm(form).input, moduleId);
		const [module] = await t.db.select().from(catalogueModules).where(eq(catalogueModules.id, moduleId));
		expect(module.registrationQuestions.map((q) => [q.id === dietId, q.id === unitId, q.label, q.required])).toEqual([
			[true, false, 'Ernährung', false],
			[false, true, 'Fachbereich', true],
			[false, false, 'Kommen Sie mit dem Rad?', false]
		]);
		const list = await sessionRegistrations(organiserAt(organiser), sessionId);
		expect(list.find((r) => r.name === 'Person mia')?.answers[dietId]).toBe('vegetarisch');
	});

	it('reads answers from the registration form fields answer_<id> and shows a problem at its field', () => {
		const form = new FormData();
		form.set('name', 'A');
		form.set(`answer_${unitId}`, 'Bauamt');
		const reading = readRegistrationForm(form);
		expect(reading.input.person.answers).toEqual({ [unitId]: 'Bauamt' });
		expect(reading.fieldFor(`answers.${unitId}`)).toBe(`answer_${unitId}`);
	});

	it('are erased with the registration: on request, by the GDPR erase and after the retention period, and are in the GDPR export', async () => {
		const questions = { [dietId]: 'vegan', [unitId]: 'Bauamt' };
		const a = await registerPerson(organiserAt(organiser), sessionId, person('erase', questions));
		await eraseRegistration(organiserAt(organiser), a.id);

		await registerPerson(organiserAt(organiser), sessionId, person('gdpr', questions));
		const gdprCtx = { ...visitorAt(t.db), actor: { userId: organiser.actor.userId }, org: { orgId: organiser.org.orgId } };
		const data = await collectForRequest(gdprCtx, { email: 'gdpr@example.org' }, 'json');
		expect(data.registrations[0].answers).toEqual([
			{ question: 'Ernährung', answer: 'vegan' },
			{ question: 'Fachbereich', answer: 'Bauamt' }
		]);
		await erasePersonalData(gdprCtx, { email: 'gdpr@example.org' });

		const kept = await registerPerson(organiserAt(organiser), sessionId, person('kept', questions));
		await applyRetention({ db: t.db, now: new Date(Date.now() + 400 * DAY) }, { orgId: organiser.org.orgId });

		const rows = await t.db.select({ id: catalogueRegistrations.id, answers: catalogueRegistrations.answers, anonymisedAt: catalogueRegistrations.anonymisedAt }).from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, sessionId));
		expect(rows.find((r) => r.id === kept.id)?.anonymisedAt).not.toBeNull();
		expect(rows.map((r) => r.answers)).toEqual(rows.map(() => ({})));
	});
});
