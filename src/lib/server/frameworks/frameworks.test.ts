import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createDefaultFramework, exportMoodleCsv } from '../../domain/framework';
import { findCompetence, saveCompetence, setArchived } from '../../domain/framework/editing';
import { frameworkImports, frameworks, frameworkVersions } from '../db/schema';
import type { TenantContext } from '../tenant';
import { createFramework } from './create-framework';
import { ensureDefaultFramework } from './default-framework';
import { archiveFramework, editDraft, publishFramework } from './edit-draft';
import { confirmImport } from './confirm-import';
import { exportFramework } from './framework-files';
import { importFramework } from './import-framework';
import { previewImport } from './preview-import';
import { getFramework, getVersionDocument, listFrameworks } from './get-framework';
import { rejected } from '../../../../tests/helpers/errors';

let t: TestDatabase;
let altenburg: TenantContext;
let gera: TenantContext;
let defaultId: string;
const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
	t = await createTestDatabase();
	defaultId = await ensureDefaultFramework(t.db);
	altenburg = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	gera = await tenantAs(t.db, 'Stadt Gera', 'organiser');
});

describe('the shipped framework', () => {
	it('is in every organisation’s reach, published, and not duplicated by a second start', async () => {
		expect(await ensureDefaultFramework(t.db)).toBe(defaultId);
		for (const ctx of [altenburg, gera]) {
			const [shipped] = await listFrameworks(ctx);
			expect(shipped).toMatchObject({ id: defaultId, shipped: true, name_de: 'Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta' });
			expect(shipped.current.status).toBe('published');
			expect(shipped.competenceCount).toBeGreaterThanOrEqual(35);
		}
		expect(await t.db.select().from(frameworkVersions)).toHaveLength(1);
	});

	it('cannot be changed by any organisation', async () => {
		const error = await rejected(editDraft(altenburg, defaultId, (doc) => doc));
		expect(error.code).toBe('not_found');
	});
});

describe('adapting a framework', () => {
	it('copies the default into an organisation, edits the draft in place, and freezes on publish', async () => {
		const { id } = await createFramework(altenburg, { kind: 'copy', frameworkId: defaultId });
		const copy = await getFramework(altenburg, id);
		expect(copy.shipped).toBe(false);
		expect(copy.document).toEqual(createDefaultFramework());
		expect(copy.current).toMatchObject({ number: 1, status: 'draft', frozen: false });

		await editDraft(altenburg, id, (doc) => setArchived(doc, 'A1.1', true));
		expect((await getFramework(altenburg, id)).current.number).toBe(1);

		expect(await publishFramework(altenburg, id)).toBe(1);
		const published = await getFramework(altenburg, id);
		expect(published.current).toMatchObject({ number: 1, status: 'published', frozen: true });

		const edited = await editDraft(altenburg, id, (doc) => {
			const { competence } = findCompetence(doc, 'A2.1')!;
			return saveCompetence(doc, 'A2', { ...competence, title_de: 'Über Ämtergrenzen hinweg arbeiten' }, 'A2.1');
		});
		expect(edited.versionNumber).toBe(2);
		expect(findCompetence(await getVersionDocument(altenburg, id, 1), 'A2.1')!.competence.title_de).not.toBe('Über Ämtergrenzen hinweg arbeiten');
		expect(findCompetence(await getVersionDocument(altenburg, id, 2), 'A2.1')!.competence.title_de).toBe('Über Ämtergrenzen hinweg arbeiten');
	});

	it('names a second copy of the template apart from the first (it gave two indistinguishable frameworks)', async () => {
		const zeitz = await tenantAs(t.db, 'Stadt Zeitz', 'organiser');
		const first = await getFramework(zeitz, (await createFramework(zeitz, { kind: 'copy', frameworkId: defaultId })).id);
		const second = await getFramework(zeitz, (await createFramework(zeitz, { kind: 'copy', frameworkId: defaultId })).id);
		expect(first.name_de).toBe('Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta');
		expect(second.name_de).toBe('Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta (Kopie 2)');
		expect(second.name_en).toMatch(/ \(copy 2\)$/);
		const own = (await listFrameworks(zeitz)).filter((f) => !f.shipped);
		expect(new Set(own.map((f) => f.name_de)).size).toBe(2);
	});

	it('rejects an invalid change with a German message and leaves the version as it was', async () => {
		const { id } = await createFramework(altenburg, { kind: 'empty', name_de: 'Eigener Rahmen', name_en: '' });
		const before = await getFramework(altenburg, id);
		const error = await rejected(
			editDraft(altenburg, id, (doc) => ({ ...doc, meta: { ...doc.meta, name_de: '' } }))
		);
		expect(error.code).toBe('validation_failed');
		expect(error.details.map((d) => d.message).join(' ')).toMatch(/deutsche Name fehlt/);
		expect((await getFramework(altenburg, id)).document).toEqual(before.document);
	});

	it('never shows or changes one organisation’s framework to another', async () => {
		const { id } = await createFramework(altenburg, { kind: 'copy', frameworkId: defaultId });
		expect((await listFrameworks(gera)).map((f) => f.id)).not.toContain(id);
		expect((await rejected(getFramework(gera, id))).code).toBe('not_found');
		expect((await rejected(editDraft(gera, id, (doc) => doc))).code).toBe('not_found');
		expect((await rejected(publishFramework(gera, id))).code).toBe('not_found');
		expect((await rejected(archiveFramework(gera, id))).code).toBe('not_found');
		expect((await rejected(getFramework(gera, 'kein-uuid'))).code).toBe('not_found');
		expect((await rejected(editDraft(gera, 'kein-uuid', (doc) => doc))).code).toBe('not_found');
		expect((await rejected(publishFramework(gera, 'kein-uuid'))).code).toBe('not_found');
		expect((await rejected(archiveFramework(gera, 'kein-uuid'))).code).toBe('not_found');
	});
});

