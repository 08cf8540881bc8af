/**
 * Auswertung: an owner reads the results of the demo's closed study at 1280 and 375 px — charts
 * with their tables, small groups hidden, filters (with and without JavaScript), one competence,
 * the CSV download parsed back — and anyone reads the results of a study published through the API.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { download } from './support/downloads';
import { createApiToken, get, login } from './support/http';
import { logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const owner = demo.accounts.owner;
const TITLE = 'Wissensbedarf Altenburg 2027';
const PUBLISHED_TITLE = 'Öffentliche Ergebnisse (Browsertest)';
const QUANTILE = 'Quantile nach Hyndman & Fan Typ 7 (wie R)';

interface Fixture {
	cookie: string;
	slug: string;
	closedStudyId: string;
	publishedStudyId: string;
}
let fixture: Fixture;

async function api<T>(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
	const response = await fetch(new URL(path, demo.url), {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	expect(response.status, `${method} ${path}: ${response.status === 500 ? '' : await response.clone().text()}`).toBeLessThan(300);
	return (await response.json()) as T;
}

/** A small study run and published through the API: two groups of five and six, all answers given. */
async function publishedStudy(token: string): Promise<string> {
	const { frameworks } = await api<{ frameworks: { id: string; shipped: boolean }[] }>(token, 'GET', '/api/v1/frameworks');
	const frameworkId = (frameworks.find((f) => f.shipped) ?? frameworks[0]).id;
	const { id } = await api<{ id: string }>(token, 'POST', '/api/v1/studies', {
		title: PUBLISHED_TITLE,
		frameworkId,
		competences: ['A1.1', 'A3.4', 'A8.1'],
		groups: [
			{ key: 'verwaltung', label: 'Verwaltung' },
			{ key: 'zivilgesellschaft', label: 'Zivilgesellschaft / Stadtmacher*innen' }
		]
	});
	await api(token, 'POST', `/api/v1/studies/${id}/status`, { status: 'open' });
	for (const [group, count] of [
		['verwaltung', 5],
		['zivilgesellschaft', 6]
	] as const) {
		const { tokens } = await api<{ tokens: string[] }>(token, 'POST', `/api/v1/studies/${id}/invitations`, { group, count });
		for (const [person, link] of tokens.entries()) {
			const questionnaire = await (await fetch(new URL(`/api/v1/participate/${link}`, demo.url))).json();
			const answers = (questionnaire.pages as { competences: { code: string; items: { measure: string; horizon: string | null }[] }[] }[]).flatMap((page) =>
				page.competences.flatMap((competence) =>
					competence.items.map((item, index) => ({
						competence: competence.code,
						measure: item.measure,
						horizon: item.horizon,
						value: item.measure === 'proficiency' ? (group === 'verwaltung' ? 4 : 2) : ((person + index) % 3) + 3
					}))
				)
			);
			const submitted = await fetch(new URL(`/api/v1/participate/${link}`, demo.url), {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
				body: JSON.stringify({ answers })
			});
			expect(submitted.status, await submitted.clone().text()).toBe(201);
		}
	}
	await api(token, 'POST', `/api/v1/studies/${id}/status`, { status: 'closed' });
	await api(token, 'POST', `/api/v1/studies/${id}/status`, { status: 'published' });
	return id;
}

beforeAll(async () => {
	const cookie = await login(demo.url, owner.email, owner.password);
	const token = await createApiToken(demo.url, cookie, 'Browsertest Auswertung');
	const me = await api<{ organisation: { slug: string } }>(token, 'GET', '/api/v1/me');
	const { studies } = await api<{ studies: { id: string; title: string }[] }>(token, 'GET', '/api/v1/studies');
	const existing = studies.find((s) => s.title === PUBLISHED_TITLE);
	fixture = {
		cookie,
		slug: me.organisation.slug,
		closedStudyId: studies.find((s) => s.title === TITLE)!.id,
		publishedStudyId: existing?.id ?? (await publishedStudy(token))
	};
}, JOURNEY_TIMEOUT);

