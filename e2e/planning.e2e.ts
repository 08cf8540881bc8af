/**
 * Qualifizierungsplan in the browser (issue 15): the demo owner creates a plan from the demo's
 * closed study (minGap typed as „0,5“), drops a gap (first without a reason: refused, nothing
 * changes), creates a draft module for an uncovered gap in one step and sees the coverage rise,
 * adds a measure with a budget, publishes, downloads the XLSX (read back with exceljs) and reads
 * the public page, which names nobody. At 375 px without JavaScript the same plan is changed
 * with plain forms and compared with the demo's follow-up study ("Was hat sich verändert?").
 * Every page is axe-checked at both widths.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { e2eContext } from './support/context';
import { login, request } from './support/http';
import { logIn } from './support/pages';

const browser = useBrowser();
const { demo } = e2eContext();
const STUDY = 'Wissensbedarf Altenburg 2027';
const RESPONSIBLE = 'Amt für Stadtentwicklung, Frau Beispiel';
const FOLLOW_UP = 'Wissensbedarf Altenburg 2029 – Folgebefragung';

let ownerCookie = '';
let planPath = '';
let publicPath = '';

beforeAll(async () => {
	ownerCookie = await login(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
}, 120_000);

/** „23 von 29 priorisierten Bedarfen …“ → { covered: 23, prioritised: 29 } */
async function coverage(s: BrowserSession): Promise<{ covered: number; prioritised: number }> {
	const text = (await s.page.locator('.plan-coverage-sentence').textContent()) ?? '';
	const match = /(\d+) von (\d+) priorisierten Bedarfen/.exec(text);
	expect(match, `coverage sentence: ${text}`).not.toBeNull();
	return { covered: Number(match![1]), prioritised: Number(match![2]) };
}

const budget = (s: BrowserSession) => s.page.locator('table:has(caption#plan-budget)');
/** A disclosure of a gap card; its summary also names the gap for screen readers. */
const openDisclosure = (scope: ReturnType<BrowserSession['page']['locator']>, label: string) => scope.locator('summary').filter({ hasText: new RegExp(`^${label}`) }).first().click();

