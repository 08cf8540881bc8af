import { allItems, questionnairePages } from '../../domain/study/questionnaire';
import { protectedRound, type ProtectedRound } from '../../domain/results/round-table';
import type { QuantileType } from '../../domain/statistics/quantile';
import type { FrameworkDocument } from '../../domain/framework/model';
import type { Db } from '../db/client';
import type { Study } from '../studies/get-study';
import { readCounters, readParticipation } from '../studies/counters';

/** A round's figures as everyone may see them: read from the counters, then protected. */
export async function loadProtectedRound(db: Db, study: Study, document: FrameworkDocument, round: number): Promise<ProtectedRound> {
	const [counters, participation] = await Promise.all([readCounters(db, study.id, round), readParticipation(db, study.id, round)]);
	return protectedRound({
		round,
		groups: study.groups.map((g) => g.key),
		items: allItems(questionnairePages(study, document)).map((item) => ({ competence: item.competence, measure: item.measure, horizon: item.horizon })),
		counters,
		participation,
		minGroupSize: study.minGroupSize,
		quantileType: study.quantileType as QuantileType
	});
}