/** A GET as it crosses the wire: the body's bytes still compressed, and the body decompressed. */
function onTheWire(url: URL, headers: Record<string, string>): Promise<{ encoding: string | undefined; wireBytes: number; html: string }> {
	return new Promise((resolve, reject) => {
		http.get(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				const body = Buffer.concat(chunks);
				const encoding = response.headers['content-encoding'];
				const html = (encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body).toString('utf8');
				resolve({ encoding, wireBytes: body.length, html });
			});
			response.on('error', reject);
		}).on('error', reject);
	});
}

test('the demo results page travels compressed, under 60 KB on the wire for brotli and gzip alike', async () => {
	const url = new URL(`/app/analysen/${fixture.closedStudyId}/ergebnisse`, demo.url);
	const plain = await onTheWire(url, { cookie: fixture.cookie, 'accept-encoding': 'identity' });
	expect(plain.html).toContain(`Ergebnisse: ${TITLE}`);
	expect(plain.wireBytes).toBeGreaterThan(150_000);
	for (const asked of ['br', 'gzip']) {
		const compressed = await onTheWire(url, { cookie: fixture.cookie, 'accept-encoding': asked });
		expect(compressed.encoding).toBe(asked);
		expect(compressed.html).toContain(`Ergebnisse: ${TITLE}`);
		expect(compressed.wireBytes, `${asked}: ${compressed.wireBytes} bytes of ${compressed.html.length}`).toBeLessThan(60_000);
	}
});

