import { sql } from 'drizzle-orm';
import { questionnairePages, type AnswerValue, type QuestionnairePage } from '../../domain/study/questionnaire';
import type { FrameworkDocument } from '../../domain/framework/model';
import type { Db } from '../db/client';
import { groupCommit } from '../db/group-commit';
import { LINK_SPENT_MESSAGE } from '../../domain/study/link-messages';
import { AppError } from '../errors';
import { deepFreeze } from '../frameworks/pinned-document';
import { boundedMemo } from '../bounded-memo';
import { hitRateLimit } from '../auth/rate-limit';
import type { Study } from './get-study';

/*
 * What taking part shares between opening a link, joining by the open link, saving the draft and
 * submitting: the participation, why a link is unusable, the questionnaire's pages of a study, and
 * the group commits that batch several links' writes together.
 */

/** What a participant has entered so far (a draft) or submitted (kept for the next Delphi round). */
export interface AnswerSheet {
	answers: Record<string, AnswerValue>;
	open: Record<string, string>;
}

export const emptySheet = (): AnswerSheet => ({ answers: {}, open: {} });

export interface Participation {
	token: string;
	study: Study;
	group: { key: string; label: string };
	round: number;
	pages: QuestionnairePage[];
	/** The previous round's answers of this link, when it took part (Delphi feedback). */
	previous: AnswerSheet | null;
	/** What was entered so far; empty when opened `withoutDraft` (the API submits whole questionnaires). */
	draft: AnswerSheet;
}

/** Why a link does not lead to the questionnaire; the page says so kindly and reveals nothing more. */
export type LinkProblem = 'unknown' | 'not_open' | 'closed' | 'spent' | 'not_in_previous_round';

export class LinkUnusable extends AppError {
	constructor(readonly problem: LinkProblem) {
		const messages: Record<LinkProblem, [ConstructorParameters<typeof AppError>[0], string]> = {
			unknown: ['not_found', 'Diesen Link kennen wir nicht. Bitte prüfen Sie, ob er vollständig ist.'],
			not_open: ['conflict', 'Die Befragung hat noch nicht begonnen. Bitte versuchen Sie es später noch einmal.'],
			closed: ['gone', 'Die Befragung ist beendet. Vielen Dank für Ihr Interesse!'],
			spent: ['gone', LINK_SPENT_MESSAGE],
			not_in_previous_round: ['gone', 'Diese Runde ist nur für Personen, die an der vorigen Runde teilgenommen haben.']
		};
		super(messages[problem][0], messages[problem][1]);
	}
}

/** Guessing links is slowed down per address: unknown tokens count, valid ones do not. */
export async function rejectUnknown(db: Db, ip: string): Promise<never> {
	const verdict = await hitRateLimit(db, `token-miss:${ip}`, 30, 600);
	if (!verdict.allowed) throw new AppError('rate_limited', 'Zu viele ungültige Links in kurzer Zeit. Bitte warten Sie einige Minuten.', [], verdict.retryAfterSeconds);
	throw new LinkUnusable('unknown');
}

/** Passes a JS array as one PostgreSQL array parameter (drizzle would otherwise expand it into a list). */
export const pgArray = (values: unknown[]) => sql.param(values);

export type Batched<Item, Result> = (item: Item) => Promise<Result>;

/** One group commit per database (tests run several side by side). */
export function batchedFor<Item, Result>(batchers: WeakMap<Db, Batched<Item, Result>>, db: Db, write: (db: Db, items: Item[]) => Promise<Result[]>): Batched<Item, Result> {
	let batched = batchers.get(db);
	if (!batched) {
		batched = groupCommit((items: Item[]) => write(db, items));
		batchers.set(db, batched);
	}
	return batched;
}

const cachedPages = boundedMemo<QuestionnairePage[]>(200);

/**
 * The questionnaire's pages, computed once per study version and kept (deep-frozen: every request
 * shares them). The key holds everything the pages are made of — the pinned framework version and
 * the study's competences, horizons and proficiency setting — so an edited study gets new pages.
 * Only frozen framework versions are kept (a draft framework's document may still change).
 */
export function pagesOfStudy(study: Pick<Study, 'id' | 'frameworkVersionId' | 'competences' | 'horizons' | 'measureProficiency'>, document: FrameworkDocument): QuestionnairePage[] {
	if (!Object.isFrozen(document)) return questionnairePages(study, document);
	const key = JSON.stringify([study.id, study.frameworkVersionId, study.competences, study.horizons, study.measureProficiency]);
	return cachedPages(key, () => deepFreeze(questionnairePages(study, document)));
}
