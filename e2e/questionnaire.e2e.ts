/**
 * Participants answer the questionnaire on a phone without JavaScript: three people from three
 * groups finish, one of them leaves halfway and resumes with the same link, and a spent link
 * says so kindly.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { e2eContext } from './support/context';
import { createApiToken, login } from './support/http';

const browser = useBrowser();
const { demo } = e2eContext();
const COMPETENCES = ['A3.1', 'A3.2', 'A8.1'];

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
	const { id } = (await api('/studies', token, { title: 'Befragung im Browsertest', frameworkId: shipped.id, competences: COMPETENCES })) as { id: string };
	await api(`/studies/${id}/status`, token, { status: 'open' });
	for (const group of ['verwaltung', 'politik', 'zivilgesellschaft']) {
		const created = (await api(`/studies/${id}/invitations`, token, { group, count: 1 })) as { links: string[] };
		links[group] = new URL(created.links[0]).pathname;
	}
}, 120_000);

/** Answers every rating on the current page: `value` 1–5, or 'x' for "kann ich nicht einschätzen". */
async function answerPage(s: BrowserSession, value: string) {
	const names = await s.page.locator('input[type=radio]').evaluateAll((inputs) => [...new Set(inputs.map((input) => (input as HTMLInputElement).name))]);
	expect(names.length).toBeGreaterThan(0);
	for (const name of names) await s.page.locator(`input[name="${name}"][value="${value}"]`).check({ force: true });
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
			await s.page.getByText('Seite 1 von 2').waitFor();
			await answerPage(s, value);
			await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });

			if (resume) {
				await s.visit(link, { heading: 'Befragung im Browsertest' });
				await s.follow(s.link('Weitermachen'), { path: `${link}/seite/2` });
				await s.visit(`${link}/seite/1`, {});
				const kept = await s.page.locator(`input[type=radio][value="${value}"]:checked`).count();
				expect(kept, 'answers of page 1 were kept').toBeGreaterThan(0);
				await s.submit(s.button('Weiter'), { path: `${link}/seite/2` });
			}

			await answerPage(s, value);
			await s.submit(s.button('Weiter zur Übersicht'), { path: `${link}/pruefen`, heading: 'Übersicht: Ihre Antworten', screenshot: `fragebogen-uebersicht-${group}` });
			await s.page.getByText('12 von 12 Fragen beantwortet.').waitFor();
			await s.submit(s.button('Antworten abschicken'), { path: /^\/t\/danke\?beleg=[A-Za-z0-9_-]+$/, heading: 'Vielen Dank!', screenshot: `fragebogen-danke-${group}` });
			await s.page.getByText(/Ihre Bestätigungsnummer: [A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){2}/).waitFor();
			// No look-alike characters (O/0, I/l/1), and the code stays on one line.
			expect(await s.page.locator('.receipt-code').evaluate((code) => new Set(Array.from(code.getClientRects()).map((r) => Math.round(r.top))).size)).toBe(1);

			// The link just used successfully says so, not that it is broken.
			await s.visit(link, { status: 410, heading: 'Ihre Antworten sind angekommen' });
			await s.page.getByText('Mit diesem Link wurde diese Runde schon abgeschlossen. Vielen Dank!').waitFor();
		});
	});

	test('an unknown link gets a friendly page that reveals nothing', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await s.visit(`/t/${'A'.repeat(43)}`, { status: 404, heading: 'Dieser Link funktioniert gerade nicht' });
			await s.page.getByText('Diesen Link kennen wir nicht. Bitte prüfen Sie, ob er vollständig ist.').waitFor();
		});
	});
});
