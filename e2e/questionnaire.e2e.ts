/**
 * Participants answer the questionnaire on a phone without JavaScript: three people from three
 * groups finish, one of them leaves halfway and resumes with the same link, and a spent link
 * says so kindly. Each page's form goes to the page it leads to, which answers with itself: a
 * questionnaire costs one request per page, not a POST, a redirect and a GET.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { DEMO_SLUG, e2eContext } from './support/context';
import { createApiToken, login } from './support/http';

const browser = useBrowser();
const { demo } = e2eContext();
const COMPETENCES = ['A3.1', 'A3.2', 'A8.1'];
const QUESTION = 'Was kann Verwaltung von Stadtmacher*innen lernen?';

const links: Record<string, string> = {};

async function api(path: string, token: string, body?: unknown) {
	const response = await fetch(new URL(`/api/v1${path}`, demo.url), {
		method: body === undefined ? 'GET' : 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const json = await response.json();
	expect(response.status, `${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
	return json;
}

beforeAll(async () => {
	const cookie = await login(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
	const token = await createApiToken(demo.url, cookie, 'E2E Fragebogen');
	const { frameworks } = (await api('/frameworks', token)) as { frameworks: { id: string; shipped: boolean }[] };
	const shipped = frameworks.find((f) => f.shipped)!;
	const { id } = (await api('/studies', token, { title: 'Befragung im Browsertest', frameworkId: shipped.id, competences: COMPETENCES, openQuestions: [{ key: 'lernen', label: QUESTION }] })) as { id: string };
	await api(`/studies/${id}/status`, token, { status: 'open' });
	for (const group of ['verwaltung', 'politik', 'zivilgesellschaft']) {
		const created = (await api(`/studies/${id}/invitations`, token, { group, count: 3 })) as { links: string[] };
		links[group] = new URL(created.links[0]).pathname;
		links[`${group}-2`] = new URL(created.links[1]).pathname;
		links[`${group}-3`] = new URL(created.links[2]).pathname;
	}
}, 120_000);

/** Answers every rating on the current page: `value` 1–5, or 'x' for "kann ich nicht einschätzen". */
async function answerPage(s: BrowserSession, value: string) {
	const names = await s.page.locator('input[type=radio]').evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
	expect(names.length).toBeGreaterThan(0);
	for (const name of names) await s.page.locator(`input[name="${name}"][value="${value}"]`).check({ force: true });
}

/** How often a text is on the page's main part (a glossary term inside it splits it into several elements). */
async function timesShown(s: BrowserSession, text: string): Promise<number> {
	const shown = (await s.page.locator('main').innerText()).replace(/\s+/g, ' ');
	return shown.split(text.slice(0, 22)).length - 1;
}

