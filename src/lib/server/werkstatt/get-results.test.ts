import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { phones, werkstattRequest } from '../../../../tests/helpers/werkstatt-phones';
import { rejected } from '../../../../tests/helpers/errors';
import { werkstattModerateSchema, werkstattSeedSchema } from '../../schemas/werkstatt';
import type { OrgContext } from '../context';
import { validate } from '../validate';
import { castVote } from './cast-vote';
import { createWerkstatt } from './create-werkstatt';
import { getWerkstattResults } from './get-results';
import { joinWerkstatt } from './join-werkstatt';
import { moderateStatement } from './moderate-statement';
import { seedStatements } from './seed-statements';

let t: TestDatabase;
let facilitator: OrgContext;
let foreign: OrgContext;

const request = werkstattRequest;
const phone = phones(() => t.db);

beforeAll(async () => {
	t = await createTestDatabase();
	facilitator = { ...(await tenantAs(t.db, 'Stadt Altenburg', 'owner')), ...request() };
	foreign = { ...(await tenantAs(t.db, 'Stadt Gera', 'owner')), ...request() };
});

describe('the results of a Werkstatt', () => {
	it('counts the statements the room sees, and per group only what gives no small group away', async () => {
		const { id, code } = await createWerkstatt(facilitator, { title: 'Zwischennutzung', moderation: 'post' });
		const [shared, split, hidden] = (await seedStatements(facilitator, id, validate(werkstattSeedSchema, { statements: ['Leerstand nutzen wir gemeinsam.', 'Die Verwaltung soll entscheiden.', 'Wird verborgen.'] }))).statements;
		await moderateStatement(facilitator, id, hidden, validate(werkstattModerateSchema, { action: 'hide' }));
		// Verwaltung 6, Politik 2, Zivilgesellschaft 7, two say nothing.
		const room = [...Array(6).fill('verwaltung'), 'politik', 'politik', ...Array(7).fill('zivilgesellschaft'), null, null] as (string | null)[];
		for (const group of room) {
			const { token } = await joinWerkstatt(phone(), code, { group });
			await castVote(phone(), code, token, { statement: shared, vote: 1 });
			await castVote(phone(), code, token, { statement: split, vote: group === 'verwaltung' ? 1 : -1 });
		}
		const results = await getWerkstattResults(facilitator, id);
		expect(results.statements.map((s) => [s.text, s.agree, s.disagree, s.pass])).toEqual([
			['Leerstand nutzen wir gemeinsam.', 17, 0, 0],
			['Die Verwaltung soll entscheiden.', 6, 11, 0]
		]);
		// Politik (2) and those who said nothing (2) are 4 < 5 together: Verwaltung (6), the smallest other group, is hidden with them.
		expect(results.statements.map((s) => s.byGroup)).toEqual([{ zivilgesellschaft: { agree: 7, disagree: 0, pass: 0 } }, { zivilgesellschaft: { agree: 0, disagree: 7, pass: 0 } }]);
		expect(results.declaredConsensus[0]).toEqual({ statement: shared, score: 8 / 9 });
		expect(results.map.positions).toHaveLength(17);
		expect(JSON.stringify(results)).not.toMatch(/participant/);
		expect((await rejected(getWerkstattResults(foreign, id))).code).toBe('not_found');
	});
});
