import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { rejected } from '../../../../tests/helpers/errors';
import { werkstattJoinFormSchema, werkstattPostSchema, werkstattVoteFormSchema } from '../../schemas/werkstatt';
import type { OrgContext, RequestContext } from '../context';
import { werkstattParticipants } from '../db/schema';
import { validate } from '../validate';
import { createWerkstatt } from './create-werkstatt';
import { deleteWerkstatt } from './delete-werkstatt';
import { joinWerkstatt } from './join-werkstatt';
import { facilitatorBoard, participantBoard } from './list-board';
import { postStatement } from './post-statement';
import { seedStatements } from './seed-statements';
import { showPhoneBoard } from './show-phone-board';

let t: TestDatabase;
let organiser: OrgContext;
let addresses = 0;
const request = (): Omit<RequestContext, 'db' | 'actor'> => ({ baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de', requestId: 'test' });
const phone = (): RequestContext => ({ ...request(), db: t.db, actor: null, clientAddress: `198.51.100.${++addresses}` });

beforeAll(async () => {
	t = await createTestDatabase();
	organiser = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'organiser')), ...request() };
});

describe('the participant page on the phone', () => {
	it('shows the board with the own waiting post when the cookie’s token fits, the join form when it does not', async () => {
		const { code } = await createWerkstatt(organiser, { title: 'Quartier', moderation: 'pre' });
		const other = await createWerkstatt(organiser, { title: 'Anderswo', moderation: 'post' });
		const { token } = await joinWerkstatt(phone(), code, { group: null });
		const elsewhere = (await joinWerkstatt(phone(), other.code, { group: null })).token;
		await postStatement(phone(), code, token, validate(werkstattPostSchema, { text: 'Wer entscheidet über die Flächen?', kind: 'question' }));

		const mine = await showPhoneBoard(phone(), code.toLowerCase(), token);
		expect(mine.joined).toBe(true);
		expect(mine.board.werkstatt.code).toBe(code);
		expect(mine.board.questions).toMatchObject([{ text: 'Wer entscheidet über die Flächen?', status: 'pending', mine: true }]);

		for (const stale of [elsewhere, 'swp_nothing', 'kein-schluessel', null]) {
			const page = await showPhoneBoard(phone(), code, stale);
			expect(page.joined).toBe(false);
			expect(page.board.participant).toBeNull();
			expect(page.board.questions).toEqual([]);
		}
	});

	it('refuses an unknown or deleted Werkstatt with the German 404, token or not', async () => {
		const { id, code } = await createWerkstatt(organiser, { title: 'Bald weg', moderation: 'post' });
		const { token } = await joinWerkstatt(phone(), code, { group: null });
		await deleteWerkstatt(organiser, id);
		const gone = await rejected(showPhoneBoard(phone(), code, token));
		expect(gone.status).toBe(404);
		expect(gone.message).toBe('Diese Werkstatt gibt es nicht (mehr). Bitte prüfen Sie den Code.');
		expect((await rejected(showPhoneBoard(phone(), 'ZZZ', null))).status).toBe(404);
	});
});

describe('the phone forms', () => {
	it('keep the name only when „Namen zeigen“ is ticked, and read the group „möchte ich nicht sagen“ as none', () => {
		expect(validate(werkstattJoinFormSchema, { group: '', displayName: 'Kim' })).toEqual({ group: null, displayName: null });
		expect(validate(werkstattJoinFormSchema, { group: 'politik', showName: 'yes', displayName: ' Kim ' })).toEqual({ group: 'politik', displayName: 'Kim' });
		expect(validate(werkstattJoinFormSchema, { group: 'politik', showName: 'yes', displayName: '' })).toEqual({ group: 'politik', displayName: null });
	});

	it('turn the three vote buttons into 1, -1 and 0 and refuse anything else', () => {
		const statement = '00000000-0000-4000-8000-000000000001';
		expect(['1', '-1', '0'].map((vote) => validate(werkstattVoteFormSchema, { statement, vote }).vote)).toEqual([1, -1, 0]);
		expect(werkstattVoteFormSchema.safeParse({ statement, vote: '2' }).success).toBe(false);
	});
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
