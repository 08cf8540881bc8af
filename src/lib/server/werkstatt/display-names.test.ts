import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { werkstattJoinFormSchema } from '../../schemas/werkstatt';
import type { OrgContext, RequestContext } from '../context';
import { werkstattParticipants } from '../db/schema';
import { validate } from '../validate';
import { createWerkstatt } from './create-werkstatt';
import { joinWerkstatt } from './join-werkstatt';
import { facilitatorBoard, participantBoard } from './list-board';
import { postStatement } from './post-statement';
import { seedStatements } from './seed-statements';

let t: TestDatabase;
let organiser: OrgContext;
let addresses = 0;
const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de', requestId: 'test' });
const phone = (): RequestContext => ({ ...request(), db: t.db, actor: null, clientAddress: `198.51.100.${++addresses}` });

beforeAll(async () => {
	t = await createTestDatabase();
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() };
});

describe('display names in a Werkstatt', () => {
	it('stores and shows a name only when „Namen zeigen“ was ticked on the join form', async () => {
		const { id, code } = await createWerkstatt(organiser, { title: 'Namen', moderation: 'post' });
		await seedStatements(organiser, id, { statements: ['Vorbereitet.'] });
		// The form as the phone sends it: a typed name without the tick is dropped.
		const kim = await joinWerkstatt(phone(), code, validate(werkstattJoinFormSchema, { group: '', showName: 'yes', displayName: ' Kim ' }));
		const typedOnly = await joinWerkstatt(phone(), code, validate(werkstattJoinFormSchema, { group: '', displayName: 'Alex' }));
		const stored = async (participant: string) => (await t.db.select({ name: werkstattParticipants.displayName }).from(werkstattParticipants).where(eq(werkstattParticipants.id, participant)))[0].name;
		expect(await stored(kim.participant)).toBe('Kim');
		expect(await stored(typedOnly.participant)).toBeNull();

		await postStatement(phone(), code, kim.token, { text: 'Wann fängt es an?', kind: 'question' });
		await postStatement(phone(), code, typedOnly.token, { text: 'Wo treffen wir uns?', kind: 'question' });
		await postStatement(phone(), code, typedOnly.token, { text: 'Gern draußen.', kind: 'statement' });

		// The phone's question list: the name where given, null (shown as „anonym“) otherwise.
		const board = await participantBoard(phone(), code, null);
		expect(board.questions.map((q) => [q.text, q.author])).toEqual(
			expect.arrayContaining([
				['Wann fängt es an?', 'Kim'],
				['Wo treffen wir uns?', null]
			])
		);
		// The facilitator's board (and the projection, which shows the same items).
		const items = (await facilitatorBoard(organiser, id)).items;
		expect(items.map((i) => [i.text, i.author, i.seeded])).toEqual([
			['Vorbereitet.', null, true],
			['Wann fängt es an?', 'Kim', false],
			['Wo treffen wir uns?', null, false],
			['Gern draußen.', null, false]
		]);
	});
});
