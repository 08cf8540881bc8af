import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { glossaryEntryFormSchema, glossaryProposalSchema } from '../../schemas/glossary';
import type { OrgContext, RequestContext } from '../context';
import { auditLog, glossaryEntries, glossaryProposals } from '../db/schema';
import { acceptGlossaryProposal } from './accept-proposal';
import { adoptStarterSet } from './adopt-starter-set';
import { createGlossaryEntry } from './create-entry';
import { deleteGlossaryEntry } from './delete-entry';
import { listGlossaryEntries } from './list-entries';
import { listGlossaryProposals } from './list-proposals';
import { agreedGlossary } from './matcher-cache';
import { PROPOSAL_LIMIT, proposeGlossaryEntry } from './propose-entry';
import { publicGlossary } from './get-public-glossary';
import { publicGlossaryEntry } from './get-public-glossary-entry';
import { rejectGlossaryProposal } from './reject-proposal';
import { updateGlossaryEntry } from './update-entry';
import { exportGlossary, publicGlossaryFile } from './export-glossary';
import { importGlossary } from './import-glossary';
import { publicGlossaryJson } from './get-public-glossary-json';
import { pdfText } from '../catalogue/pdf';
import { glossaryBooklet } from './booklet-pdf';
import { toEntry } from './entries';
import { checkTextFor } from '../language/check-text';

let t: TestDatabase;
let altenburg: OrgContext;
let gera: OrgContext;
let addresses = 0;

const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de', requestId: 'test' });
const visitor = (): RequestContext => ({ ...request(), db: t.db, actor: null, clientAddress: `198.51.100.${++addresses}` });
const proposal = (fields: Record<string, string>) => glossaryProposalSchema.parse(fields);
const entryForm = (fields: Record<string, string | string[]>) => glossaryEntryFormSchema.parse(fields);

beforeAll(async () => {
	t = await createTestDatabase();
	altenburg = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() };
	gera = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner')), ...request() };
});

