/**
 * Data protection requests (issue 19), end to end. At 1280 px the demo owner downloads the
 * Auskunft of a demo member as JSON, invites a new address and then erases it after the
 * confirmation step (the invitation is gone). At 375 px without JavaScript the page reads and
 * the PDF arrives.
 */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const PAGE = '/app/einstellungen/datenschutz-anfragen';

describe('Datenschutz-Anfragen', () => {
	test('the owner exports a member’s data as JSON and erases an invited address after confirming at 1280 px', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 1280, javaScriptEnabled: true }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.visit('/app/einstellungen', { heading: 'Einstellungen' });
			await s.follow(s.link('Datenschutz-Anfragen'), { path: PAGE, heading: 'Datenschutz-Anfragen', screenshot: 'datenschutz-anfragen' });

			await s.field('E-Mail-Adresse der Person').fill(demo.accounts.viewer.email);
			const [download] = await Promise.all([s.page.waitForEvent('download'), s.button('Auskunft herunterladen (JSON)').click()]);
			const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
			expect(data).toMatchObject({ format: 'stadtwissen-auskunft', email: demo.accounts.viewer.email.toLowerCase(), reach: { organisation: demo.orgName } });
			expect(data.accounts).toHaveLength(1);
			expect(data.notes.join(' ')).toContain('Antworten in Analysen');

			const address = `loeschen-${Date.now()}@beispiel.example`;
			await s.visit('/app/einstellungen');
			await s.field('E-Mail').fill(address);
			await s.submit(s.button('Einladung senden'));
			await s.visit(PAGE);
			await s.field('E-Mail-Adresse der Person').fill(address);
			await s.submit(s.button('Daten löschen …'), { heading: 'Datenschutz-Anfragen', screenshot: 'datenschutz-loeschen-bestaetigen' });
			await s.page.getByText(`Daten von ${address} löschen`).waitFor();
			await s.page.getByText('1 Einladung(en)', { exact: false }).first().waitFor();
			await s.submit(s.button(/^Endgültig löschen/), { screenshot: 'datenschutz-geloescht' });
			await s.page.getByText(`Die Daten von ${address} sind gelöscht`, { exact: false }).waitFor();
			await s.page.getByText('1 Einladung(en) gelöscht', { exact: false }).waitFor();

			// Asked again, nothing is left.
			await s.field('E-Mail-Adresse der Person').fill(address);
			await s.submit(s.button('Daten löschen …'));
			await s.page.getByText('Gefunden: 0 Konto/Konten, 0 Anmeldung(en), 0 Bescheinigung(en), 0 E-Mail(s), 0 Einladung(en)', { exact: false }).waitFor();
		});
	});

	test('the page reads and the PDF arrives at 375 px without JavaScript', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.visit(PAGE, { heading: 'Datenschutz-Anfragen', screenshot: 'datenschutz-anfragen' });
			await s.field('E-Mail-Adresse der Person').fill(demo.accounts.organiser.email);
			const [download] = await Promise.all([s.page.waitForEvent('download'), s.button('Auskunft als PDF').click()]);
			expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');
		});
	});
});