describe('taking part on a phone without JavaScript', () => {
	test.each([
		{ group: 'verwaltung', label: 'Verwaltung', value: '4', resume: true },
		{ group: 'politik', label: 'Kommunalpolitik', value: '2', resume: false },
		{ group: 'zivilgesellschaft', label: 'Zivilgesellschaft / Stadtmacher*innen', value: 'x', resume: false }
	])('$label finishes the questionnaire', { timeout: JOURNEY_TIMEOUT }, async ({ group, label, value, resume }) => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			const link = links[group];
			await s.visit(link, { heading: 'Befragung im Browsertest', screenshot: `fragebogen-start-${group}` });
			await s.page.getByText(`Sie antworten als: ${label}`).waitFor();
			// 3 competences × 4 ratings × ~6 s (+ a minute per open question): a few minutes, not a fixed "10 Minuten".
			await s.page.getByText(/^Das dauert etwa [23] Minuten\.$/).waitFor();
			expect(await s.page.getByRole('link', { name: 'Anmelden' }).count(), 'no sign-in link for participants').toBe(0);
			await s.follow(s.link('Los geht’s'), { path: `${link}/seite/1`, screenshot: `fragebogen-seite-${group}` });
			await s.page.getByText('Seite 1 von 3').waitFor();
			await answerPage(s, value);
			await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });
			await s.page.getByText('Seite 2 von 3').waitFor();

			if (resume) {
				await s.visit(link, { heading: 'Befragung im Browsertest' });
				await s.follow(s.link('Weitermachen'), { path: `${link}/seite/2` });
				// "Zurück" saves this page and shows page 1 with its answers kept.
				await answerPage(s, value);
				await s.submit(s.button('Zurück'), { path: `${link}/seite/1` });
				const kept = await s.page.locator(`input[type=radio][value="${value}"]:checked`).count();
				expect(kept, 'answers of page 1 were kept').toBeGreaterThan(0);
				await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });
				expect(await s.page.locator(`input[type=radio][value="${value}"]:checked`).count(), 'answers of page 2 were kept').toBeGreaterThan(0);
			}

			await answerPage(s, value);
			// The open question has its own page before the review, counted in "Seite X von Y", with its question once.
			await s.submit(s.button('Weiter'), { path: `${link}/seite/3`, heading: 'Zum Schluss: Ihre Anmerkungen', screenshot: `fragebogen-offen-${group}` });
			await s.page.getByText('Seite 3 von 3').waitFor();
			expect(await timesShown(s, QUESTION), 'the open question is asked once').toBe(1);
			if (resume) await s.page.locator('textarea[name="open:lernen"]').fill('Mehr ausprobieren.\nUnd schneller entscheiden.');
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten', screenshot: `fragebogen-uebersicht-${group}` });
			await s.page.getByText('12 von 12 Fragen beantwortet.').waitFor();
			await s.page.getByText('Sie haben alle Fragen beantwortet.').waitFor();
			expect(await timesShown(s, QUESTION), 'the open question is listed once on the review').toBe(1);
			if (resume) await s.page.getByText('Mehr ausprobieren.').waitFor();
			await s.submit(s.button('Antworten abschicken'), { path: new RegExp(`^/t/danke\\?beleg=[A-Za-z0-9_-]+&o=${DEMO_SLUG}$`), heading: 'Vielen Dank!', screenshot: `fragebogen-danke-${group}` });
			await s.page.getByText(/Ihre Bestätigungsnummer: [A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){2}/).waitFor();
			// No look-alike characters (O/0, I/l/1), and the code stays on one line.
			expect(await s.page.locator('.receipt-code').evaluate((code) => new Set(Array.from(code.getClientRects()).map((r) => Math.round(r.top))).size)).toBe(1);
			// The thank-you page is the asking organisation's, as the questionnaire was: its name above, its legal pages below.
			await s.page.locator('.org-band').getByText(demo.orgName).waitFor();
			const impressum = s.page.getByRole('navigation', { name: `Rechtliches von ${demo.orgName}` }).getByRole('link', { name: 'Impressum' });
			if (resume) await s.follow(impressum, { path: `/o/${DEMO_SLUG}/impressum`, heading: 'Impressum' });
			else expect(await impressum.getAttribute('href')).toBe(`/o/${DEMO_SLUG}/impressum`);

			// The link just used successfully says so, not that it is broken.
			await s.visit(link, { status: 410, heading: 'Ihre Antworten sind angekommen' });
			await s.page.getByText('Mit diesem Link wurde diese Runde schon abgeschlossen. Vielen Dank!').waitFor();
			await s.page.getByText(/Ihre Bestätigungsnummer stand auf der Seite „Vielen Dank!“/).waitFor();
		});
	});

	test('one request per page: no redirect and second GET after each page (issue 18)', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 1280, javaScriptEnabled: false }, async (s) => {
			const link = links['verwaltung-2'];
			const documents: string[] = [];
			s.page.on('request', (request) => {
				if (request.isNavigationRequest() && request.frame() === s.page.mainFrame()) documents.push(`${request.method()} ${new URL(request.url()).pathname}`);
			});
			await s.visit(link, { heading: 'Befragung im Browsertest' });
			await s.follow(s.link('Los geht’s'), { path: `${link}/seite/1` });
			await answerPage(s, '3');
			await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });
			await s.submit(s.button('Weiter'), { path: `${link}/seite/3`, screenshot: 'fragebogen-offen' });
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten', screenshot: 'fragebogen-uebersicht-offen' });
			// Not everything answered: the review says how much is missing.
			await s.page.getByText('Noch nicht beantwortet: 4 von 12 Fragen.', { exact: false }).waitFor();
			await s.submit(s.button('Antworten abschicken'), { path: /^\/t\/danke\?beleg=/, heading: 'Vielen Dank!' });
			// Start page, page 1, one POST per page (3 pages, the last one to the review), the submission and the receipt.
			expect(documents).toEqual([
				`GET ${link}`,
				`GET ${link}/seite/1`,
				`POST ${link}/seite/2`,
				`POST ${link}/seite/3`,
				`POST ${link}/pruefen`,
				`POST ${link}/pruefen`,
				'GET /t/danke'
			]);
		});
	});

	test('the browser’s back and forward buttons show the pages as they were', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			const link = links['zivilgesellschaft-2'];
			await s.visit(`${link}/seite/1`, {});
			await answerPage(s, '5');
			await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });
			await answerPage(s, '1');
			await s.submit(s.button('Weiter'), { path: `${link}/seite/3` });
			await s.page.goBack();
			await s.arrived({ path: `${link}/seite/2` });
			await s.page.getByText('Seite 2 von 3').waitFor();
			expect(await s.page.locator('input[type=radio][value="1"]:checked').count(), 'page 2 as answered').toBeGreaterThan(0);
			await s.page.goBack();
			await s.arrived({ path: `${link}/seite/1` });
			await s.page.getByText('Seite 1 von 3').waitFor();
			await s.page.goForward();
			await s.arrived({ path: `${link}/seite/2` });
			await s.page.goForward();
			await s.arrived({ path: `${link}/seite/3` });
			await s.page.getByText('Seite 3 von 3').waitFor();
			// Reloading the page (its answer to a POST) saves page 2's answers again: nothing changes.
			await s.page.reload();
			await s.arrived({ path: `${link}/seite/3` });
			await s.visit(`${link}/pruefen`, { heading: 'Übersicht: Ihre Antworten' });
			await s.page.getByText('12 von 12 Fragen beantwortet.').waitFor();
		});
	});

	test('with JavaScript the same forms lead through the pages', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 1280, javaScriptEnabled: true }, async (s) => {
			const link = links['verwaltung-3'];
			await s.visit(link, { heading: 'Befragung im Browsertest' });
			await s.follow(s.link('Los geht’s'), { path: `${link}/seite/1` });
			await answerPage(s, '4');
			await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });
			await s.submit(s.button('Zurück'), { path: `${link}/seite/1` });
			expect(await s.page.locator('input[type=radio][value="4"]:checked').count(), 'page 1 as answered').toBeGreaterThan(0);
			await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });
			await s.submit(s.button('Weiter'), { path: `${link}/seite/3` });
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten' });
			await s.page.getByText('8 von 12 Fragen beantwortet.').waitFor();
		});
	});

	test('sending without any answer asks first', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			const link = links['politik-2'];
			await s.visit(`${link}/pruefen`, { heading: 'Übersicht: Ihre Antworten' });
			await s.page.getByText('Noch nicht beantwortet: 12 von 12 Fragen.', { exact: false }).waitFor();
			await s.submit(s.button('Antworten abschicken'), { status: 422, path: `${link}/pruefen` });
			await s.page.getByText('Sie haben keine Frage beantwortet – trotzdem absenden?').first().waitFor();
			await s.page.getByLabel('Ja, ohne Antworten absenden').check();
			await s.submit(s.button('Antworten abschicken'), { path: /^\/t\/danke\?beleg=/, heading: 'Vielen Dank!' });
		});
	});

	test('an unknown link gets a friendly page that reveals nothing', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await s.visit(`/t/${'A'.repeat(43)}`, { status: 404, heading: 'Dieser Link funktioniert gerade nicht' });
			await s.page.getByText('Diesen Link kennen wir nicht. Bitte prüfen Sie, ob er vollständig ist.').waitFor();
		});
	});
});

test('questionnaire pages load no JavaScript: a phone downloads the page and nothing else to run', async () => {
	const link = links['politik-3'];
	for (const path of [link, `${link}/seite/1`, `${link}/pruefen`]) {
		const response = await fetch(new URL(path, demo.url));
		const html = await response.text();
		expect(response.status, path).toBe(200);
		expect(html, path).toContain('<form');
		expect(html, path).not.toMatch(/<script|modulepreload/);
	}
});
