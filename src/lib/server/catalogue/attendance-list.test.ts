/**
 * The attendance list (PDF) against the real database: the answers to the module's own
 * registration questions under each name (what the kitchen and the door need), only for those
 * with a confirmed seat, none for an erased registration — and the organisation's name, logo and
 * colour above the list.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../../../tests/helpers/days';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { organiserAt, tenantAs } from '../../../../tests/helpers/actors';
import { inflatedPdf, pdfText } from '../../../../tests/helpers/pdf';
import { startTestSmtp } from '../../../../tests/helpers/smtp';
import { catalogueModules } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { saveIdentity } from '../identity/save-identity';
import { setLogo } from '../identity/set-logo';
import type { TenantContext } from '../tenant';
import { answersLine, attendancePdf } from './attendance';
import { createSession } from './create-session';
import { eraseRegistration } from './erase-registration';
import { registerPerson } from './register-person';
import { saveModule } from './save-module';

let t: TestDatabase;
let organiser: TenantContext;

const person = (n: string, answers: Record<string, string>) => ({ name: `Person ${n}`, email: `${n}@example.org`, organisation: 'Stadt', group: 'verwaltung', answers });
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A published module with `questions`, one session of `capacity` seats. */
async function session(title: string, questions: { label: string; kind: 'text' | 'choice'; options?: string[] }[], capacity = 10) {
	const { id: moduleId } = await saveModule(organiser, { title, format: 'workshop', status: 'published', description: 'Text', registrationQuestions: questions });
	const [module] = await t.db.select().from(catalogueModules).where(eq(catalogueModules.id, moduleId));
	const { id } = await createSession(organiser, moduleId, { start: inDays(10).toISOString(), end: inDays(10, 15).toISOString(), location: 'Rathaus', capacity });
	return { id, questionIds: module.registrationQuestions.map((q) => q.id) };
}

const listText = async (sessionId: string) => pdfText(inflatedPdf((await attendancePdf(organiserAt(organiser), sessionId)).bytes));

beforeAll(async () => {
	t = await createTestDatabase();
	await startTestSmtp();
	await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Listenau', 'owner', 'identity.manage');
}, 180_000);

describe('the attendance list', () => {
	it('shows each person’s answers to the module’s own questions under their name, only for confirmed seats', async () => {
		const { id, questionIds } = await session('Klimaanpassung im Quartier', [
			{ label: 'Essenswünsche', kind: 'text' },
			{ label: 'Fachbereich', kind: 'choice', options: ['Bauamt', 'Umweltamt'] }
		], 2);
		const [diet, unit] = questionIds;
		const ctx = organiserAt(organiser);
		await registerPerson(ctx, id, person('mia', { [diet]: 'vegetarisch', [unit]: 'Umweltamt' }));
		await registerPerson(ctx, id, person('tom', { [unit]: 'Bauamt' }));
		// The third is on the waiting list: not on the attendance list, nor are their answers.
		await registerPerson(ctx, id, person('ida', { [diet]: 'ohne Nüsse' }));

		const text = await listText(id);
		expect(text).toMatch(/Unter dem Namen: die Antworten auf .Essenswünsche., .Fachbereich./);
		expect(text).toContain('Person mia');
		expect(text).toContain('Essenswünsche: vegetarisch · Fachbereich: Umweltamt');
		expect(text).toContain('Fachbereich: Bauamt');
		expect(text).not.toContain('Essenswünsche: ohne');
		expect(text).not.toContain('ohne Nüsse');
		expect(text).not.toContain('Person ida');
	});

	it('leaves the answers out for an erased registration, and has no answers line for a module without questions', async () => {
		const { id, questionIds } = await session('Beteiligung digital', [{ label: 'Essenswünsche', kind: 'text' }]);
		const ctx = organiserAt(organiser);
		const { id: registrationId } = await registerPerson(ctx, id, person('eva', { [questionIds[0]]: 'vegan' }));
		expect(await listText(id)).toContain('Essenswünsche: vegan');
		await eraseRegistration(ctx, registrationId);
		expect(await listText(id)).not.toContain('vegan');

		const without = await session('Ohne Fragen', []);
		await registerPerson(ctx, without.id, person('ben', {}));
		const text = await listText(without.id);
		expect(text).toContain('Person ben');
		expect(text).not.toContain('Unter dem Namen');
	});

	it('stands under the organisation’s name, logo and colour', async () => {
		const { id } = await session('Mit Briefkopf', []);
		const before = inflatedPdf((await attendancePdf(organiserAt(organiser), id)).bytes);
		await saveIdentity(organiser, { displayName: 'Listenau – Personalamt', accentColour: '#7a1f5c' });
		await setLogo(organiser, PNG);
		const after = inflatedPdf((await attendancePdf(organiserAt(organiser), id)).bytes);
		expect(pdfText(after)).toMatch(/Listenau . Personalamt/);
		expect(pdfText(before)).not.toMatch(/Listenau . Personalamt/);
		expect(after.toString('latin1')).toContain('0.47843137254901963 0.12156862745098039 0.3607843137254902 sc');
		expect(after.toString('latin1').split('/Subtype /Image').length).toBeGreaterThan(before.toString('latin1').split('/Subtype /Image').length);
	});

	it('writes the answered questions in their order, nothing for none', () => {
		const questions = [
			{ id: 'a', label: 'Essen', kind: 'text' as const, required: false, options: [] },
			{ id: 'b', label: 'Amt', kind: 'text' as const, required: false, options: [] }
		];
		expect(answersLine(questions, { b: 'Bauamt', a: 'vegan', x: 'fremd' })).toBe('Essen: vegan · Amt: Bauamt');
		expect(answersLine(questions, {})).toBe('');
		expect(answersLine(questions, undefined)).toBe('');
	});
});