describe('the glossary from proposal to public page', () => {
	it('takes an anonymous proposal, lets the organiser accept it as agreed, and shows it publicly, found by an inflected form', async () => {
		await proposeGlossaryEntry(visitor(), altenburg.org.orgSlug, proposal({ term: 'Bebauungsplan', plain: 'Ein Plan der Gemeinde, der festlegt, was auf einer Fläche gebaut werden darf.', words: 'Baurecht fürs Viertel', group: 'zivilgesellschaft', website: '' }));
		const { open } = await listGlossaryProposals(altenburg);
		expect(open).toHaveLength(1);
		expect(await listGlossaryProposals(gera)).toEqual({ open: [], decided: [] });

		const entry = await acceptGlossaryProposal(altenburg, open[0].id, { status: 'abgestimmt', agreedBy: ['verwaltung', 'stadtmacher'] });
		expect(entry).toMatchObject({ term: 'Bebauungsplan', slug: 'bebauungsplan', status: 'abgestimmt', voices: { zivilgesellschaft: 'Baurecht fürs Viertel' } });
		expect(entry.forms).toContain('Bebauungsplänen');

		const found = await publicGlossary(visitor(), altenburg.org.orgSlug, 'Bebauungsplänen');
		expect(found.groups.flatMap((group) => group.entries.map((e) => e.term))).toEqual(['Bebauungsplan']);
		expect((await publicGlossaryEntry(visitor(), altenburg.org.orgSlug, 'bebauungsplan')).entry.agreedBy).toEqual(['Verwaltung', 'Stadtmacher*innen']);
		expect((await publicGlossary(visitor(), gera.org.orgSlug, null)).total).toBe(0);

		const audit = await t.db.select().from(auditLog).where(eq(auditLog.event, 'glossary_proposal_accepted'));
		expect(audit).toHaveLength(1);
	});

	it('applies a proposed change to the entry it names and keeps the rest', async () => {
		await proposeGlossaryEntry(visitor(), altenburg.org.orgSlug, proposal({ entry: 'bebauungsplan', term: 'Bebauungsplan', plain: 'Ein Plan, der regelt, was wo gebaut werden darf. Der Stadtrat beschließt ihn.', comment: 'kürzer' }));
		const [change] = (await listGlossaryProposals(altenburg)).open;
		expect(change).toMatchObject({ kind: 'change', entry: { slug: 'bebauungsplan' } });
		const changed = await acceptGlossaryProposal(altenburg, change.id, { status: 'vorschlag', agreedBy: [] });
		expect(changed).toMatchObject({ plain: 'Ein Plan, der regelt, was wo gebaut werden darf. Der Stadtrat beschließt ihn.', status: 'abgestimmt', voices: { zivilgesellschaft: 'Baurecht fürs Viertel' } });
	});

	it('stores the proposer’s everyday words under their group’s wording (Ich schreibe als …)', async () => {
		// An organisation of its own, so the other tests' lists stay as they expect.
		const zeitz = { ...(await tenantAs(t.db, 'Stadt Zeitz', 'organiser')), ...request() };
		await proposeGlossaryEntry(visitor(), zeitz.org.orgSlug, proposal({ term: 'Leerstandskataster', plain: 'Eine Liste der leeren Häuser und Läden in der Stadt.', words: 'Leerstandsmelder', group: 'stadtmacher' }));
		const [fromCityMaker] = (await listGlossaryProposals(zeitz)).open;
		expect(fromCityMaker.content).toMatchObject({ voices: { stadtmacher: 'Leerstandsmelder' } });
		expect(fromCityMaker.content.voices).not.toHaveProperty('zivilgesellschaft');
		const entry = await acceptGlossaryProposal(zeitz, fromCityMaker.id, { status: 'abgestimmt', agreedBy: ['verwaltung', 'stadtmacher'] });
		expect(entry.voices).toEqual({ stadtmacher: 'Leerstandsmelder' });

		// The administration's own other word is a synonym; the city makers' words stay.
		await proposeGlossaryEntry(visitor(), zeitz.org.orgSlug, proposal({ entry: 'leerstandskataster', term: 'Leerstandskataster', plain: 'Eine Liste der leeren Häuser und Läden in der Stadt.', words: 'Leerstandserfassung', group: 'verwaltung' }));
		const [fromAdministration] = (await listGlossaryProposals(zeitz)).open;
		const changed = await acceptGlossaryProposal(zeitz, fromAdministration.id, { status: 'vorschlag', agreedBy: [] });
		expect(changed).toMatchObject({ voices: { stadtmacher: 'Leerstandsmelder' }, synonyms: ['Leerstandserfassung'] });

		expect(() => proposal({ term: 'Begriff', plain: 'Eine Erklärung in einem Satz.', group: 'presse' })).toThrow(/als wer Sie schreiben/);
	});

	it('rejects with a reason, and a decided proposal cannot be decided again', async () => {
		await proposeGlossaryEntry(visitor(), altenburg.org.orgSlug, proposal({ term: 'Quatsch', plain: 'Ein Wort, das hier nicht hingehört, als Probe.' }));
		const [open] = (await listGlossaryProposals(altenburg)).open;
		await rejectGlossaryProposal(altenburg, open.id, { reason: 'Kein Begriff der Stadtentwicklung.' });
		expect((await listGlossaryProposals(altenburg)).decided[0]).toMatchObject({ status: 'rejected', reason: 'Kein Begriff der Stadtentwicklung.' });
		expect((await rejected(acceptGlossaryProposal(altenburg, open.id, { status: 'vorschlag', agreedBy: [] }))).code).toBe('conflict');
		expect((await rejected(rejectGlossaryProposal(gera, open.id, { reason: 'fremd' }))).code).toBe('not_found');
	});

	it('stores nothing for a filled honeypot and limits proposals per address', async () => {
		const before = (await t.db.select({ n: count() }).from(glossaryProposals))[0].n;
		await proposeGlossaryEntry(visitor(), altenburg.org.orgSlug, proposal({ term: 'Spam', plain: 'Billige Uhren kaufen, jetzt sofort.', website: 'http://spam.example' }));
		expect((await t.db.select({ n: count() }).from(glossaryProposals))[0].n).toBe(before);

		const same = visitor();
		for (let i = 0; i < PROPOSAL_LIMIT; i++) await proposeGlossaryEntry(same, altenburg.org.orgSlug, proposal({ term: `Begriff ${i}`, plain: 'Eine Erklärung in einem Satz.' }));
		const refusal = await rejected(proposeGlossaryEntry(same, altenburg.org.orgSlug, proposal({ term: 'Noch einer', plain: 'Eine Erklärung in einem Satz.' })));
		expect(refusal.code).toBe('rate_limited');
		expect(refusal.message).toMatch(/später/);
	});
});

