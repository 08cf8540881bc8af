/**
 * Issue 17 in the browser: the study form says what its dates will do, the study page says when it
 * opens and closes by itself, and the free-text review lists a Delphi round's reasons per item as
 * "Begründungen", to be released like an open question — at 1280 and 375 px, axe on every page.
 * The study with reasons is built over the API: three rounds, k = 3, eight Verwaltung answers per
 * round (free text needs n ≥ 8), four of them give a reason in round 2.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { apiV1, createApiToken, login } from './support/http';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const DATED = 'Analyse mit Terminen';
const DELPHI = 'Delphi mit Begründungen';
const ITEM = { competence: 'A3.1', measure: 'importance', horizon: 'heute' } as const;
const REASON = 'reason:A3.1|importance|heute';
let datedId = '';
let delphiId = '';

const api = apiV1(demo.url);

beforeAll(async () => {
	const cookie = await login(demo.url, demo.accounts.organiser.email, demo.accounts.organiser.password);
	const token = await createApiToken(demo.url, cookie, 'E2E Termine');
	const { frameworks } = (await api('/frameworks', token)) as { frameworks: { id: string; shipped: boolean }[] };
	const frameworkId = frameworks.find((f) => f.shipped)!.id;
	({ id: datedId } = (await api('/studies', token, { title: DATED, frameworkId, competences: ['A3.1'], opensOn: '2099-03-01', closesOn: '2099-03-31' })) as { id: string });

	const { id } = (await api('/studies', token, { title: DELPHI, frameworkId, competences: ['A3.1'], horizons: [{ key: 'heute', label: 'heute', years: 0 }], rounds: 3, minGroupSize: 3 })) as { id: string };
	await api(`/studies/${id}/status`, token, { status: 'open' });
	const { links } = (await api(`/studies/${id}/invitations`, token, { group: 'verwaltung', count: 8 })) as { links: string[] };
	const tokens = links.map((link) => link.split('/').at(-1)!);
	const submit = (participant: string, value: number, open?: Record<string, string>) =>
		api(`/participate/${participant}`, null, { answers: [{ ...ITEM, value }, { competence: 'A3.1', measure: 'proficiency', horizon: null, value: 3 }], open }, { 'idempotency-key': randomUUID() });
	for (const participant of tokens) await submit(participant, 4);
	await api(`/studies/${id}/status`, token, { status: 'closed' });
	await api(`/studies/${id}/rounds`, token, {});
	for (const [index, participant] of tokens.entries()) {
		await submit(participant, index < 4 ? 1 : 4, index < 4 ? { [REASON]: `Begründung ${index + 1}: Bei uns ist das heute kein Thema.` } : undefined);
	}
	await api(`/studies/${id}/status`, token, { status: 'closed' });
	delphiId = id;
}, 180_000);

describe('dates that act, and reasons to review', () => {
	test.each([{ width: 1280 as const }, { width: 375 as const }])('an organiser reads what the dates do and reviews the reasons at $width px', { timeout: JOURNEY_TIMEOUT }, async ({ width }) => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await logIn(s, demo.accounts.organiser.email, demo.accounts.organiser.password);
			await s.visit('/app/analysen/neu', { heading: 'Neue Analyse' });
			await s.page.getByText('Die Analyse öffnet an diesem Tag um 0 Uhr von selbst.').waitFor();
			await s.page.getByText('Die Analyse schließt an diesem Tag um 24 Uhr von selbst.').waitFor();
			await expect(s.page.getByLabel('Erinnerung: Tage vor dem Ende').inputValue()).resolves.toBe('3');
			await s.page.getByText(/^So viele Tage vor dem Ende erinnert Stadtwissen .* 0 heißt: keine Erinnerung\.$/).waitFor();
			expect(await s.page.getByRole('radio', { name: /^Nur bei abweichenden Antworten/ }).isChecked()).toBe(true);
			await s.page.getByRole('radio', { name: 'Begründung bei jeder Frage, schon ab Runde 1' }).waitFor();
			await s.page.locator('#field-opensOn').scrollIntoViewIfNeeded();
			await s.page.screenshot({ path: `e2e/screenshots/studie-termine-formular-${width}.png` });

			await s.visit(`/app/analysen/${datedId}`, { heading: DATED, screenshot: 'studie-termine' });
			await s.page.getByText('Öffnet von selbst am 01.03.2099 (0 Uhr). Schließt von selbst am 31.03.2099 (24 Uhr).').waitFor();
			await s.visit(`/app/analysen/${datedId}/bearbeiten`, { heading: /bearbeiten/i });
			await s.page.getByText('Die Analyse öffnet am 01.03.2099 um 0 Uhr von selbst.').waitFor();
			await s.page.getByText('Die Analyse schließt am 31.03.2099 um 24 Uhr von selbst.').waitFor();
			await s.page.getByText(/^Ab dem 28\.03\.2099 erinnert Stadtwissen einmal je Runde/).waitFor();

			const review = `/app/analysen/${delphiId}/ergebnisse/freitext?runde=2`;
			await s.visit(review, { heading: `Offene Antworten prüfen: ${DELPHI}` });
			await s.page.getByText('Diese Analyse hat keine offenen Fragen – hier stehen nur die Begründungen aus der Delphi-Runde.').waitFor();
			const reasons = s.page.locator('section.freetext-reasons');
			await reasons.getByRole('heading', { name: 'Begründungen (Delphi)' }).waitFor();
			await reasons.getByText(/sieht Runde 3 sie neben der Verteilung als „Argumente aus Runde 2“/).waitFor();
			const texts = (await reasons.locator('.freetext-body').allTextContents()).sort();
			expect(texts).toEqual([1, 2, 3, 4].map((n) => `Begründung ${n}: Bei uns ist das heute kein Thema.`));
			await s.screenshot('freitext-begruendungen');
			if (width === 1280) {
				await s.submit(reasons.getByRole('button', { name: /^Freigeben/ }).first(), { path: /\/freitext\?runde=2&hinweis=release$/ });
				await reasons.locator('.freetext-state.released').waitFor();
			}
		});
	});
});
