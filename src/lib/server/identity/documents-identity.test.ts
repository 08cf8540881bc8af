/**
 * The organisation's identity on the documents it hands out (issue 17): the plan, the glossary
 * booklet, the invitation slips and the personal-data answer carry its name, its logo and its
 * accent colour, as the results report and the certificates do. Read back from the downloaded,
 * deflated PDFs against the real database; another organisation's documents show none of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { organiserAt, tenantAs, visitorAt } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { inflatedPdf, pdfText } from '../../../../tests/helpers/pdf';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { exportPersonalDataPdf } from '../gdpr/export-personal-data';
import { exportGlossary, publicGlossaryFile } from '../glossary/export-glossary';
import { createPlan } from '../planning/create-plan';
import { exportPlanPdf } from '../planning/export-plan-pdf';
import { runStudy } from '../results/test-fixtures';
import { batchSheet } from '../studies/download-batch';
import { createInvitationBatch } from '../studies/create-invitation-batch';
import { changeStudyStatus } from '../studies/change-study-status';
import { createStudy } from '../studies/create-study';
import type { TenantContext } from '../tenant';
import { saveIdentity } from './save-identity';
import { setLogo } from './set-logo';

let t: TestDatabase;
let frameworkId: string;
let branded: TenantContext;
let plain: TenantContext;

const NAME = /Papierstadt . Amt f.r Bildung/;
// #7a1f5c as pdfkit writes a fill colour (0x7a/255 = 0.478…).
const COLOUR = '0.47843137254901963 0.12156862745098039 0.3607843137254902 sc';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const read = (body: unknown) => inflatedPdf(body as Uint8Array);
const images = (pdf: Buffer) => pdf.toString('latin1').split('/Subtype /Image').length - 1;

/** The organisation's name, colour and one image more than the unbranded copy; the unbranded copy has neither name nor colour. */
function expectIdentity(pdf: Buffer, unbranded: Buffer) {
	expect(pdfText(pdf)).toMatch(NAME);
	expect(pdf.toString('latin1')).toContain(COLOUR);
	expect(images(pdf)).toBeGreaterThan(images(unbranded));
	expect(pdfText(unbranded)).not.toMatch(NAME);
	expect(unbranded.toString('latin1')).not.toContain(COLOUR);
}

beforeAll(async () => {
	t = await createTestDatabase();
	frameworkId = await ensureDefaultFramework(t.db);
	branded = await tenantAs(t.db, 'Stadt Papierstadt', 'owner', 'identity.manage');
	plain = await tenantAs(t.db, 'Stadt Ohnelogo', 'owner', 'identity.manage');
	await saveIdentity(branded, { displayName: 'Papierstadt – Amt für Bildung', accentColour: '#7a1f5c' });
	await setLogo(branded, PNG);
}, 180_000);

describe('documents in the organisation’s identity', () => {
	it('the Qualifizierungsplan', async () => {
		const planOf = async (owner: TenantContext) => {
			const { id: studyId } = await runStudy(t.db, owner, {
				competences: ['A1.1', 'A1.2'],
				frameworkId,
				groups: [{ key: 'verwaltung', label: 'Verwaltung', participants: 5 }],
				value: ({ measure }) => (measure === 'importance' ? 5 : 2)
			});
			const ctx = { ...organiserAt(owner), locale: 'de' as const };
			const { id } = await createPlan(ctx, { studyId });
			return read((await exportPlanPdf(ctx, id)).body);
		};
		const pdf = await planOf(branded);
		expectIdentity(pdf, await planOf(plain));
		expect(pdfText(pdf)).toMatch(/Organisation: Papierstadt . Amt f.r Bildung/);
		// The logo is a tagged figure named after the organisation (a name with umlauts is written as UTF-16).
		const utf16 = (text: string) => [...text].map((c) => `\u0000${c}`).join('');
		expect(pdf.toString('latin1')).toContain(utf16('Logo: Papierstadt'));
	});

	it('the glossary booklet, downloaded by the organiser and from the public page', async () => {
		const pdf = read((await exportGlossary(organiserAt(branded), 'pdf')).body);
		expectIdentity(pdf, read((await exportGlossary(organiserAt(plain), 'pdf')).body));
		expect(pdfText(pdf)).toMatch(/Glossar . Papierstadt . Amt f.r Bildung/);
		expect(pdfText(read((await publicGlossaryFile(visitorAt(t.db), branded.org.orgSlug, 'pdf')).body))).toMatch(NAME);
	});

	it('the invitation slips, on every slip', async () => {
		const slipsOf = async (owner: TenantContext) => {
			const { id } = await createStudy(owner, { title: 'Zettel-Studie', frameworkId, competences: ['A1.1'] });
			await changeStudyStatus(owner, id, 'open');
			const { batchId } = await createInvitationBatch(owner, { studyId: id, group: 'verwaltung', count: 3, baseUrl: 'https://stadtwissen.test' });
			return read((await batchSheet(organiserAt(owner), id, batchId, 'pdf')).body);
		};
		const pdf = await slipsOf(branded);
		expectIdentity(pdf, await slipsOf(plain));
		expect(pdfText(pdf).match(new RegExp(NAME, 'g'))).toHaveLength(3);
	});

	it('the personal-data answer of an organisation, not the instance’s', async () => {
		const input = { email: branded.actor.email };
		const pdf = read((await exportPersonalDataPdf(organiserAt(branded), input)).body);
		expectIdentity(pdf, read((await exportPersonalDataPdf(organiserAt(plain), input)).body));
		expect(pdfText(pdf)).toMatch(/Auskunft von Papierstadt . Amt f.r Bildung/);
		// The instance's answer (command line) belongs to no organisation.
		const instance = read((await exportPersonalDataPdf({ db: t.db, now: new Date() }, input)).body);
		expect(pdfText(instance)).not.toMatch(/Auskunft von/);
		expect(instance.toString('latin1')).not.toContain(COLOUR);
	});
});
