/**
 * Werkstatt for the facilitator, end to end: the demo owner creates a Werkstatt in the browser
 * (pre-moderation), prepares statements; participants join, vote and post through the API; the
 * facilitator approves, pins and hides on the board, which shows results and the Pol.is export;
 * the projector at 1280 px sees a newly approved question appear without a reload. At 375 px
 * without JavaScript the same pages work with plain forms, and a Werkstatt is deleted only after
 * the confirmation step. Every page is axe-checked at both widths.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { e2eContext } from './support/context';
import { apiJson, createApiToken, get, login } from './support/http';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();

let ownerCookie = '';
let token = '';

const api = <T>(method: 'GET' | 'POST', path: string, body?: unknown, bearer = token) => apiJson<T>(demo.url, bearer, method, `/api/v1${path}`, body);
const join = async (code: string, group: string | null) => (await apiJson<{ token: string }>(demo.url, undefined, 'POST', `/api/v1/w/${code}/join`, { group })).token;
const asParticipant = <T>(code: string, participant: string, what: 'statements' | 'votes' | 'likes', body: unknown) =>
	apiJson<T>(demo.url, undefined, 'POST', `/api/v1/w/${code}/${what}`, body, { authorization: `Bearer ${participant}` });

const item = (s: BrowserSession, text: string) => s.page.locator('li.item').filter({ hasText: text });

beforeAll(async () => {
	ownerCookie = await login(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
	token = await createApiToken(demo.url, ownerCookie, 'E2E Werkstatt-Raum');
}, 120_000);

const POLIS_COMMENTS = ['timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body', '1700000000,x,0,7,2,1,1,Mehr Grün in der Altstadt.', '1700000100,x,1,8,0,0,-1,Werbung für Uhren'].join('\n');
const POLIS_VOTES = ['timestamp,datetime,comment-id,voter-id,vote', '1700000300,x,0,7,1', '1700000301,x,0,9,1', '1700000304,x,0,8,-1'].join('\n');

const SEEDS = ['Leerstand sollte zuerst für Zwischennutzung angeboten werden.', 'Die Verwaltung sollte Beteiligung früher beginnen.', 'Parkplätze sind wichtiger als Radwege.'];

describe('Werkstatt for the facilitator', () => {
	test('at 1280 px: create, prepare, moderate, see the results, and the projector updates live', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
		let id = '';
		let code = '';
		await journey(browser(), { baseUrl: demo.url, width: 1280 }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.follow(s.link('Werkstatt'), { path: '/app/werkstatt', heading: 'Werkstatt', screenshot: 'werkstatt-raum-liste' });
			// Without a title nothing is created.
			await s.submit(s.button('Werkstatt anlegen'), { status: 422 });
			await s.page.getByText('Bitte geben Sie einen Titel an.').first().waitFor();
			await s.field('Titel').fill('Wie nutzen wir leere Läden?');
			await s.page.getByRole('radio', { name: 'erst nach Freigabe zeigen' }).check();
			await s.submit(s.button('Werkstatt anlegen'), { path: /^\/app\/werkstatt\/[0-9a-f-]{36}\?angelegt$/, heading: 'Wie nutzen wir leere Läden?', screenshot: 'werkstatt-raum-neu' });
			id = /\/app\/werkstatt\/([0-9a-f-]{36})/.exec(s.path)![1];
			code = ((await s.page.locator('.join-code.big').textContent()) ?? '').trim();
			expect(code).toMatch(/^[A-Z0-9]{6}$/);
			await s.page.getByRole('link', { name: `${demo.url}/w/${code}` }).waitFor();
			await s.page.getByRole('img', { name: `QR-Code zum Link ${demo.url}/w/${code}` }).waitFor();
			await s.page.getByText('Moderation: erst nach Freigabe zeigen').waitFor();

			await s.field('Aussagen').fill(`${SEEDS.join('\n')}\n\n`);
			await s.submit(s.button('Aussagen hinzufügen'));
			await s.page.getByText('3 Aussagen hinzugefügt.').waitFor();
			for (const seed of SEEDS) await item(s, seed).waitFor();
		});

		// Participants on their phones: seven vote in two camps, one asks a question, one writes a statement.
		const phones = await Promise.all(Array.from({ length: 8 }, (_, i) => join(code, i % 2 ? 'verwaltung' : null)));
		const board = await api<{ items: { id: string; text: string }[] }>('GET', `/werkstaetten/${id}`);
		const seedId = (text: string) => board.items.find((i) => i.text === text)!.id;
		for (const [i, phone] of phones.entries()) {
			const camp = i < 4 ? 1 : -1;
			await asParticipant(code, phone, 'votes', { statement: seedId(SEEDS[0]), vote: 1 });
			await asParticipant(code, phone, 'votes', { statement: seedId(SEEDS[1]), vote: camp });
			await asParticipant(code, phone, 'votes', { statement: seedId(SEEDS[2]), vote: -camp as 1 | -1 });
		}
		const question = 'Wer bezahlt die Nebenkosten bei einer Zwischennutzung?';
		await asParticipant(code, phones[0], 'statements', { text: question, kind: 'question' });
		const rude = 'Das ist doch alles Quatsch hier.';
		await asParticipant(code, phones[1], 'statements', { text: rude, kind: 'statement' });

		await journey(browser(), { baseUrl: demo.url, width: 1280 }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.visit(`/app/werkstatt/${id}`, { heading: 'Wie nutzen wir leere Läden?' });
			// Under pre-moderation what waits comes first.
			await expect.poll(async () => (await s.page.locator('li.item').first().textContent()) ?? '').toMatch(/Warten auf Freigabe/);
			await s.submit(item(s, question).getByRole('button', { name: /^Freigeben/ }));
			await s.submit(item(s, question).getByRole('button', { name: /^Auf die Leinwand/ }));
			await item(s, question).getByText('auf der Leinwand').waitFor();
			await s.submit(item(s, rude).getByRole('button', { name: /^Ausblenden/ }));
			await item(s, rude).getByText('ausgeblendet').waitFor();
			// A typo corrected.
			await item(s, SEEDS[2]).locator('summary', { hasText: 'Text korrigieren' }).click();
			await item(s, SEEDS[2]).getByRole('textbox').fill('Parkplätze sind wichtiger als Radwege!');
			await s.submit(item(s, SEEDS[2]).getByRole('button', { name: 'Korrektur speichern' }));
			await item(s, 'Parkplätze sind wichtiger als Radwege!').waitFor();
			// Results: counts per statement, consensus, the groups and the map.
			const row = s.page.locator('table tr').filter({ hasText: SEEDS[0] });
			await expect.poll(async () => (await row.locator('td').nth(1).textContent())?.trim()).toBe('8');
			await s.page.getByRole('heading', { name: 'Wo sind wir uns einig?' }).waitFor();
			await s.page.getByRole('heading', { name: 'Wo gehen die Meinungen auseinander?' }).waitFor();
			await s.page.getByRole('heading', { name: 'Wie verteilen sich die Gruppen?' }).waitFor();
			await s.screenshot('werkstatt-raum-board');
		});

		const votes = await get(demo.url, `/app/werkstatt/${id}/export/votes.csv`, { cookie: ownerCookie });
		expect(votes.status).toBe(200);
		expect((await votes.text()).trim().split('\n')).toHaveLength(1 + 8 * 3);

		// The projector: code and QR, the pinned question, live without reload.
		await journey(browser(), { baseUrl: demo.url, width: 1280 }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.visit(`/app/werkstatt/${id}/projektion`, { heading: 'Wie nutzen wir leere Läden?' });
			await s.page.locator('.pinned').getByText(question).waitFor();
			await s.page.locator('.room-code').getByText(code).waitFor();
			await s.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
			const fresh = 'Können Vereine die Läden kostenlos nutzen?';
			const posted = await asParticipant<{ id: string }>(code, phones[2], 'statements', { text: fresh, kind: 'question' });
			await api('POST', `/werkstaetten/${id}/statements/${posted.id}`, { action: 'approve' });
			await s.page.locator('.questions').getByText(fresh).waitFor({ timeout: 15_000 });
			expect(await s.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
			await s.arrived({ screenshot: 'werkstatt-raum-projektion' });
		});
	});

	test('at 375 px without JavaScript: list, board, projection and deleting after confirmation', { timeout: JOURNEY_TIMEOUT }, async () => {
		const { id } = await api<{ id: string; code: string }>('POST', '/werkstaetten', { title: 'Kurz am Telefon' });
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.visit('/app/werkstatt', { heading: 'Werkstatt', screenshot: 'werkstatt-raum-liste' });
			await s.follow(s.link('Kurz am Telefon'), { path: `/app/werkstatt/${id}`, heading: 'Kurz am Telefon' });
			// An earlier Pol.is conversation comes along: without files nothing happens, with them every vote arrives.
			await s.submit(s.button('Einlesen'), { status: 422 });
			await s.page.getByText('Bitte senden Sie die Datei comments.csv', { exact: false }).first().waitFor();
			await s.field('comments.csv').setInputFiles({ name: 'comments.csv', mimeType: 'text/csv', buffer: Buffer.from(POLIS_COMMENTS) });
			await s.field('votes.csv').setInputFiles({ name: 'votes.csv', mimeType: 'text/csv', buffer: Buffer.from(POLIS_VOTES) });
			await s.submit(s.button('Einlesen'));
			await s.page.getByText('Eingelesen: 2 Aussagen, 3 Teilnehmende, 3 Stimmen.').waitFor();
			await item(s, 'Mehr Grün in der Altstadt.').getByText('Zustimmung 2, Ablehnung 1, weiß nicht 0', { exact: false }).waitFor();
			await item(s, 'Werbung für Uhren').getByText('ausgeblendet', { exact: false }).waitFor();
			await s.submit(s.button('Aussagen hinzufügen'), { status: 422 });
			await s.page.getByText('Bitte geben Sie mindestens eine Aussage an.').first().waitFor();
			await s.field('Aussagen').fill('Eine Aussage vom Telefon.');
			await s.submit(s.button('Aussagen hinzufügen'));
			await s.submit(s.button('Werkstatt schließen'));
			await s.page.getByText('Die Werkstatt ist geschlossen.', { exact: true }).first().waitFor();
			await s.screenshot('werkstatt-raum-board');
			await s.visit(`/app/werkstatt/${id}/projektion`, { heading: 'Kurz am Telefon', screenshot: 'werkstatt-raum-projektion' });
			expect(await s.page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
			await s.visit(`/app/werkstatt/${id}`, { heading: 'Kurz am Telefon' });
			await s.page.getByText('Werkstatt löschen …').click();
			await s.submit(s.button('Endgültig löschen'), { path: '/app/werkstatt?geloescht', heading: 'Werkstatt' });
			await s.page.getByText('Die Werkstatt ist gelöscht.').waitFor();
		});
		expect((await get(demo.url, `/app/werkstatt/${id}`, { cookie: ownerCookie })).status).toBe(404);
	});
});
