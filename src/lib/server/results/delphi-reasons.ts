import { and, eq, like } from 'drizzle-orm';
import { itemOfReasonKey, REASON_PREFIX, shownArguments, type ReasonRound } from '../../domain/study/delphi-reasons';
import type { FrameworkDocument } from '../../domain/framework/model';
import type { Db } from '../db/client';
import { openAnswerReleases, openAnswers } from '../db/schema';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { readParticipation } from '../studies/counters';
import type { Study } from '../studies/get-study';

/*
 * The queries behind the eDelphi reasons (domain/study/delphi-reasons.ts): a round's reasons are
 * open answers under "reason:<item key>", released per item in open_answer_releases like an open
 * question — no table of their own, nothing that links a reason to a participant.
 */

type ReasonStudy = Pick<Study, 'id' | 'groups' | 'minGroupSize'>;

/** A round's reasons with what decides whether they may be shown (releases, hidden flags, respondents). */
export async function loadReasonRound(db: Db, study: ReasonStudy, round: number): Promise<ReasonRound> {
	const [releases, reasons, respondents] = await Promise.all([
		db
			.select({ question: openAnswerReleases.questionKey })
			.from(openAnswerReleases)
			.where(and(eq(openAnswerReleases.studyId, study.id), eq(openAnswerReleases.round, round), like(openAnswerReleases.questionKey, `${REASON_PREFIX}%`))),
		db
			.select({ id: openAnswers.id, question: openAnswers.questionKey, group: openAnswers.groupKey, text: openAnswers.text, hidden: openAnswers.hidden })
			.from(openAnswers)
			.where(and(eq(openAnswers.studyId, study.id), eq(openAnswers.round, round), like(openAnswers.questionKey, `${REASON_PREFIX}%`))),
		readParticipation(db, study.id, round)
	]);
	return { groups: study.groups, minimumGroupSize: study.minGroupSize, respondents, released: new Set(releases.map((r) => r.question)), reasons };
}

/**
 * The arguments a participant of `round` sees beside the distribution: the previous round's reasons
 * as the domain rule lets them be shown, per item key. Nothing in the first round.
 */
export async function delphiArgumentsFor(db: Db, study: ReasonStudy, round: number): Promise<Record<string, string[]>> {
	if (round < 2) return {};
	return shownArguments(await loadReasonRound(db, study, round - 1));
}

const MEASURE_WORDS = { importance: 'Wichtigkeit', proficiency: 'heute vorhanden' } as const;

/** "Bürgerbeteiligung gestalten (A1.1) – Wichtigkeit, in 5 Jahren": the item a reason key belongs to. */
export function reasonItemLabel(document: FrameworkDocument, study: Pick<Study, 'horizons'>, reasonKey: string): string {
	const item = itemOfReasonKey(reasonKey) ?? reasonKey;
	const [code, measure, horizon] = item.split('|');
	const competence = document.areas.flatMap((area) => area.competences).find((c) => c.code === code);
	const horizonLabel = study.horizons.find((h) => h.key === horizon)?.label;
	const measureWord = MEASURE_WORDS[measure as keyof typeof MEASURE_WORDS] ?? measure;
	return `${competence?.title_de ?? code} (${code}) – ${measureWord}${horizonLabel ? `, ${horizonLabel}` : ''}`;
}

/** Labels for the reason keys of a study, from its pinned framework. */
export async function reasonItemLabels(db: Db, study: Pick<Study, 'frameworkVersionId' | 'horizons'>, keys: readonly string[]): Promise<Map<string, string>> {
	if (keys.length === 0) return new Map();
	const document = await frameworkDocumentOfStudy(db, study);
	return new Map(keys.map((key) => [key, reasonItemLabel(document, study, key)]));
}
