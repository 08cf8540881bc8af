/**
 * The thank-you page after a questionnaire shows the asking organisation as the questionnaire did
 * (name, logo, legal pages), against the real database: its address names the organisation and
 * the receipt, never the link it was submitted with.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs, visitorAt } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { changeStudyStatus } from '../studies/change-study-status';
import { createInvitationBatch } from '../studies/create-invitation-batch';
import { createStudy } from '../studies/create-study';
import type { TenantContext } from '../tenant';
import { thanksPage } from './get-thanks-page';
import { identityOfOrg } from './organisation-identity';
import { reviewOrThank } from './review-or-thank';
import { saveIdentity } from './save-identity';

let t: TestDatabase;
let organiser: TenantContext;
let token: string;
let another: string;
let slug: string;

const ctx = () => ({ db: t.db, clientAddress: '192.0.2.9', baseUrl: 'https://stadtwissen.test' });
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.set(key, value);
	return data;
};
const query = (path: string) => new URL(path, 'https://stadtwissen.test').searchParams;

beforeAll(async () => {
	t = await createTestDatabase();
	const frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Dankeshausen', 'owner', 'identity.manage');
	await saveIdentity(organiser, { displayName: 'Dankeshausen – Amt für Beteiligung', accentColour: '#1a4d8f' });
	slug = (await identityOfOrg(t.db, organiser.org.orgId))!.slug;
	const { id } = await createStudy(organiser, { title: 'Danke-Studie', frameworkId, competences: ['A1.1'] });
	await changeStudyStatus(organiser, id, 'open');
	[token, another] = (await createInvitationBatch(organiser, { studyId: id, group: 'verwaltung', count: 2, baseUrl: 'https://stadtwissen.test' })).tokens;
}, 180_000);

describe('the thank-you page after a questionnaire', () => {
	it('is reached with the receipt and the asking organisation, not the link', async () => {
		const thanks = await reviewOrThank(ctx(), token, form({ idempotencyKey: randomUUID(), leerAbsenden: 'ja' }));
		expect(thanks).toMatch(new RegExp(`^/t/danke\\?beleg=[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){2}&o=${slug}$`));
		expect(thanks).not.toContain(token);
		const page = await thanksPage(visitorAt(t.db), query(thanks!));
		expect(page.receipt).toBe(query(thanks!).get('beleg'));
		expect(page.identity).toMatchObject({
			slug,
			name: 'Dankeshausen – Amt für Beteiligung',
			accent: { colour: '#1a4d8f' },
			legal: { impressum: `/o/${slug}/impressum`, datenschutz: `/o/${slug}/datenschutz`, barrierefreiheit: `/o/${slug}/barrierefreiheit` }
		});
	});

	it('stays on the review while the last page is posted', async () => {
		expect(await reviewOrThank(ctx(), another, form({ seite: '1', 'a:A1.1|importance|heute': '4' }))).toBeNull();
	});

	it('shows the receipt with the operator’s footer for an unknown or malformed organisation', async () => {
		expect(await thanksPage(visitorAt(t.db), query('/t/danke?beleg=ABCDE-FGHJK-MNPQR&o=gibt-es-nicht'))).toEqual({ receipt: 'ABCDE-FGHJK-MNPQR', identity: null });
		expect(await thanksPage(visitorAt(t.db), query("/t/danke?beleg=Ab_12-cd%3Cb%3E&o=x'%20OR%201=1"))).toEqual({ receipt: 'Ab_12-cdb', identity: null });
		expect(await thanksPage(visitorAt(t.db), query('/t/danke'))).toEqual({ receipt: '', identity: null });
	});
});