describe.each(WIDTHS)('at %i px', (width) => {
	// The dashboard is a long page (every competence in heatmap and consensus table): axe needs its time there.
	test('an owner reads the demo results, filters them, opens one competence and downloads the CSV', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await logIn(s, owner.email, owner.password);
			await s.follow(s.link('Analysen'), { path: '/app/analysen', heading: 'Wissensbedarfsanalysen' });
			await s.follow(s.link(TITLE), { path: `/app/analysen/${fixture.closedStudyId}`, heading: TITLE });
			const dashboard = `/app/analysen/${fixture.closedStudyId}/ergebnisse`;
			await s.follow(s.page.getByRole('link', { name: /^Ergebnisse/ }).first(), { path: dashboard, heading: `Ergebnisse: ${TITLE}`, screenshot: 'ergebnisse' });

			await s.page.getByText('57 Teilnehmende').waitFor();
			await s.page.getByText(QUANTILE).first().waitFor();
			// Wissenschaft has 3 answers (k = 5): hidden in the table, said why.
			const wissenschaft = s.page.getByRole('table', { name: 'Abgeschlossene Fragebögen je Gruppe, Runde 1' }).getByRole('row', { name: /^Wissenschaft/ });
			expect((await wissenschaft.textContent())?.replace(/\s+/g, ' ')).toContain('ausgeblendet');
			await s.page.getByText('weniger als 5 Antworten oder zum Schutz einer kleinen Gruppe – aus Datenschutzgründen ausgeblendet', { exact: false }).first().waitFor();
			expect((await wissenschaft.textContent()) ?? '').not.toMatch(/\d/);

			// Every chart is an image with a name, and its table is there too.
			for (const name of ['Teilnahme je Gruppe', /^Die 10 größten Lücken – heute, Alle Gruppen$/, /^Prioritätenmatrix – heute/, /^Heatmap: Wichtigkeit heute/]) {
				await s.page.getByRole('img', { name }).waitFor();
			}
			// The heatmap's legend ends ("1 unwichtig", "5 sehr wichtig") do not overlap; chart text contrast is checked on every page (support/a11y.ts).
			const [low, high] = await Promise.all(['.results-legend-low', '.results-legend-high'].map((selector) => s.page.locator(`.results-heatmap ${selector}`).boundingBox()));
			expect(low && high && (low.y + low.height <= high.y || high.y + high.height <= low.y || low.x + low.width <= high.x || high.x + high.width <= low.x), 'heatmap legend labels overlap').toBe(true);
			const gaps = s.page.getByRole('table', { name: 'Größte Lücken – heute, Alle Gruppen' });
			expect(await gaps.getByRole('row').count()).toBe(11);
			await s.page.getByRole('heading', { name: 'Wo sehen die Gruppen es unterschiedlich?' }).waitFor();
			expect(await s.page.locator('.results-disagreement li').count()).toBe(15);
			await s.page.getByText('Regel dieser Analyse: Konsens, wenn der Interquartilsabstand (IQR) höchstens 1 beträgt und mindestens 70 % mit 4 oder 5 antworten.').waitFor();
			await s.page.getByText('Rohdaten gibt es nur, wenn jede Gruppe in dieser Runde mindestens 5 Antworten hat.', { exact: false }).waitFor();

			// Filters: a horizon and a group (a GET form; with JavaScript the router follows it).
			await s.page.getByLabel('Zeithorizont').selectOption({ label: 'morgen (ca. 5 Jahre)' });
			await s.page.getByLabel('Gruppe', { exact: true }).selectOption({ label: 'Verwaltung' });
			await s.button('Anzeigen').click();
			await s.arrived({ path: /\/ergebnisse\?horizont=morgen&.*gruppe=verwaltung/, heading: `Ergebnisse: ${TITLE}`, screenshot: 'ergebnisse-gefiltert' });
			await s.page.getByRole('table', { name: 'Größte Lücken – morgen (ca. 5 Jahre), Verwaltung' }).waitFor();
			expect(await s.page.getByRole('heading', { name: /^Top 10: / }).count()).toBe(1);

			// One competence: histograms per group, hidden groups said so.
			const first = s.page.getByRole('table', { name: 'Größte Lücken – morgen (ca. 5 Jahre), Verwaltung' }).getByRole('link').first();
			const code = (await first.locator('.code').textContent())!.trim();
			await s.follow(first, { path: new RegExp(`/ergebnisse/kompetenz/${code.replace('.', '\\.')}\\?horizont=morgen`), heading: new RegExp(`^${code.replace('.', '\\.')} `), screenshot: 'ergebnisse-kompetenz' });
			await s.page.getByRole('img', { name: 'Wichtigkeit heute – Verwaltung' }).waitFor();
			await s.page.getByRole('table', { name: 'Kennzahlen: Wichtigkeit heute' }).waitFor();
			const hiddenCard = s.page.locator('.results-histograms li').filter({ has: s.page.getByRole('heading', { name: 'Wissenschaft' }) }).first();
			await hiddenCard.getByText('aus Datenschutzgründen ausgeblendet').waitFor();
			// A card title does not break inside a word (it broke as "Stadtmacher*inne / n").
			const cardTitle = s.page.locator('.results-histograms h4').filter({ hasText: 'Stadtmacher*innen' }).first();
			const wordLines = await cardTitle.evaluate((h) => {
				const text = h.firstChild!;
				const start = (text.textContent ?? '').indexOf('Stadtmacher*innen');
				const range = document.createRange();
				range.setStart(text, start);
				range.setEnd(text, start + 'Stadtmacher*innen'.length);
				return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
			});
			expect(wordLines, 'lines the word "Stadtmacher*innen" takes in its card title').toBe(1);
			await s.follow(s.link('← Zurück zu den Ergebnissen'), { path: /\/ergebnisse\?horizont=morgen&.*gruppe=verwaltung/, heading: `Ergebnisse: ${TITLE}` });

			// The CSV opens in German Excel and says what it is.
			const csv = await download(s, 'Einzelwerte als CSV (öffnet in Excel)');
			expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const records: string[][] = parse(csv, { delimiter: ';', bom: true, relax_column_count: true });
			const header = new Map(records.slice(0, 8).map((r) => [r[0], r[1]]));
			expect(header.get('Analyse')).toBe(TITLE);
			expect(header.get('Runde')).toBe('1');
			expect(header.get('Mindestgruppengröße k')).toBe('5');
			expect(header.get('Quantildefinition')).toBe(QUANTILE);
			const columns = records.find((r) => r[0] === 'Code')!;
			const rows = records.slice(records.indexOf(columns) + 1);
			expect(rows.length).toBeGreaterThan(100);
			const mean = columns.indexOf('Mittelwert');
			expect(rows.find((r) => r[5] === 'Verwaltung')![mean]).toMatch(/^\d(,\d+)?$/);
			for (const row of rows.filter((r) => r[5] === 'Wissenschaft')) expect(row.slice(7).every((v) => v === '')).toBe(true);

			expect((await download(s, 'Arbeitsmappe als XLSX (ein Blatt je Ansicht)')).subarray(0, 2).toString('latin1')).toBe('PK');
			expect((await download(s, 'Bericht als PDF')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		});
	});

	test('without JavaScript the filter form works as a plain GET form', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled: false }, async (s) => {
			await logIn(s, owner.email, owner.password);
			await s.visit(`/app/analysen/${fixture.closedStudyId}/ergebnisse`, { heading: `Ergebnisse: ${TITLE}` });
			await s.page.getByLabel('Themenbereich').selectOption({ index: 3 });
			await s.submit(s.button('Anzeigen'), { path: /\/ergebnisse\?horizont=&bereich=A3&/, heading: `Ergebnisse: ${TITLE}` });
			const shown = await s.page.locator('.results-competence-list a .code').allTextContents();
			expect(shown.length).toBeGreaterThan(0);
			expect(shown.every((code) => code.startsWith('A3.'))).toBe(true);
			await s.visit(`/app/analysen/${fixture.closedStudyId}/ergebnisse?runde=4`, { status: 422, heading: 'Ergebnisse nicht verfügbar' });
			await s.page.getByText('Für Runde 4 gibt es keine Ergebnisse.').waitFor();
		});
	});

	test('anyone reads the results of a published study; unpublished ones stay private', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			const base = `/o/${fixture.slug}/analysen/${fixture.publishedStudyId}`;
			// The organisation's public page lists the published study, and only published ones.
			await s.visit(`/o/${fixture.slug}`, { heading: demo.orgName });
			expect(await s.link('Wissensbedarf Altenburg 2027').count()).toBe(0);
			await s.follow(s.link(PUBLISHED_TITLE), { path: base, heading: `Ergebnisse: ${PUBLISHED_TITLE}`, screenshot: 'ergebnisse-oeffentlich' });
			await s.page.getByText(`Veröffentlichte Ergebnisse von ${demo.orgName}.`, { exact: false }).waitFor();
			await s.page.getByRole('img', { name: 'Teilnahme je Gruppe' }).waitFor();
			await s.page.getByText('11 Teilnehmende').waitFor();
			expect(await s.page.getByRole('link', { name: /Rohdaten/ }).count()).toBe(0);
			await s.follow(s.page.locator('.results-competence-list').getByRole('link', { name: /^A3\.4 / }), { path: `${base}/kompetenz/A3.4`, heading: /^A3\.4 / });
			await s.page.getByRole('img', { name: 'Beherrschung heute – Zivilgesellschaft / Stadtmacher*innen' }).waitFor();
			await s.visit(`/o/${fixture.slug}/analysen/${fixture.closedStudyId}`, { status: 404 });
		});
	});
});

