/**
 * For the results tests only: a study run through the real use cases (create, invite, answer,
 * close, next round, publish), so results come from the same counters a real study fills.
 */
import { randomUUID } from 'node:crypto';
import { allItems } from '../../domain/study/questionnaire';
import type { Db } from '../db/client';
import type { TenantContext } from '../tenant';
import { createInvitationBatch } from '../studies/create-invitation-batch';
import { changeStudyStatus } from '../studies/change-study-status';
import { createStudy } from '../studies/create-study';
import { startNextRound } from '../studies/start-next-round';
import { openParticipation } from '../studies/open-participation';
import { submitAnswers } from '../studies/submit-answers';

export interface StudyRun {
	title?: string;
	frameworkId: string;
	competences?: string[];
	/** Group keys with labels, in order; participants per group (the same people in every round). */
	groups: { key: string; label: string; participants: number }[];
	rounds?: number;
	minGroupSize?: number;
	/** The rating (1–5, null = "kann ich nicht einschätzen") a person gives an item in a round. */
	value: (answer: { group: string; person: number; item: number; round: number; measure: string }) => 1 | 2 | 3 | 4 | 5 | null;
	/** Whether a person answers in a round (default: everyone, every round); skipping round 1 needs late joiners allowed. */
	takesPart?: (who: { group: string; person: number; round: number }) => boolean;
	/** Leave the last round open instead of closing it. */
	leaveOpen?: boolean;
	publish?: boolean;
}

export async function runStudy(db: Db, ctx: TenantContext, run: StudyRun): Promise<{ id: string }> {
	const rounds = run.rounds ?? 1;
	const { id } = await createStudy(ctx, {
		title: run.title ?? 'Testanalyse',
		frameworkId: run.frameworkId,
		competences: run.competences ?? ['A1.1', 'A1.2', 'A3.1'],
		groups: run.groups.map((g) => ({ key: g.key, label: g.label })),
		rounds,
		minGroupSize: run.minGroupSize ?? 5
	});
	await changeStudyStatus(ctx, id, 'open');
	const tokens = new Map<string, string[]>();
	for (const group of run.groups) {
		if (group.participants === 0) continue;
		const batch = await createInvitationBatch(ctx, { studyId: id, group: group.key, count: group.participants, baseUrl: 'https://stadtwissen.test' });
		tokens.set(group.key, batch.tokens);
	}
	for (let round = 1; round <= rounds; round += 1) {
		if (round > 1) await startNextRound(ctx, id);
		for (const [group, list] of tokens) {
			for (const [person, token] of list.entries()) {
				if (run.takesPart && !run.takesPart({ group, person, round })) continue;
				const participation = await openParticipation(db, token, '192.0.2.1');
				const answers = allItems(participation.pages).map((item, index) => ({
					competence: item.competence,
					measure: item.measure,
					horizon: item.horizon,
					value: run.value({ group, person, item: index, round, measure: item.measure })
				}));
				await submitAnswers(db, participation, randomUUID(), { answers });
			}
		}
		if (round < rounds || !run.leaveOpen) await changeStudyStatus(ctx, id, 'closed');
	}
	if (run.publish) await changeStudyStatus(ctx, id, 'published');
	return { id };
}
