import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { werkstattCreateForm, werkstattModerateForm, werkstattSeedForm } from '../../schemas/werkstatt-room';
import type { OrgContext, RequestContext } from '../context';
import { catalogueModules, catalogueSessions } from '../db/schema';
import { createWerkstatt } from './create-werkstatt';
import { qrPath } from '../qr/qr-path';
import { getWerkstattRoom } from './get-werkstatt-room';
import { listWerkstaetten } from './list-werkstaetten';

let t: TestDatabase;
let organiser: OrgContext;
let facilitator: OrgContext;
let foreign: OrgContext;

const now = new Date('2026-12-06T10:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now, locale: 'de', requestId: 'test' });

beforeAll(async () => {
	t = await createTestDatabase();
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() };
	facilitator = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate')), ...request() };
	foreign = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner')), ...request() };
});

async function session(ctx: OrgContext, title: string, startsIn: number, status: 'open' | 'cancelled' = 'open') {
	const [module] = await t.db.insert(catalogueModules).values({ orgId: ctx.org.orgId, title, format: 'workshop', targetGroups: ['verwaltung'] }).returning({ id: catalogueModules.id });
	const [row] = await t.db
		.insert(catalogueSessions)
		.values({ moduleId: module.id, orgId: ctx.org.orgId, startsAt: hours(startsIn), endsAt: hours(startsIn + 2), parts: [], capacity: 20, status })
		.returning({ id: catalogueSessions.id });
	return row.id;
}

describe('the facilitator’s list of Werkstätten', () => {
	it('shows the own organisation’s Werkstätten with their session, and offers only own sessions that have not ended', async () => {
		const later = await session(organiser, 'Stadt gemeinsam machen', 48);
		const sooner = await session(organiser, 'Beteiligung planen', 1);
		await session(organiser, 'Vorbei', -10);
		await session(organiser, 'Abgesagt', 24, 'cancelled');
		await session(foreign, 'Fremdes Modul', 5);
		const linked = await createWerkstatt(organiser, { title: 'Im Modul', sessionId: later, moderation: 'pre' });
		await createWerkstatt(foreign, { title: 'Fremde Werkstatt', moderation: 'post' });

		const list = await listWerkstaetten(facilitator);
		expect(list.mayManage).toBe(false);
		expect(list.werkstaetten.map((w) => w.title)).toEqual(['Im Modul']);
		expect(list.werkstaetten[0]).toMatchObject({ id: linked.id, code: linked.code, status: 'open', moderation: 'pre', session: { id: later, moduleTitle: 'Stadt gemeinsam machen' } });
		expect(list.sessions.map((s) => s.moduleTitle)).toEqual(['Beteiligung planen', 'Stadt gemeinsam machen']);
		expect(list.sessions[0].id).toBe(sooner);
		expect((await listWerkstaetten(organiser)).mayManage).toBe(true);
	});
});

describe('the board of one Werkstatt', () => {
	it('has the join link and its QR code, and belongs to its own organisation only', async () => {
		const { id, code } = await createWerkstatt(organiser, { title: 'Leerstand', moderation: 'post' });
		const room = await getWerkstattRoom(facilitator, id);
		expect(room.joinUrl).toBe(`https://stadtwissen.test/w/${code}`);
		expect(room.qr).toEqual(qrPath(room.joinUrl));
		expect(room.session).toBeNull();
		expect(room.results.statements).toEqual([]);
		expect((await rejected(getWerkstattRoom(foreign, id))).code).toBe('not_found');
	});
});

describe('the facilitator’s forms', () => {
	it('read one statement per line and leave empty lines out', () => {
		expect(werkstattSeedForm.parse({ statements: ' Erste Aussage \r\n\n Zweite Aussage\n' }).statements).toEqual(['Erste Aussage', 'Zweite Aussage']);
		expect(werkstattSeedForm.safeParse({ statements: '\n \n' }).error?.issues[0].message).toBe('Bitte geben Sie mindestens eine Aussage an.');
		expect(werkstattSeedForm.safeParse({ statements: 'x'.repeat(281) }).error?.issues[0].message).toBe('Höchstens 280 Zeichen, bitte kürzen Sie den Text.');
	});

	it('take an empty session as none, and a text only with a correction', () => {
		expect(werkstattCreateForm.parse({ title: 'Titel', sessionId: '', moderation: 'pre' })).toEqual({ title: 'Titel', moderation: 'pre' });
		expect(werkstattModerateForm.parse({ statement: 'x', action: 'pin', text: '' })).toEqual({ statement: 'x', action: 'pin' });
		expect(werkstattModerateForm.parse({ statement: 'x', action: 'edit', text: ' Neu ' })).toEqual({ statement: 'x', action: 'edit', text: 'Neu' });
		expect(werkstattModerateForm.safeParse({ statement: 'x', action: 'edit', text: '' }).success).toBe(false);
	});
});
