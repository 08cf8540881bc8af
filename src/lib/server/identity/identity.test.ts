/**
 * The organisation's identity and legal pages against the real database: templates until saved,
 * public pages that say honestly when they are not filled in, an accent colour that must be
 * readable, a logo recognised by its bytes — and refusals that leave everything as it was.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs, visitorAt } from '../../../../tests/helpers/actors';
import { callRoute, serveRoutesFrom } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { GET as logoRoute } from '../../../routes/o/[slug]/logo/+server';
import { organisationProfiles } from '../db/schema';
import { certificatePdf } from '../catalogue/certificate-pdf';
import { getCataloguePage } from '../catalogue/get-catalogue-page';
import { pdfText } from '../catalogue/pdf';
import { imageType } from '../catalogue/photos';
import { loadIdentityDemo } from '../demo/identity';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { legalPage } from './get-legal-page';
import { identitySettings } from './get-identity-settings';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { loadStudyDemo } from '../studies/demo';
import { questionnaireIdentity } from './get-questionnaire-identity';
import { mailFooter } from './mail-footer';
import { pdfIdentity } from './pdf-identity';
import { identityOfOrg } from './organisation-identity';
import { saveIdentity } from './save-identity';
import { saveLegalPage } from './save-legal-page';
import { setLogo } from './set-logo';
import { catalogueCertificates } from '../db/schema';
import { getCertificatePage } from '../catalogue/get-certificate-page';
import { createWerkstatt } from '../werkstatt/create-werkstatt';
import { showPhoneBoard } from '../werkstatt/show-phone-board';

let t: TestDatabase;
let owner: TenantContext;
let slug: string;

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function refusal(work: Promise<unknown>): Promise<AppError> {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}
const profile = async () => (await t.db.select().from(organisationProfiles).where(eq(organisationProfiles.orgId, owner.org.orgId)))[0];

beforeAll(async () => {
	t = await createTestDatabase();
	owner = await tenantAs(t.db, 'Stadt Musterstadt', 'owner', 'identity.manage');
	slug = (await identityOfOrg(t.db, owner.org.orgId))!.slug;
	return serveRoutesFrom(t.url);
}, 180_000);

describe('legal pages', () => {
	it('starts from templates and says publicly that they are not filled in', async () => {
		const settings = await identitySettings(owner);
		expect(settings.pages.map((p) => p.page)).toEqual(['impressum', 'datenschutz', 'barrierefreiheit']);
		expect(settings.pages[0].text).toContain('Stadt Musterstadt');
		expect(settings.pages[0].open).toContain('Telefonnummer');
		const page = await legalPage(visitorAt(t.db), slug, 'impressum');
		expect(page.html).toBeNull();
	});

	it('keeps a half-filled text private and shows it once every placeholder is replaced', async () => {
		const half = await saveLegalPage(owner, { page: 'impressum', text: '## Angaben\n\nStadt Musterstadt\nMarkt 1\n\nTelefon: [[Telefonnummer]]' });
		expect(half.open).toEqual(['Telefonnummer']);
		expect((await legalPage(visitorAt(t.db), slug, 'impressum')).html).toBeNull();
		expect((await identitySettings(owner)).pages[0].text).toContain('Markt 1');

		await saveLegalPage(owner, { page: 'impressum', text: '## Angaben\n\nStadt Musterstadt\nMarkt 1\n\nTelefon: 0341 123-0 <script>alert(1)</script><img src=x onerror=alert(1)>' });
		const html = (await legalPage(visitorAt(t.db), slug, 'impressum')).html!;
		expect(html).toContain('<h2>Angaben</h2>');
		expect(html).toContain('Markt 1');
		expect(html).toContain('0341 123-0');
		expect(html).not.toMatch(/script|onerror|<img/);
		// The other pages are untouched.
		expect((await legalPage(visitorAt(t.db), slug, 'datenschutz')).html).toBeNull();
	});

	it('refuses an unknown organisation', async () => {
		expect((await refusal(legalPage(visitorAt(t.db), 'gibt-es-nicht', 'impressum'))).code).toBe('not_found');
	});

	it('ends every mail with the organisation and its legal pages', async () => {
		const footer = await mailFooter(t.db, owner.org.orgId, 'https://stadtwissen.test');
		expect(footer).toContain('Stadt Musterstadt');
		expect(footer).toContain(`Impressum: https://stadtwissen.test/o/${slug}/impressum`);
		expect(footer).toContain(`Barrierefreiheit: https://stadtwissen.test/o/${slug}/barrierefreiheit`);
	});
});

describe('name and accent colour', () => {
	it('refuses an unreadable colour in German with a readable shade, and writes nothing', async () => {
		await saveIdentity(owner, { displayName: 'Stadt Musterstadt – Personalamt', accentColour: '#1A4D8F' });
		const error = await refusal(saveIdentity(owner, { displayName: 'Anderer Name', accentColour: '#ffcc00' }));
		expect(error.message).toMatch(/zu hell.*mindestens 4,5:1.*z\. B\. #[0-9a-f]{6}/);
		expect(error.details[0].path).toBe('accentColour');
		expect(await profile()).toMatchObject({ displayName: 'Stadt Musterstadt – Personalamt', accentColour: '#1a4d8f' });
		expect((await refusal(saveIdentity(owner, { displayName: '', accentColour: 'blau' }))).message).toContain('Hex-Wert');
	});

	it('shows the display name and colour wherever the organisation appears', async () => {
		const identity = (await identityOfOrg(t.db, owner.org.orgId))!;
		expect(identity.name).toBe('Stadt Musterstadt – Personalamt');
		expect(identity.accent?.colour).toBe('#1a4d8f');
		expect(await mailFooter(t.db, owner.org.orgId, 'https://x')).toContain('Stadt Musterstadt – Personalamt');
	});

	it('gives a questionnaire link its organisation’s identity, and a saved name and colour at once', async () => {
		await ensureDefaultFramework(t.db);
		const demo = await loadStudyDemo(t.db, owner, 'http://x');
		const token = demo.sampleLink.split('/t/')[1];
		expect((await questionnaireIdentity(visitorAt(t.db), token)).identity?.slug).toBe(slug);
		await saveIdentity(owner, { displayName: 'Musterstadt am See', accentColour: '#1a4d8f' });
		expect((await questionnaireIdentity(visitorAt(t.db), token)).identity).toMatchObject({ slug, name: 'Musterstadt am See', accent: { colour: '#1a4d8f' } });
	});

	it('gives an unknown questionnaire link no identity (the page itself answers)', async () => {
		expect(await questionnaireIdentity(visitorAt(t.db), 'x'.repeat(43))).toEqual({ identity: null });
		expect(await questionnaireIdentity(visitorAt(t.db), '../etc')).toEqual({ identity: null });
	});
});

describe('logo', () => {
	it('refuses an SVG, also when it is named .png, and a file over 500 KB, keeping the old logo', async () => {
		await setLogo(owner, PNG);
		const before = await profile();
		const svg = await refusal(setLogo(owner, SVG));
		expect(svg.message).toContain('PNG, JPEG oder WebP');
		expect(svg.details[0].path).toBe('logo');
		const big = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
		const tooBig = await refusal(setLogo(owner, big));
		expect(tooBig.code).toBe('payload_too_large');
		expect(tooBig.message).toContain('höchstens 500 KB');
		const after = await profile();
		expect(after.logo?.equals(PNG)).toBe(true);
		expect(after.logoUpdatedAt).toEqual(before.logoUpdatedAt);
	});

	it('is served with its content type, long caching under its versioned address, and nosniff', async () => {
		const identity = (await identityOfOrg(t.db, owner.org.orgId))!;
		expect(identity.logoUrl).toMatch(new RegExp(`^/o/${slug}/logo\\?v=\\d+$`));
		const served = await callRoute(logoRoute, { path: identity.logoUrl!, params: { slug } });
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(served.headers.get('cache-control')).toContain('immutable');
		expect(served.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('can be removed; then there is nothing to serve', async () => {
		await setLogo(owner, null);
		expect((await identityOfOrg(t.db, owner.org.orgId))!.logoUrl).toBeNull();
		// The adapter turns the refusal into SvelteKit's 404 page.
		await expect(callRoute(logoRoute, { path: `/o/${slug}/logo`, params: { slug } })).rejects.toMatchObject({ status: 404, body: { message: 'Diese Organisation hat kein Logo.' } });
	});
});

describe('demo organisation', () => {
	it('gets its own logo, colour and legal pages without a placeholder left', async () => {
		const demo = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner', 'identity.manage');
		await loadIdentityDemo(demo);
		const identity = (await identityOfOrg(t.db, demo.org.orgId))!;
		expect(identity.accent?.colour).toBe('#1a4d8f');
		expect(identity.logoUrl).not.toBeNull();
		const [row] = await t.db.select().from(organisationProfiles).where(eq(organisationProfiles.orgId, demo.org.orgId));
		expect(imageType(row.logo!)).toBe('image/png');
		for (const page of ['impressum', 'datenschutz', 'barrierefreiheit'] as const) {
			const shown = await legalPage(visitorAt(t.db), identity.slug, page);
			expect(shown.html, page).not.toBeNull();
			expect(shown.html).not.toContain('[[');
		}
		expect((await legalPage(visitorAt(t.db), identity.slug, 'barrierefreiheit')).html).toContain('Schlichtungsstelle');
	});
});

describe('PDF', () => {
	it('puts the logo, display name and colour on the certificate', async () => {
		const demo = await tenantAs(t.db, 'Stadt Zeitz', 'owner', 'identity.manage');
		await loadIdentityDemo(demo);
		await saveIdentity(demo, { displayName: 'Stadt Zeitz – Personalamt', accentColour: '#7a1f5c' });
		const identity = (await pdfIdentity(t.db, demo.org.orgId))!;
		expect(identity).toMatchObject({ name: 'Stadt Zeitz – Personalamt', colour: '#7a1f5c' });
		const certificate = { code: 'ABCD-EFGH', holderName: 'Jana Müller', moduleTitle: 'Beteiligung', moduleSubtitle: null, parts: [{ startsAt: new Date('2026-03-18T08:00:00Z'), endsAt: new Date('2026-03-18T14:30:00Z') }], location: null, durationMinutes: null, competences: [], facilitators: [], issuedAt: new Date('2026-03-19T10:00:00Z'), orgName: 'Stadt Zeitz' };
		const pdf = Buffer.from(await certificatePdf(certificate as unknown as Parameters<typeof certificatePdf>[0], 'https://x', false, identity));
		expect(pdfText(pdf)).toMatch(/Stadt Zeitz . Personalamt/);
		// The title in the organisation's colour (0x7a/255 = 0.478…).
		expect(pdf.toString('latin1')).toContain('0.47843137254901963 0.12156862745098039 0.3607843137254902 sc');
		const plain = Buffer.from(await certificatePdf(certificate as unknown as Parameters<typeof certificatePdf>[0], 'https://x', false, null));
		// The QR code is an image in both; the logo adds its own.
		const images = (bytes: Buffer) => bytes.toString('latin1').split('/Subtype /Image').length - 1;
		expect(images(pdf)).toBeGreaterThan(images(plain));
	});
});

describe('catalogue pages', () => {
	it("carry the organisation's identity for one organisation's catalogue, none for the shared one", async () => {
		const visitor = visitorAt(t.db);
		expect((await getCataloguePage(visitor, new URLSearchParams(`org=${slug}`))).identity?.slug).toBe(slug);
		expect((await getCataloguePage(visitor, new URLSearchParams())).identity).toBeNull();
	});
});

describe('pages of one organisation outside its public area', () => {
	it('put its name and legal pages around a Werkstatt on the phone and a certificate check', async () => {
		const visitor = visitorAt(t.db);
		const shown = (await identityOfOrg(t.db, owner.org.orgId))!;
		const { code } = await createWerkstatt({ ...visitor, ...owner, clientAddress: '192.0.2.1', locale: 'de', requestId: 'test' }, { title: 'Quartier', moderation: 'post' });
		const phone = await showPhoneBoard({ ...visitor, actor: null, clientAddress: '198.51.100.7', locale: 'de', requestId: 'test' }, code, null);
		expect(phone.identity).toMatchObject({ slug, name: shown.name, legal: { impressum: `/o/${slug}/impressum`, datenschutz: `/o/${slug}/datenschutz`, barrierefreiheit: `/o/${slug}/barrierefreiheit` } });

		await t.db.insert(catalogueCertificates).values({ code: 'ZTKW-4R7M-PQ2X', orgId: owner.org.orgId, holderName: 'Jana Müller', moduleTitle: 'Beteiligung', parts: [] });
		const page = await getCertificatePage(visitor, 'ztkw-4r7m-pq2x');
		expect(page.identity?.legal.impressum).toBe(`/o/${slug}/impressum`);
		expect(page.certificate.orgName).toBe(shown.name);
	});
});
