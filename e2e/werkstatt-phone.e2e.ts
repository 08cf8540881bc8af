/**
 * Werkstatt on the phone, end to end: the demo owner opens a Werkstatt (API); three phones at
 * 375 px join it — two with JavaScript, one without — post a question and a statement, like the
 * question and vote on statements one at a time. A phone with JavaScript sees another phone's
 * question and like appear without reloading; the phone without JavaScript does everything by
 * plain form posts. A participant at 1280 px sees the same board. axe on every page and state.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { BrowserSession, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { apiJson, createApiToken, login } from './support/http';
import { expectErrorSummary } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const TITLE = 'Zwischennutzung im Quartier – Werkstatt';
const SEEDED = ['Leerstand sollte für ein Jahr kostenlos genutzt werden dürfen.', 'Die Verwaltung braucht eine feste Ansprechperson für Zwischennutzungen.'];
const QUESTION = 'Wer haftet, wenn bei einer Zwischennutzung etwas passiert? <b>fett?</b>';
const STATEMENT = 'Zwischennutzung braucht Verträge, die man in einer Woche abschließen kann.';

let code = '';
let closeWerkstatt = async () => {};

beforeAll(async () => {
	const cookie = await login(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
	const token = await createApiToken(demo.url, cookie, 'E2E Werkstatt Telefon');
	const created = await apiJson<{ id: string; code: string }>(demo.url, token, 'POST', '/api/v1/werkstaetten', { title: TITLE });
	code = created.code;
	closeWerkstatt = async () => void (await apiJson(demo.url, token, 'POST', `/api/v1/werkstaetten/${created.id}/status`, { status: 'closed' }));
	await apiJson(demo.url, token, 'POST', `/api/v1/werkstaetten/${created.id}/statements`, { statements: SEEDED });
}, 120_000);

/** Opens a phone; the caller closes it (which fails on unchecked pages, axe problems or page errors). */
const phone = (javaScriptEnabled: boolean, width: 375 | 1280 = 375) => BrowserSession.open(browser(), { baseUrl: demo.url, width, javaScriptEnabled });

/** Joins on /w/<code> (already open): optionally a group and a shown name. */
async function join(s: BrowserSession, group: string | null, name?: string) {
	await s.page.getByRole('heading', { name: 'Mitmachen' }).waitFor();
	expect(await s.page.getByRole('radio', { name: 'möchte ich nicht sagen' }).isChecked()).toBe(true);
	expect(await s.field('Ihr Name').isVisible()).toBe(false);
	if (group) await s.page.getByRole('radio', { name: group }).check();
	if (name) {
		await s.page.getByRole('checkbox', { name: 'Namen zeigen (freiwillig)' }).check();
		await s.field('Ihr Name').fill(name);
	}
	await s.submit(s.button('Beitreten'), { path: `/w/${code}`, heading: TITLE });
	await s.page.getByRole('heading', { name: 'Frage stellen / Aussage machen' }).waitFor();
}

const questionItem = (s: BrowserSession) => s.page.locator('#fragen li').filter({ hasText: 'Wer haftet' });