describe('Qualifizierungsplan', () => {
	test('at 1280 px: create, drop, module for an uncovered gap, measure, publish, XLSX, public page', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width: 1280 }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.follow(s.link('Pläne'), { path: '/app/plaene', heading: 'Qualifizierungspläne', screenshot: 'plaene-liste' });
			await s.page.getByText('Hier stehen nur Analysen mit einer abgeschlossenen Runde').waitFor();
			const option = s.page.locator('#field-studyId option').filter({ hasText: `${STUDY} – Runde` }).first();
			await s.page.locator('#field-studyId').selectOption(await option.getAttribute('value'));
			// A rule that is no number is refused in German, with what was typed kept.
			await s.field('Mindestlücke').fill('viel');
			await s.submit(s.button('Plan erstellen'), { status: 422 });
			await s.page.getByText('Die Mindestlücke ist eine Zahl zwischen 0 und 4').first().waitFor();
			await s.field('Mindestlücke').fill('0,5');
			await s.submit(s.button('Plan erstellen'), { path: /^\/app\/plaene\/[0-9a-f-]{36}\?angelegt$/, heading: new RegExp(`Qualifizierungsplan: ${STUDY}`), screenshot: 'plan' });
			planPath = s.path.replace(/\?.*$/, '');
			await s.page.getByText('Regel: Lücke ab 0,5 oder unter den 10 größten Lücken je Zeithorizont.').waitFor();
			const before = await coverage(s);
			expect(before.prioritised).toBeGreaterThan(0);

			// Drop the first gap: without a reason it is refused and stays; with one it moves to the dropped list.
			const first = s.page.locator('li.plan-gap').first();
			const dropped = ((await first.locator('h3').textContent()) ?? '').trim();
			await openDisclosure(first, 'Streichen');
			await s.submit(first.getByRole('button', { name: /^Bedarf streichen/ }), { status: 422 });
			await s.page.getByText('Bitte begründen Sie, warum dieser Bedarf nicht in den Plan kommt.').first().waitFor();
			expect(await coverage(s)).toEqual(before);
			const again = s.page.locator('li.plan-gap').first();
			await again.getByLabel('Warum streichen Sie diesen Bedarf?').fill('Deckt die Volkshochschule schon ab.');
			await s.submit(again.getByRole('button', { name: /^Bedarf streichen/ }));
			await s.page.getByText('Der Bedarf ist gestrichen.').waitFor();
			await s.page.locator('.plan-dropped li').filter({ hasText: 'Deckt die Volkshochschule schon ab.' }).first().waitFor();
			const afterDrop = await coverage(s);
			expect(afterDrop.prioritised).toBe(before.prioritised - 1);
			expect(dropped.length).toBeGreaterThan(0);

			// A draft module for an uncovered gap in one step: coverage rises (the competence's gaps in every horizon count as covered).
			const uncovered = s.page.locator('li.plan-gap').filter({ has: s.page.locator('.plan-uncovered') }).first();
			// One card per horizon and competence: the same competence may be a gap in every horizon.
			const cardId = (await uncovered.getAttribute('id'))!;
			await openDisclosure(uncovered, 'Modul für diesen Bedarf anlegen');
			await uncovered.getByLabel('Stufe').selectOption('anwenden');
			await s.submit(uncovered.getByRole('button', { name: 'Modul als Entwurf anlegen' }));
			await s.page.getByText('Das Modul ist als Entwurf im Katalog angelegt').waitFor();
			const afterModule = await coverage(s);
			expect(afterModule.prioritised).toBe(afterDrop.prioritised);
			expect(afterModule.covered).toBeGreaterThan(afterDrop.covered);
			const card = s.page.locator(`li[id="${cardId}"]`);
			await expect(card.locator('.plan-uncovered').count()).resolves.toBe(0);
			await card.getByText('(anwenden)').first().waitFor();

			// A measure with a budget: 45,50 € × 20 = 910,00 €.
			await openDisclosure(card, 'Maßnahme hinzufügen');
			const add = card.locator('form[action="?/addMeasure"]');
			await add.getByLabel('Zeitraum').selectOption('morgen');
			await add.getByLabel('Zielgruppe').selectOption('verwaltung');
			await add.getByLabel('Verantwortlich').fill(RESPONSIBLE);
			await add.getByLabel('Euro je Person').fill('45,50');
			await add.getByLabel('Erwartete Teilnehmende').fill('20');
			await s.submit(add.getByRole('button', { name: 'Maßnahme hinzufügen' }));
			await s.page.getByText('Die Maßnahme ist hinzugefügt.').waitFor();
			await expect(budget(s).textContent()).resolves.toMatch(/910,00\s€/);

			await s.submit(s.button('Plan veröffentlichen'), { screenshot: 'plan-veroeffentlicht' });
			await s.page.getByText('Der Plan ist veröffentlicht.').first().waitFor();
			publicPath = (await s.page.locator('.plan-publish a[href^="/o/"]').getAttribute('href'))!;

			// The XLSX, read back: its sheets and the coverage the page shows.
			const file = await request(demo.url, 'GET', `${planPath}/export.xlsx`, null, { cookie: ownerCookie });
			expect(file.status).toBe(200);
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load(await file.arrayBuffer());
			expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Methode', 'Bedarfe', 'Maßnahmen', 'Budget', 'Abdeckung', 'Lernpfade']));
			let total: unknown[] = [];
			workbook.getWorksheet('Abdeckung')!.eachRow((row) => {
				if (row.getCell(1).value === 'Gesamt') total = [row.getCell(2).value, row.getCell(3).value];
			});
			expect(total).toEqual([afterModule.prioritised, afterModule.covered]);

			await s.follow(s.page.locator('.plan-publish a[href^="/o/"]'), { path: publicPath, heading: new RegExp(`Qualifizierungsplan: ${STUDY}`), screenshot: 'plan-oeffentlich' });
			expect(await coverage(s)).toEqual(afterModule);
			await expect(s.page.locator('main').textContent()).resolves.not.toContain(RESPONSIBLE);
			await expect(s.page.getByRole('button', { name: /Streichen|veröffentlichen/ }).count()).resolves.toBe(0);
		});
	});

	test('at 375 px without JavaScript: the plan, a changed measure, the public page', { timeout: JOURNEY_TIMEOUT }, async () => {
		expect(planPath, 'the 1280 px journey created the plan').not.toBe('');
		await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
			await logIn(s, demo.accounts.owner.email, demo.accounts.owner.password);
			await s.visit('/app/plaene', { heading: 'Qualifizierungspläne', screenshot: 'plaene-liste' });
			await s.follow(s.link(`Qualifizierungsplan: ${STUDY}`).first(), { path: planPath, screenshot: 'plan' });
			const card = s.page.locator('li.plan-gap').filter({ hasText: RESPONSIBLE });
			const change = card.locator('details').filter({ has: s.page.locator(`input[name=responsible][value="${RESPONSIBLE}"]`) });
			await change.locator('summary').click();
			await change.getByLabel('Erwartete Teilnehmende').fill('10');
			await s.submit(change.getByRole('button', { name: 'Maßnahme speichern' }));
			await s.page.getByText('Die Maßnahme ist gespeichert.').waitFor();
			await expect(budget(s).textContent()).resolves.toMatch(/455,00\s€/);
			// Was hat sich verändert? The demo's follow-up study against the plan's study (a GET form).
			await s.page.getByLabel('Spätere Analyse').selectOption({ label: FOLLOW_UP });
			await s.submit(s.button('Vergleichen'), { screenshot: 'plan-vergleich' });
			await s.page.getByRole('heading', { name: 'Deutliche Veränderungen (Alle Gruppen)' }).waitFor();
			await expect(s.page.locator('.results-comparison-findings').textContent()).resolves.toMatch(/besser eingeschätzt als in „Wissensbedarf Altenburg 2027“/);
			await s.visit(publicPath, { heading: new RegExp(`Qualifizierungsplan: ${STUDY}`), screenshot: 'plan-oeffentlich' });
			await expect(budget(s).textContent()).resolves.toMatch(/455,00\s€/);
		});
	});
});
