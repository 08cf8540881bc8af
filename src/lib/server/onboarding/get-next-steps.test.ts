import { beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { glossaryEntryFormSchema } from '../../schemas/glossary';
import type { OrgContext } from '../context';
import { createGlossaryEntry } from '../glossary/create-entry';
import { updateGlossaryEntry } from '../glossary/update-entry';
import { getNextSteps } from './get-next-steps';

let t: TestDatabase;
const request = { baseUrl: 'https://stadtwissen.test', clientAddress: '192.0.2.1', mailHostAccepted: true, now: new Date(), locale: 'de' as const, requestId: 'test' };
const as = async (org: string, role: 'owner' | 'viewer'): Promise<OrgContext> => ({ ...(await tenantAs(t.db, org, role, role === 'owner' ? 'org.manage' : 'results.read')), ...request });

beforeAll(async () => {
	t = await createTestDatabase();
});

describe('the start page’s next steps', () => {
	it('starts a new organisation at the framework and ticks the glossary once a term is agreed', async () => {
		const owner = await as('Stadt Zeitz', 'owner');
		let steps = await getNextSteps(owner);
		expect(steps.find((s) => s.current)?.key).toBe('framework');
		expect(steps.filter((s) => s.done)).toEqual([]);
		const entry = await createGlossaryEntry(owner, glossaryEntryFormSchema.parse({ term: 'Quartiersmanagement', plain: 'Ein Büro im Stadtteil, das Menschen und Projekte zusammenbringt.', status: 'vorschlag' }));
		expect((await getNextSteps(owner)).find((s) => s.key === 'glossary')?.done).toBe(false);
		await updateGlossaryEntry(owner, entry.id, { ...entry, status: 'abgestimmt', agreedBy: ['verwaltung', 'zivilgesellschaft'] });
		steps = await getNextSteps(owner);
		expect(steps.find((s) => s.key === 'glossary')).toMatchObject({ done: true, href: '/app/glossar' });
	});

	it('shows a viewer only the step they can take', async () => {
		const viewer = await as('Stadt Naumburg', 'viewer');
		expect((await getNextSteps(viewer)).map((s) => s.key)).toEqual(['results']);
	});
});