describe('Werkstatt on the phone', () => {
	test('three phones join, ask, state, like and vote; the board follows the room without reload', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
		const a = await phone(true);
		const b = await phone(true);
		const c = await phone(false);
		try {
			// Phone A types the code as people do: lower case, with a hyphen.
			await a.visit('/w', { heading: 'Werkstatt beitreten', screenshot: 'werkstatt-telefon-code' });
			await a.field('Code').fill('ZZZ-ZZZ');
			await a.submit(a.button('Weiter'), { path: '/w', status: 404 });
			await a.page.getByText('Diese Werkstatt gibt es nicht (mehr). Bitte prüfen Sie den Code.').waitFor();
			await a.field('Code').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
			await a.submit(a.button('Weiter'), { path: `/w/${code}`, heading: TITLE, screenshot: 'werkstatt-telefon-beitreten' });
			await join(a, 'Verwaltung');

			// B's page opens one live stream and keeps it across every refresh of the board.
			const streams: string[] = [];
			b.page.on('request', (request) => {
				if (new URL(request.url()).pathname === `/api/v1/w/${code}/events`) streams.push(request.url());
			});
			await b.visit(`/w/${code}`, { heading: TITLE });
			await join(b, null);

			// Phone C has no JavaScript: the name field shows by CSS once „Namen zeigen“ is ticked.
			await c.visit(`/w/${code.toLowerCase()}`, { path: `/w/${code}`, heading: TITLE });
			await join(c, 'Kommunalpolitik', 'Kim');
			await c.page.getByText('Neues sehen Sie, wenn Sie die Seite neu laden.').waitFor();

			// B watches: a marker on its window survives only if the page is never reloaded.
			await b.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
			await b.page.getByText('Die Seite zeigt Neues von selbst.').waitFor();

			// A asks (with JavaScript: enhanced form, counter while typing); the question shows at once.
			await a.field('Ihr Text').fill(QUESTION);
			await a.page.getByText(`${QUESTION.length} von 280 Zeichen`).waitFor();
			await a.button('Senden').click();
			await questionItem(a).getByText('von Ihnen').waitFor();
			expect(await a.field('Ihr Text').inputValue()).toBe('');
			await a.checkA11y();

			// B sees it without reloading, as text (never as markup).
			await questionItem(b).waitFor();
			expect(await questionItem(b).locator('.wp-text').textContent()).toBe(QUESTION);
			expect(await b.page.locator('#fragen b').count()).toBe(0);
			expect(await b.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

			// C (no JavaScript): an empty post and one of 281 characters are refused at the form, then a statement goes through.
			await c.visit(`/w/${code}`, { heading: TITLE });
			await c.submit(c.button('Senden'), { status: 422 });
			await expectErrorSummary(c, ['Bitte schreiben Sie einen Text.']);
			await c.page.getByRole('radio', { name: 'Aussage' }).check();
			await c.field('Ihr Text').fill('x'.repeat(281));
			await c.submit(c.button('Senden'), { status: 422 });
			await expectErrorSummary(c, ['Höchstens 280 Zeichen, bitte kürzen Sie den Text.']);
			expect(await c.page.getByRole('radio', { name: 'Aussage' }).isChecked()).toBe(true);
			await c.field('Ihr Text').fill(STATEMENT);
			await c.submit(c.button('Senden'), { path: `/w/${code}` });

			// C likes A's question by a plain form post; B likes it with JavaScript; A sees the count rise live.
			await c.submit(questionItem(c).getByRole('button', { name: /^Gefällt mir/ }), { path: `/w/${code}` });
			await questionItem(c).getByText('Gefällt Ihnen · 1 × gefällt').waitFor();
			await questionItem(b).getByRole('button', { name: /^Gefällt mir/ }).click();
			await questionItem(b).getByText('Gefällt Ihnen · 2 × gefällt').waitFor();
			await b.checkA11y();
			await questionItem(a).getByRole('button', { name: 'Gefällt mir · 2' }).waitFor();
			expect(await b.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
			expect(streams).toHaveLength(1);

			// Voting, one statement at a time: C without JavaScript, A with it.
			const votes = c.page.locator('#abstimmen');
			await votes.getByText('0 von 3 abgestimmt').waitFor();
			await votes.getByText(SEEDED[0]).waitFor();
			await c.screenshot('werkstatt-telefon-ohne-js');
			await c.submit(votes.getByRole('button', { name: 'Zustimmen' }), { path: `/w/${code}` });
			await votes.getByText('1 von 3 abgestimmt').waitFor();
			await votes.getByText(SEEDED[1]).waitFor();
			await c.submit(votes.getByRole('button', { name: 'Ablehnen' }), { path: `/w/${code}` });
			await votes.getByText(STATEMENT).waitFor();
			await c.submit(votes.getByRole('button', { name: 'Weiß nicht' }), { path: `/w/${code}` });
			await votes.getByText('Sie haben über alle Aussagen abgestimmt.', { exact: false }).waitFor();

			const aVotes = a.page.locator('#abstimmen');
			await aVotes.getByText(SEEDED[0]).waitFor();
			await aVotes.getByRole('button', { name: 'Ablehnen' }).click();
			await aVotes.getByText('1 von 3 abgestimmt').waitFor();
			await aVotes.getByText(SEEDED[1]).waitFor();
			// The focus stays on the vote buttons, ready for the next statement.
			expect(await a.page.evaluate(() => document.activeElement?.closest('#abstimmen') !== null && document.activeElement?.tagName === 'BUTTON')).toBe(true);
			await a.checkA11y();
			await a.screenshot('werkstatt-telefon-board');
		} catch (failure) {
			for (const s of [a, b, c]) await s.dispose().catch(() => {});
			throw failure;
		}
		// The sessions' own checks (axe on every page, no page errors) after the journey passed.
		for (const s of [a, b, c]) await s.close();
	});

	test('a participant at 1280 px joins and sees the same board', { timeout: JOURNEY_TIMEOUT }, async () => {
		const wide = await phone(true, 1280);
		await wide.visit(`/w/${code}`, { heading: TITLE, screenshot: 'werkstatt-telefon-beitreten' });
		await join(wide, 'Wirtschaft', 'Alex');
		await questionItem(wide).waitFor();
		await wide.page.locator('#abstimmen').getByText('0 von 3 abgestimmt').waitFor();
		await wide.checkA11y();
		await wide.screenshot('werkstatt-telefon-board');

		// Closed by the facilitator: the board stays readable without forms; a new phone cannot join.
		await closeWerkstatt();
		await wide.page.getByText('Die Werkstatt ist geschlossen. Sie können alles lesen, aber nichts mehr schreiben oder abstimmen.').waitFor();
		expect(await wide.button('Senden').count()).toBe(0);
		await wide.checkA11y();
		await wide.close();
		const late = await phone(false);
		await late.visit(`/w/${code}`, { heading: TITLE });
		await late.page.getByText('Die Werkstatt ist geschlossen. Beiträge und Stimmen sind gerade nicht möglich.').waitFor();
		expect(await late.button('Beitreten').count()).toBe(0);
		await late.close();
	});
});