describe('downloads refuse what they must', () => {
	test('bad format, unknown round and raw answers of the demo (a group below k) get a German answer, never a 500', async () => {
		const cookie = await login(demo.url, owner.email, owner.password);
		const base = `/app/analysen/${fixture.closedStudyId}/ergebnisse`;
		const cases: [string, number, string][] = [
			[`${base}/export?format=docx`, 400, 'Unbekanntes Format „docx“. Möglich sind csv, xlsx und pdf.'],
			[`${base}/export?format=csv&runde=9`, 422, 'Für Runde 9 gibt es keine Ergebnisse.'],
			[`${base}/rohdaten`, 409, 'Rohdaten gibt es nur, wenn jede Gruppe in Runde 1 mindestens 5 Antworten hat.'],
			[`/app/analysen/00000000-0000-4000-8000-000000000000/ergebnisse/export?format=csv`, 404, 'Diese Analyse gibt es nicht.'],
			[`/o/${fixture.slug}/analysen/${fixture.closedStudyId}/export?format=csv`, 404, 'Nicht gefunden']
		];
		for (const [path, status, message] of cases) {
			const response = await get(demo.url, path, { cookie });
			expect(response.status, path).toBe(status);
			expect(await response.text(), path).toContain(message);
		}
		const csv = await get(demo.url, `/o/${fixture.slug}/analysen/${fixture.publishedStudyId}/export?format=csv&ansicht=teilnahme`);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	});
});