describe('organiser entries', () => {
	it('creates an entry from the form with generated forms, refuses a duplicate term in German, and edits and deletes it', async () => {
		const created = await createGlossaryEntry(altenburg, entryForm({ term: 'Vorkaufsrecht', plain: 'Die Gemeinde darf in bestimmten Fällen ein Grundstück an Stelle der Käufer*in kaufen.', sources: 'BauGB §§ 24–28', synonyms: '', forms: '', competences: 'A7.1', status: 'vorschlag' }));
		expect(created.forms).toEqual(['Vorkaufsrechte', 'Vorkaufsrechten', 'Vorkaufsrechts', 'Vorkaufsrechtes']);
		const duplicate = await rejected(createGlossaryEntry(altenburg, entryForm({ term: 'vorkaufsrecht', plain: 'Noch einmal derselbe Begriff, klein geschrieben.' })));
		expect(duplicate.code).toBe('conflict');
		expect(duplicate.details[0]).toMatchObject({ path: 'term' });
		// Another organisation may have the same term.
		await createGlossaryEntry(gera, entryForm({ term: 'Vorkaufsrecht', plain: 'Die Gemeinde kauft in bestimmten Fällen selbst.' }));

		const agreed = await updateGlossaryEntry(altenburg, created.id, { ...created, status: 'abgestimmt', agreedBy: ['verwaltung', 'zivilgesellschaft'] });
		expect(agreed.agreedAt).toBeInstanceOf(Date);
		expect((await listGlossaryEntries(altenburg, 'abgestimmt')).entries.map((e) => e.term)).toEqual(['Bebauungsplan', 'Vorkaufsrecht']);
		expect((await rejected(updateGlossaryEntry(gera, created.id, created))).code).toBe('not_found');

		await deleteGlossaryEntry(altenburg, created.id);
		expect((await listGlossaryEntries(altenburg, null)).entries.map((e) => e.term)).not.toContain('Vorkaufsrecht');
	});

	it('refuses an agreed entry without groups before anything is written', () => {
		const result = glossaryEntryFormSchema.safeParse({ term: 'Gemeinwohl', plain: 'Das, was vielen Menschen nützt.', status: 'abgestimmt' });
		expect(result.error?.issues.map((issue) => issue.message)).toContain('Wer hat sich geeinigt? Bitte wählen Sie mindestens eine Gruppe.');
	});

	it('adopts the starter set in one step, as proposals, without touching terms it already has', async () => {
		const outcome = await adoptStarterSet(altenburg);
		expect(outcome.added).toBeGreaterThanOrEqual(59);
		expect(outcome.skipped).toEqual(['Bebauungsplan']);
		const [bebauungsplan] = await t.db.select().from(glossaryEntries).where(eq(glossaryEntries.slug, 'bebauungsplan'));
		expect(bebauungsplan.status).toBe('abgestimmt');
		expect((await adoptStarterSet(altenburg)).added).toBe(0);
		const list = await listGlossaryEntries(altenburg, 'vorschlag');
		expect(list.entries.length).toBe(outcome.added);
	});

	it('explains only agreed terms in texts, and sees a change at once', async () => {
		const text = 'Zum neuen Bebauungsplan und zur Zwischennutzung laden wir ein.';
		let glossary = await agreedGlossary(t.db, altenburg.org.orgId);
		const { findTerms } = await import('../../domain/glossary/match');
		expect(findTerms(text, glossary.matcher).map((m) => m.text)).toEqual(['Bebauungsplan']);
		const [zwischennutzung] = await t.db.select().from(glossaryEntries).where(eq(glossaryEntries.slug, 'zwischennutzung'));
		await updateGlossaryEntry(altenburg, zwischennutzung.id, { ...zwischennutzung, status: 'abgestimmt', agreedBy: ['verwaltung', 'kultur'] });
		glossary = await agreedGlossary(t.db, altenburg.org.orgId);
		expect(findTerms(text, glossary.matcher).map((m) => m.text)).toEqual(['Bebauungsplan', 'Zwischennutzung']);
	});

	it('gives the text check of an organisation its agreed explanations, and nobody else’s', async () => {
		const text = 'Die Stellplatzsatzung gilt auch für Ihren Neubau.';
		const jargonOf = async (ctx: RequestContext) => (await checkTextFor(ctx, { text })).findings.filter((f) => f.type === 'jargon');
		expect(await jargonOf(altenburg)).toEqual([]);
		const created = await createGlossaryEntry(altenburg, entryForm({ term: 'Stellplatzsatzung', plain: 'Regel der Stadt, wie viele Parkplätze ein Neubau braucht.', synonyms: '', forms: '', status: 'vorschlag' }));
		expect(await jargonOf(altenburg)).toEqual([]);
		await updateGlossaryEntry(altenburg, created.id, { ...created, status: 'abgestimmt', agreedBy: ['verwaltung', 'wirtschaft'] });
		const [finding] = await jargonOf(altenburg);
		expect(text.slice(finding.start, finding.end)).toBe('Stellplatzsatzung');
		expect(finding.suggestion).toBe('Erklären Sie es, wie es im Glossar abgestimmt ist: Regel der Stadt, wie viele Parkplätze ein Neubau braucht.');
		expect(await jargonOf(gera)).toEqual([]);
		expect(await jargonOf(visitor())).toEqual([]);
	});
});

