import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { encryptedDrafts } from '../db/schema';
import { draftLookup, sealForToken } from './token-crypto';
import type { AnswerSheet, Participation } from './participation';

/** Saves what was entered so far, encrypted under the token; nothing is counted yet. */
export async function saveDraft(db: Db, participation: Participation, sheet: AnswerSheet): Promise<void> {
	const payload = sealForToken(participation.study.id, participation.token, sheet);
	await db
		.insert(encryptedDrafts)
		.values({ lookup: draftLookup(participation.study.id, participation.token), studyId: participation.study.id, round: participation.round, kind: 'draft', payload })
		.onConflictDoUpdate({ target: [encryptedDrafts.lookup, encryptedDrafts.round, encryptedDrafts.kind], set: { payload, updatedOn: sql`current_date` } });
}
