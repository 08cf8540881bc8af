/**
 * Werkstatt together, the journey issue 13 is done by: three phones at 375 px with JavaScript and a
 * projector at 1280 px are in one Werkstatt (pre-moderation, prepared by the facilitator through the
 * API). Phones ask, state, like and vote; the facilitator approves, pins and hides on the board in a
 * browser. Every other open page — the other phones, the projector — shows each change without a
 * reload or navigation: a marker set on its window survives and its address stays the same. Phone A
 * shows its name (Kim), the others stay anonymous; the projector fills the screen without the app's
 * header and keeps code and QR in view at 1280 and 1920 px. axe on every page and state.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import { BrowserSession, JOURNEY_TIMEOUT, SCREENSHOT_DIR, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { apiJson, createApiToken, login } from './support/http';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const TITLE = 'Gemeinsam: Wie beleben wir den Marktplatz?';
const SEEDED = ['Der Marktplatz braucht mehr Schatten und Bänke.', 'Märkte sollten auch abends stattfinden.'];
const Q_KIM = 'Wer kümmert sich abends um die Sauberkeit?';
const Q_ANON = 'Gibt es Geld für Vereine, die Feste machen?';
const STATEMENT = 'Autos haben auf dem Marktplatz nichts verloren.';
/** Live changes arrive within a second; a busy 2-core machine gets more room. */
const LIVE = { timeout: 20_000 };

let id = '';
let code = '';

