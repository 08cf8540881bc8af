/**
 * A catalogue module mapped to the Rahmenbedingungen catalogue (issue 16): its editor's picker and
 * its pages speak of the conditions it addresses, not of competences.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs, visitorAt } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { instrumentWords } from '../../domain/study/instrument-words';
import { translator } from '../../i18n';
import { conditionsCatalogueId, defaultFrameworkId, ensureShippedFrameworks } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';
import { getModuleOverview } from './get-module-overview';
import { getModulePage } from './get-module-page';
import { getNewModuleForm } from './get-new-module-form';
import { saveModule } from './save-module';
import { setModuleStatus } from './set-module-status';

let t: TestDatabase;
let owner: TenantContext;
let catalogueId: string;
const de = translator('de');

beforeAll(async () => {
	t = await createTestDatabase();
	await ensureShippedFrameworks(t.db);
	catalogueId = (await conditionsCatalogueId(t.db))!;
	owner = await tenantAs(t.db, 'Stadt Bedingungsmodul', 'owner');
}, 120_000);

describe('a module on the conditions catalogue', () => {
	it('offers the conditions under „Bedingungen“ in the editor, while a competence framework keeps „Kompetenzen“', async () => {
		const form = await getNewModuleForm({ ...owner, locale: 'de' }, catalogueId);
		expect(form.instrument).toBe('conditions');
		expect(form.areas[0].competences[0].code).toBe('R1.1');
		expect(de(instrumentWords(form.instrument).pickerTitle)).toBe('Bedingungen');
		expect(de(instrumentWords(form.instrument).pickerLead)).toMatch(/^Welche Bedingungen für gute Zusammenarbeit/);
		const competences = await getNewModuleForm({ ...owner, locale: 'de' }, (await defaultFrameworkId(t.db))!);
		expect(competences.instrument).toBe('competences');
		expect(de(instrumentWords(competences.instrument).pickerTitle)).toBe('Kompetenzen');
	});

	it('lists the conditions it addresses on its public and organiser pages in conditions words', async () => {
		const { id } = await saveModule(owner, { title: 'Lotsen für Stadtmacher*innen', format: 'workshop', frameworkId: catalogueId, competences: [{ code: 'R1.1', level: 'anwenden' }] });
		await setModuleStatus(owner, id, 'published');
		const page = await getModulePage(visitorAt(t.db), id);
		expect(page.instrument).toBe('conditions');
		expect(page.module.competences.map((c) => c.code)).toEqual(['R1.1']);
		expect(de(instrumentWords(page.instrument).moduleAddresses)).toBe('Diese Bedingungen für gute Zusammenarbeit behandelt das Modul');
		expect((await getModuleOverview(organiserAt(owner), id)).instrument).toBe('conditions');
	});
});
