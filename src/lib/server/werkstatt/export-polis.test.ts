import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { parsePolisExport } from '../../domain/werkstatt/polis-csv';
import type { OrgContext, RequestContext } from '../context';
import { createWerkstatt } from './create-werkstatt';
import { exportPolisFile } from './export-polis';
import { importPolis } from './import-polis';

let t: TestDatabase;
let organiser: OrgContext;
let foreign: OrgContext;
const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de', requestId: 'test' });

beforeAll(async () => {
	t = await createTestDatabase();
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() };
	foreign = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner')), ...request() };
});

const COMMENTS = [
	'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
	'1700000000,x,0,7,2,1,1,Mehr Grün in der Altstadt.',
	'1700000100,x,1,8,0,0,-1,Werbung für Uhren',
	'1700000200,x,4,,1,1,1,"Bürgerbudget, jedes Jahr."'
].join('\n');
const VOTES = [
	'timestamp,datetime,comment-id,voter-id,vote',
	'1700000300,x,0,7,1',
	'1700000301,x,0,9,1',
	'1700000303,x,4,9,1',
	'1700000304,x,0,8,-1',
	'1700000305,x,4,12,-1',
	'1700000306,x,4,8,0'
].join('\n');

describe('the Pol.is export of a Werkstatt', () => {
	it('gives back every imported vote under the Pol.is ids, and keeps moderated-out statements moderated out', async () => {
		const { id } = await createWerkstatt(organiser, { title: 'Aus Pol.is', moderation: 'post' });
		await importPolis(organiser, id, { comments: COMMENTS, votes: VOTES });
		const files = { comments: String((await exportPolisFile(organiser, id, 'comments.csv')).body), votes: String((await exportPolisFile(organiser, id, 'votes.csv')).body) };
		const parsed = parsePolisExport(files);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		const key = (v: { commentId: string; voterId: string; vote: number }) => `${v.commentId}/${v.voterId}/${v.vote}`;
		const original = parsePolisExport({ comments: COMMENTS, votes: VOTES });
		if (!original.ok) throw new Error('fixture');
		expect(parsed.votes.map(key).sort()).toEqual(original.votes.map(key).sort());
		expect(parsed.comments.map((c) => [c.id, c.moderated, c.body])).toEqual([
			['0', 1, 'Mehr Grün in der Altstadt.'],
			['1', -1, 'Werbung für Uhren'],
			['4', 1, 'Bürgerbudget, jedes Jahr.']
		]);
		for (const file of ['participants-votes.csv', 'summary.csv']) expect(String((await exportPolisFile(organiser, id, file)).body).length).toBeGreaterThan(20);
	});

	it('refuses an unknown file name in German and another organisation’s Werkstatt', async () => {
		const { id } = await createWerkstatt(organiser, { title: 'Leer', moderation: 'post' });
		expect((await rejected(exportPolisFile(organiser, id, 'passwords.csv'))).message).toBe('Die Datei „passwords.csv“ gibt es nicht. Möglich sind comments.csv, votes.csv, participants-votes.csv, summary.csv.');
		expect((await rejected(exportPolisFile(foreign, id, 'votes.csv'))).code).toBe('not_found');
		const empty = await exportPolisFile(organiser, id, 'votes.csv');
		expect(String(empty.body).trim()).toBe('timestamp,datetime,comment-id,voter-id,vote');
	});
});