beforeAll(async () => {
	const cookie = await login(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
	const token = await createApiToken(demo.url, cookie, 'E2E Werkstatt gemeinsam');
	({ id, code } = await apiJson<{ id: string; code: string }>(demo.url, token, 'POST', '/api/v1/werkstaetten', { title: TITLE, moderation: 'pre' }));
	await apiJson(demo.url, token, 'POST', `/api/v1/werkstaetten/${id}/statements`, { statements: SEEDED });
}, 120_000);

type Marked = Window & { stillHere?: boolean };

/** Marks the page: if it reloads or navigates, the marker is gone. */
const mark = (s: BrowserSession) => s.page.evaluate(() => void ((window as Marked).stillHere = true));
async function expectSamePage(s: BrowserSession, where: string) {
	expect(s.path).toBe(where);
	expect(await s.page.evaluate(() => (window as Marked).stillHere)).toBe(true);
}

async function joinPhone(s: BrowserSession, name?: string) {
	await s.visit(`/w/${code}`, { heading: TITLE });
	await s.page.getByRole('heading', { name: 'Mitmachen' }).waitFor();
	// A shown name is a choice, off by default.
	expect(await s.page.getByRole('checkbox', { name: 'Namen zeigen (freiwillig)' }).isChecked()).toBe(false);
	if (name) {
		await s.page.getByRole('checkbox', { name: 'Namen zeigen (freiwillig)' }).check();
		await s.field('Ihr Name').fill(name);
	}
	await s.submit(s.button('Beitreten'), { path: `/w/${code}`, heading: TITLE });
	await s.page.getByText('Die Seite zeigt Neues von selbst.').waitFor();
}

const question = (s: BrowserSession, text: string) => s.page.locator('#fragen li').filter({ hasText: text });
const projected = (s: BrowserSession, text: string) => s.page.locator('.questions li').filter({ hasText: text });
const boardItem = (s: BrowserSession, text: string) => s.page.locator('li.item').filter({ hasText: text });

/** The code and the QR code lie fully inside the window (no scrolling needed to join). */
async function expectJoinInView(s: BrowserSession) {
	const view = s.page.viewportSize()!;
	for (const target of [s.page.locator('.room-code'), s.page.getByRole('img', { name: /^QR-Code zum Link/ })]) {
		const box = (await target.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(view.height);
		expect(box.x + box.width).toBeLessThanOrEqual(view.width);
	}
}

describe('Werkstatt together', () => {
	test('three phones and a projector follow the room live while the facilitator moderates', { timeout: 3 * JOURNEY_TIMEOUT }, async () => {
		const sessions: BrowserSession[] = [];
		const open = async (width: 375 | 1280) => {
			const s = await BrowserSession.open(browser(), { baseUrl: demo.url, width });
			sessions.push(s);
			return s;
		};
		try {
			const projector = await open(1280);
			const facilitator = await open(1280);
			const [a, b, c] = [await open(375), await open(375), await open(375)];
			const phonePath = `/w/${code}`;
			const projectionPath = `/app/werkstatt/${id}/projektion`;

			// The projector: full screen — no header, navigation or footer — with code and QR in view.
			await logIn(projector, demo.accounts.owner.email, demo.accounts.owner.password);
			await projector.visit(projectionPath, { heading: TITLE });
			expect(await projector.page.locator('header, footer, nav').count()).toBe(0);
			await projector.page.locator('.room-code').getByText(code).waitFor();
			await expectJoinInView(projector);
			await logIn(facilitator, demo.accounts.owner.email, demo.accounts.owner.password);

			await joinPhone(a, 'Kim');
			await joinPhone(b);
			await joinPhone(c);
			for (const s of [a, b, c, projector]) await mark(s);

			// A asks; under pre-moderation only A sees it, waiting for approval.
			await a.field('Ihr Text').fill(Q_KIM);
			await a.button('Senden').click();
			await question(a, Q_KIM).getByText('wartet auf Freigabe').waitFor();
			// The emptied form keeps the kind for the next post.
			expect(await a.field('Ihr Text').inputValue()).toBe('');
			expect(await a.page.getByRole('radio', { name: 'Frage' }).isChecked()).toBe(true);
			await a.checkA11y();

			// The facilitator approves it on the board: the other phones and the projector show it, with A's name.
			await facilitator.visit(`/app/werkstatt/${id}`, { heading: TITLE });
			await boardItem(facilitator, Q_KIM).getByText('von Kim').waitFor();
			await facilitator.submit(boardItem(facilitator, Q_KIM).getByRole('button', { name: /^Freigeben/ }));
			for (const s of [b, c]) await question(s, Q_KIM).getByText('von Kim').waitFor(LIVE);
			await projected(projector, Q_KIM).getByText('– Kim').waitFor(LIVE);
			await question(a, Q_KIM).getByText('wartet auf Freigabe').waitFor({ state: 'detached', ...LIVE });

			// B asks without a name: anonymous everywhere, once approved.
			await b.field('Ihr Text').fill(Q_ANON);
			await b.button('Senden').click();
			await question(b, Q_ANON).getByText('wartet auf Freigabe').waitFor();
			await boardItem(facilitator, Q_ANON).getByText('anonym').waitFor(LIVE);
			await facilitator.submit(boardItem(facilitator, Q_ANON).getByRole('button', { name: /^Freigeben/ }));
			await question(a, Q_ANON).getByText('anonym').waitFor(LIVE);
			await projected(projector, Q_ANON).getByText('– anonym').waitFor(LIVE);

			// C likes Kim's question: A and B see the count, the projector ranks it with one like.
			await question(c, Q_KIM).getByRole('button', { name: /^Gefällt mir/ }).click();
			await question(c, Q_KIM).getByText('Gefällt Ihnen · 1 × gefällt').waitFor();
			for (const s of [a, b]) await question(s, Q_KIM).getByRole('button', { name: 'Gefällt mir · 1' }).waitFor(LIVE);
			await projected(projector, Q_KIM).locator('.likes').getByText('1', { exact: true }).waitFor(LIVE);
			await c.checkA11y();

			// The facilitator pins the first statement: on every phone and the projector as the current one.
			await facilitator.submit(boardItem(facilitator, SEEDED[0]).getByRole('button', { name: /^Auf die Leinwand/ }));
			for (const s of [a, b, c]) await s.page.locator('.wp-pinned').getByText(SEEDED[0]).waitFor(LIVE);
			await projector.page.locator('.pinned').getByText(SEEDED[0]).waitFor(LIVE);

			// Votes, one statement at a time: agree, disagree, pass — the projector's live result follows.
			await a.page.locator('#abstimmen').getByRole('button', { name: 'Zustimmen' }).click();
			await a.page.locator('#abstimmen').getByText('1 von 2 abgestimmt').waitFor();
			await projector.page.locator('.tally').getByText('stimme zu 100 %', { exact: false }).waitFor(LIVE);
			await b.page.locator('#abstimmen').getByRole('button', { name: 'Ablehnen' }).click();
			await c.page.locator('#abstimmen').getByRole('button', { name: 'Weiß nicht' }).click();
			await projector.page.locator('.tally').getByText('stimme zu 33 % · stimme nicht zu 33 % · weiß nicht 33 %', { exact: false }).waitFor(LIVE);
			await b.checkA11y();

			// C states something; once approved, the phones have one more statement to vote on.
			await c.page.getByRole('radio', { name: 'Aussage' }).check();
			await c.field('Ihr Text').fill(STATEMENT);
			await c.button('Senden').click();
			await c.page.locator('.wp-mine').getByText(STATEMENT).waitFor();
			expect(await c.page.getByRole('radio', { name: 'Aussage' }).isChecked()).toBe(true);
			await boardItem(facilitator, STATEMENT).waitFor(LIVE);
			await facilitator.submit(boardItem(facilitator, STATEMENT).getByRole('button', { name: /^Freigeben/ }));
			await a.page.locator('#abstimmen').getByText('1 von 3 abgestimmt').waitFor(LIVE);
			await b.page.locator('#abstimmen').getByText('1 von 3 abgestimmt').waitFor(LIVE);

			// The facilitator hides the anonymous question: gone from the phones and the projector.
			await facilitator.submit(boardItem(facilitator, Q_ANON).getByRole('button', { name: /^Ausblenden/ }));
			for (const s of [a, c]) await question(s, Q_ANON).waitFor({ state: 'detached', ...LIVE });
			await projected(projector, Q_ANON).waitFor({ state: 'detached', ...LIVE });
			await projected(projector, Q_KIM).waitFor();

			// None of the watching pages was reloaded or left.
			for (const s of [a, b, c]) await expectSamePage(s, phonePath);
			await expectSamePage(projector, projectionPath);
			for (const s of [a, b, c]) await s.checkA11y();
			await a.screenshot('werkstatt-gemeinsam-telefon');
			await projector.checkA11y();
			await projector.screenshot('werkstatt-gemeinsam-projektion');

			// A big screen: still code and QR in view, nothing else around.
			await projector.page.setViewportSize({ width: 1920, height: 1080 });
			await expectJoinInView(projector);
			await projector.checkA11y();
			await projector.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'werkstatt-gemeinsam-projektion-1920.png') });
		} catch (failure) {
			for (const s of sessions) await s.dispose().catch(() => {});
			throw failure;
		}
		for (const s of sessions) await s.close();
	});
});
