/**
 * The Werkstatt's documentation (PDF and Markdown) against the real database: what the room saw and
 * voted, the consensus list and the opinion groups — never a group below the organisation's
 * minimum group size, never a hidden item.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { callRoute } from '../../../../tests/helpers/api-route';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { phones, werkstattRequest } from '../../../../tests/helpers/werkstatt-phones';
import { rejected } from '../../../../tests/helpers/errors';
import { pdfText } from '../../../../tests/helpers/pdf';
import { GET as documentationRoute } from '../../../routes/api/v1/werkstaetten/[id]/export/dokumentation.[format]/+server';
import { werkstattModerateSchema, werkstattSeedSchema } from '../../schemas/werkstatt';
import type { OrgContext } from '../context';
import { closeDatabase } from '../db/client';
import { openApiDocument } from '../openapi/document';
import { catalogueModules, catalogueSessions } from '../db/schema';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { createStudy } from '../studies/create-study';
import { validate } from '../validate';
import { castVote } from './cast-vote';
import { createWerkstatt } from './create-werkstatt';
import { exportWerkstattDocumentation } from './export-documentation';
import { joinWerkstatt } from './join-werkstatt';
import { likeQuestion } from './like-question';
import { moderateStatement } from './moderate-statement';
import { postStatement } from './post-statement';
import { seedStatements } from './seed-statements';

let t: TestDatabase;
let facilitator: OrgContext;
let foreign: OrgContext;

const request = werkstattRequest;
const phone = phones(() => t.db);
const moderate = (ctx: OrgContext, id: string, item: string, action: string) => moderateStatement(ctx, id, item, validate(werkstattModerateSchema, { action }));

beforeAll(async () => {
	t = await createTestDatabase();
	await closeDatabase();
	process.env.DATABASE_URL = t.url;
	facilitator = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate')), ...request() };
	foreign = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner')), ...request() };
	// One of Altenburg's analyses promises k = 7: the Werkstatt keeps the same promise.
	const frameworkId = await ensureDefaultFramework(t.db);
	await createStudy({ ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() }, { title: 'Bedarfsanalyse', frameworkId, competences: ['A1.1'], minGroupSize: 7 });
	return closeDatabase;
});

async function sessionOf(ctx: OrgContext) {
	const [module] = await t.db
		.insert(catalogueModules)
		.values({ orgId: ctx.org.orgId, title: 'Stadt gemeinsam machen', format: 'workshop', targetGroups: ['verwaltung', 'politik', 'zivilgesellschaft'] })
		.returning({ id: catalogueModules.id });
	const [row] = await t.db
		.insert(catalogueSessions)
		.values({ moduleId: module.id, orgId: ctx.org.orgId, startsAt: new Date('2027-03-18T09:00:00Z'), endsAt: new Date('2027-03-18T12:00:00Z'), parts: [], capacity: 30, status: 'open' })
		.returning({ id: catalogueSessions.id });
	return row.id;
}

describe('the documentation of a Werkstatt', () => {
	it('documents questions, votes, consensus and opinion groups as PDF and Markdown, without hidden items or small groups', async () => {
		const sessionId = await sessionOf(facilitator);
		const { id, code } = await createWerkstatt(facilitator, { title: 'Leerstand beleben', sessionId, moderation: 'post' });
		const [shared, split, hidden] = (
			await seedStatements(facilitator, id, validate(werkstattSeedSchema, { statements: ['Leerstand nutzen wir gemeinsam.', 'Die Verwaltung soll *allein* entscheiden.', 'Eine verborgene Aussage.'] }))
		).statements;
		await moderate(facilitator, id, hidden, 'hide');
		// Verwaltung 7, Politik 2, Zivilgesellschaft 8 (k = 7): Politik is too small, and Verwaltung would give it away by subtraction.
		const room = [...Array(7).fill('verwaltung'), 'politik', 'politik', ...Array(8).fill('zivilgesellschaft')] as string[];
		const tokens: string[] = [];
		for (const group of room) {
			const { token } = await joinWerkstatt(phone(), code, { group });
			tokens.push(token);
			await castVote(phone(), code, token, { statement: shared, vote: 1 });
			await castVote(phone(), code, token, { statement: split, vote: group === 'verwaltung' ? 1 : -1 });
			await castVote(phone(), code, token, { statement: hidden, vote: 1 }).catch(() => undefined);
		}
		const asked = await postStatement(phone(), code, tokens[0], { text: 'Wer entscheidet über die Zwischennutzung?', kind: 'question' });
		await postStatement(phone(), code, tokens[1], { text: 'Gibt es Geld dafür?', kind: 'question' });
		const gone = await postStatement(phone(), code, tokens[2], { text: 'Eine verborgene Frage?', kind: 'question' });
		for (const token of tokens.slice(3, 6)) await likeQuestion(phone(), code, token, { question: asked.id });
		await moderate(facilitator, id, asked.id, 'answer');
		await moderate(facilitator, id, gone.id, 'hide');

		const md = await exportWerkstattDocumentation(facilitator, id, 'md');
		expect(md.contentType).toBe('text/markdown; charset=utf-8');
		expect(md.fileName).toBe('werkstatt-leerstand-beleben.md');
		const text = md.body as string;
		expect(text).toMatch(/^# Leerstand beleben\n/);
		expect(text).toContain('- Modul: Stadt gemeinsam machen (Termin 18.03.2027, 10:00 Uhr)');
		expect(text).toContain('- Datum: 18.03.2027');
		expect(text).toContain('- Teilnehmende: 17');
		// Most supported first, answered or not.
		expect(text).toContain('## Fragen\n\n- Wer entscheidet über die Zwischennutzung? (3 Unterstützungen, beantwortet)\n- Gibt es Geld dafür? (0 Unterstützungen, offen)\n');
		expect(text).toContain('1. Leerstand nutzen wir gemeinsam.\n   - Alle: 17 Zustimmung, 0 Ablehnung, 0 weiß nicht\n   - Zivilgesellschaft / Stadtmacher\\*innen: 8 Zustimmung, 0 Ablehnung, 0 weiß nicht\n');
		// A participant's words stay words: no emphasis from their asterisks.
		expect(text).toContain('2. Die Verwaltung soll \\*allein\\* entscheiden.\n   - Alle: 7 Zustimmung, 10 Ablehnung, 0 weiß nicht\n   - Zivilgesellschaft');
		expect(text).not.toMatch(/Verwaltung: \d|Kommunalpolitik/);
		expect(text).toContain('mindestens 7 Personen');
		expect(text).toContain('## Wo sind wir uns einig?');
		expect(text).toMatch(/### Über die Meinungsgruppen\n\n\| Aussage \| Konsens \|\n\| --- \| ---: \|\n\| Leerstand nutzen wir gemeinsam\. \| 0,\d\d \|/);
		expect(text).toContain('## Wo gehen die Meinungen auseinander?');
		expect(text.match(/### Meinungsgruppe [AB] \((7|10) Personen\)/g)).toHaveLength(2);
		expect(text).toContain('- Die Verwaltung soll \\*allein\\* entscheiden.');
		expect(text).not.toContain('verborgen');

		const pdf = await exportWerkstattDocumentation(facilitator, id, 'pdf', { compress: false });
		expect(pdf.contentType).toBe('application/pdf');
		expect(pdf.fileName).toBe('werkstatt-leerstand-beleben.pdf');
		const printed = pdfText(pdf.body as Uint8Array);
		for (const expected of ['Werkstatt: Leerstand beleben', 'Modul: Stadt gemeinsam machen', 'Wer entscheidet über die Zwischennutzung?', 'beantwortet', 'Leerstand nutzen wir gemeinsam.', 'Zivilgesellschaft / Stadtmacher*innen', 'Wo sind wir uns einig?', 'Wo gehen die Meinungen auseinander?'])
			expect(printed).toContain(expected);
		expect(printed).toMatch(/Meinungsgruppe A \(\d+ Personen\)/);
		expect(printed).not.toMatch(/verborgen|Kommunalpolitik/);

		expect((await rejected(exportWerkstattDocumentation(foreign, id, 'md'))).code).toBe('not_found');
		expect((await rejected(exportWerkstattDocumentation(facilitator, id, 'docx'))).code).toBe('not_found');
	});

	it('describes no opinion group smaller than the organisation’s minimum group size', async () => {
		const { id, code } = await createWerkstatt(facilitator, { title: 'Kleine Runde', moderation: 'post' });
		const [a, b] = (await seedStatements(facilitator, id, validate(werkstattSeedSchema, { statements: ['Mehr Bänke am Markt.', 'Weniger Parkplätze am Markt.'] }))).statements;
		for (let i = 0; i < 5; i++) {
			const { token } = await joinWerkstatt(phone(), code, { group: null });
			await castVote(phone(), code, token, { statement: a, vote: i < 3 ? 1 : -1 });
			await castVote(phone(), code, token, { statement: b, vote: i < 3 ? -1 : 1 });
		}
		const text = (await exportWerkstattDocumentation(facilitator, id, 'md')).body as string;
		expect(text).not.toMatch(/### Meinungsgruppe/);
		expect(text).toMatch(/Meinungsgruppen sind kleiner als 7 Personen und werden nicht beschrieben/);
		expect(text).toContain('## Fragen\n\nKeine Fragen.');
	});

	it('is served by GET /api/v1/werkstaetten/{id}/export/dokumentation.{md,pdf} to the facilitator', async () => {
		const { id } = await createWerkstatt(facilitator, { title: 'Über die API', moderation: 'post' });
		const md = await callRoute(documentationRoute, { path: `/api/v1/werkstaetten/${id}/export/dokumentation.md`, params: { id, format: 'md' }, actor: facilitator.actor });
		expect(md.status).toBe(200);
		expect(md.headers.get('content-disposition')).toContain('werkstatt-ueber-die-api.md');
		expect(md.text).toMatch(/^# Über die API\n/);
		const unknown = await callRoute(documentationRoute, { path: `/api/v1/werkstaetten/${id}/export/dokumentation.docx`, params: { id, format: 'docx' }, actor: facilitator.actor });
		expect(unknown.status).toBe(404);
		const stranger = await callRoute(documentationRoute, { path: `/api/v1/werkstaetten/${id}/export/dokumentation.md`, params: { id, format: 'md' }, actor: foreign.actor });
		expect(stranger.status).toBe(404);
		expect(stranger.text).not.toContain('Über die API');
		const paths = openApiDocument('https://stadtwissen.test/api/v1').paths as Record<string, { get?: { responses: Record<string, unknown> } }>;
		expect(Object.keys(paths['/werkstaetten/{id}/export/dokumentation.{format}'].get!.responses)).toEqual(['200', '401', '403', '404']);
	});
});