describe('exports and imports', () => {
	it('gives the booklet, the SKOS document and the CSV of the organisation only', async () => {
		const pdf = await publicGlossaryFile(visitor(), altenburg.org.orgSlug, 'pdf');
		expect(pdf.contentType).toBe('application/pdf');
		const rows = await t.db.select().from(glossaryEntries).where(eq(glossaryEntries.orgId, altenburg.org.orgId));
		const text = pdfText(await glossaryBooklet({ name: 'Stadt Altenburg', colour: '#0b5c55', logo: null }, rows.map(toEntry), 'https://stadtwissen.test/o/x/glossar', false));
		expect(text).toContain('Bebauungsplan');
		expect(text).toContain('Darauf haben wir uns geeinigt: Verwaltung, Stadtmacher*innen');

		const skos = JSON.parse((await exportGlossary(altenburg, 'skos')).body as string);
		const concept = skos['@graph'].find((node: Record<string, unknown>) => node['@id'] === `https://stadtwissen.test/o/${altenburg.org.orgSlug}/glossar/bebauungsplan`);
		expect(concept['skos:prefLabel']).toEqual({ '@value': 'Bebauungsplan', '@language': 'de' });
		const csv = (await exportGlossary(gera, 'csv')).body as string;
		expect(csv).toContain('Vorkaufsrecht');
		expect(csv).not.toContain('Bebauungsplan');
		expect((await rejected(exportGlossary(altenburg, 'docx'))).code).toBe('not_found');
	});

	it('imports another organisation’s SKOS export: new terms only, and nothing at all from a broken file', async () => {
		const skos = (await exportGlossary(altenburg, 'skos')).body as string;
		const before = (await publicGlossaryJson(visitor(), gera.org.orgSlug)).entries.length;
		const outcome = await importGlossary(gera, { format: 'skos', text: skos });
		expect(outcome.skipped).toEqual(['Vorkaufsrecht']);
		expect((await publicGlossaryJson(visitor(), gera.org.orgSlug)).entries.length).toBe(before + outcome.added);

		const broken = await rejected(importGlossary(gera, { format: 'csv', text: 'Begriff;Erklärung\nNeu im Glossar;Eine gültige Erklärung.\nX;kurz' }));
		expect(broken.code).toBe('validation_failed');
		expect(broken.details.map((d) => d.path)).toEqual(['Zeile 3.term', 'Zeile 3.plain']);
		expect((await publicGlossaryJson(visitor(), gera.org.orgSlug)).entries.map((e) => e.term)).not.toContain('Neu im Glossar');
		expect((await rejected(importGlossary(gera, { format: 'json', text: '{kein json' }))).message).toMatch(/nichts übernommen/);
	});
});