describe('exchange', () => {
	it('imports our own Moodle export back with identical codes, hierarchy and texts', async () => {
		const original = exportFramework(createDefaultFramework(), 'moodle-csv', 'de');
		const { id } = await importFramework(altenburg, { format: 'moodle-csv', fileName: original.fileName, bytes: utf8(original.body), language: 'de' });
		const imported = await getFramework(altenburg, id);
		expect(exportFramework(imported.document, 'moodle-csv', 'de').body).toBe(original.body);
	});

	it('shows a preview first and writes the framework only on confirmation', async () => {
		const countFrameworks = async () => (await t.db.select().from(frameworks)).length;
		const before = await countFrameworks();
		const file = exportFramework(createDefaultFramework(), 'csv');
		const preview = await previewImport(altenburg, { format: 'csv', fileName: 'rahmen.csv', bytes: utf8(file.body) });
		expect(preview.competenceCount).toBe(createDefaultFramework().areas.reduce((n, a) => n + a.competences.length, 0));
		expect(await countFrameworks()).toBe(before);
		expect((await rejected(confirmImport(gera, preview.importId))).code).toBe('not_found');
		const { id } = await confirmImport(altenburg, preview.importId);
		expect(await countFrameworks()).toBe(before + 1);
		expect((await getFramework(altenburg, id)).competenceCount).toBe(preview.competenceCount);
		expect(await t.db.select().from(frameworkImports)).toHaveLength(0);
	});

	it('writes nothing for a file with errors and names each bad line in German', async () => {
		const before = (await t.db.select().from(frameworks)).length;
		const header = exportMoodleCsv(createDefaultFramework(), 'de').split('\n')[0];
		const broken = `${header}\n,RAHMEN,Rahmen,,0,"a,b",,,,,,,1,"domain,competency"\nRAHMEN,A1,,Beschreibung,0,,,,,,,,,\nGIBTSNICHT,A1.1,Titel,,0,,,,,,,,,\n`;
		const error = await rejected(importFramework(altenburg, { format: 'moodle-csv', fileName: 'kaputt.csv', bytes: utf8(broken), language: 'de' }));
		expect(error.code).toBe('validation_failed');
		expect(error.message).toMatch(/Es wurde nichts gespeichert/);
		expect(error.details.length).toBeGreaterThanOrEqual(2);
		for (const detail of error.details) expect(detail.message).toMatch(/^Zeile \d+/);
		expect((await t.db.select().from(frameworks)).length).toBe(before);
	});

	it('refuses files over 5 MB with 413', async () => {
		const error = await rejected(importFramework(altenburg, { format: 'json', fileName: 'gross.json', bytes: new Uint8Array(5 * 1024 * 1024 + 1) }));
		expect(error.code).toBe('payload_too_large');
		expect(error.status).toBe(413);
	});

	it('keeps a JSON export lossless through import for any edited title', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '' && !/[\r\n]/.test(s)), async (title) => {
				const document = createDefaultFramework();
				document.areas[0].competences[0].title_de = title;
				const { id } = await importFramework(gera, { format: 'json', fileName: 'x.json', bytes: utf8(exportFramework(document, 'json').body) });
				expect((await getFramework(gera, id)).document).toEqual(document);
			}),
			{ numRuns: 10 }
		);
	});
});
