import { randomInt } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { allItems, checkAnswers, questionnairePages, type AnswerInput, type AnswerValue, type Measure, type QuestionnairePage } from '../../domain/study/questionnaire';
import { LINK_SPENT_MESSAGE } from '../../domain/study/link-messages';
import { receiptCode } from '../../domain/study/receipt';
import type { FrameworkDocument } from '../../domain/framework/model';
import type { Db } from '../db/client';
import { groupCommit } from '../db/group-commit';
import { encryptedDrafts, invitations, spentMarkers, studies } from '../db/schema';
import { AppError } from '../errors';
import { deepFreeze, frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { hitRateLimit } from '../auth/rate-limit';
import { bodyHash, draftLookup, idempotencyHash, invitationHash, newInvitationToken, openForToken, sealForToken, spentMarker, TOKEN_PATTERN } from './token-crypto';
import { COUNTER_SHARDS } from './counters';
import type { Study } from './get-study';

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
async function rejectUnknown(db: Db, ip: string): Promise<never> {
	const verdict = await hitRateLimit(db, `token-miss:${ip}`, 30, 600);
	if (!verdict.allowed) throw new AppError('rate_limited', 'Zu viele ungültige Links in kurzer Zeit. Bitte warten Sie einige Minuten.', [], verdict.retryAfterSeconds);
	throw new LinkUnusable('unknown');
}

async function hasSubmitted(db: Db, studyId: string, round: number, token: string): Promise<boolean> {
	const [row] = await db.select({ marker: spentMarkers.marker }).from(spentMarkers).where(eq(spentMarkers.marker, spentMarker(studyId, round, token)));
	return Boolean(row);
}

async function readSheet(db: Db, studyId: string, token: string, round: number, kind: 'draft' | 'submitted'): Promise<AnswerSheet | null> {
	const [row] = await db
		.select({ payload: encryptedDrafts.payload })
		.from(encryptedDrafts)
		.where(and(eq(encryptedDrafts.lookup, draftLookup(studyId, token)), eq(encryptedDrafts.round, round), eq(encryptedDrafts.kind, kind)));
	return row ? openForToken<AnswerSheet>(studyId, token, row.payload) : null;
}

/** Passes a JS array as one PostgreSQL array parameter (drizzle would otherwise expand it into a list). */
const pgArray = (values: unknown[]) => sql.param(values);

type Invitation = typeof invitations.$inferSelect;
type Batched<Item, Result> = (item: Item) => Promise<Result>;

/** One group commit per database (tests run several side by side). */
function batchedFor<Item, Result>(batchers: WeakMap<Db, Batched<Item, Result>>, db: Db, write: (db: Db, items: Item[]) => Promise<Result[]>): Batched<Item, Result> {
	let batched = batchers.get(db);
	if (!batched) {
		batched = groupCommit((items: Item[]) => write(db, items));
		batchers.set(db, batched);
	}
	return batched;
}

const invitationLookups = new WeakMap<Db, Batched<string, { invitation: Invitation; study: Study } | undefined>>();

/** Invitations with their study, for the links that arrived together. */
async function lookUpInvitations(db: Db, tokenHashes: string[]) {
	const rows = await db.select({ invitation: invitations, study: studies }).from(invitations).innerJoin(studies, eq(studies.id, invitations.studyId)).where(inArray(invitations.tokenHash, tokenHashes));
	const byHash = new Map(rows.map((row) => [row.invitation.tokenHash, row]));
	return tokenHashes.map((hash) => byHash.get(hash));
}

const finishedMarks = new WeakMap<Db, Batched<{ tokenHash: string; round: number }, void>>();

/** Marks links as finished for the organiser's progress view (and started, if the page was skipped). */
async function markFinished(db: Db, marks: { tokenHash: string; round: number }[]): Promise<void[]> {
	await db.execute(sql`
		UPDATE invitations SET finished_rounds = array_append(invitations.finished_rounds, m.round),
			started_rounds = CASE WHEN m.round = ANY(invitations.started_rounds) THEN invitations.started_rounds ELSE array_append(invitations.started_rounds, m.round) END
		FROM unnest(${pgArray(marks.map((mark) => mark.tokenHash))}::text[], ${pgArray(marks.map((mark) => mark.round))}::smallint[]) AS m(token_hash, round)
		WHERE invitations.token_hash = m.token_hash AND NOT (m.round = ANY(invitations.finished_rounds))`);
	return marks.map(() => undefined);
}

/**
 * Opens the questionnaire for a link: checks the study's state and this round, marks the link as
 * started (for the organiser's progress view) and returns the draft to continue from.
 */
export async function openParticipation(db: Db, token: string, ip: string, options: { forSubmission?: boolean; withoutDraft?: boolean } = {}): Promise<Participation> {
	if (!TOKEN_PATTERN.test(token)) return rejectUnknown(db, ip);
	const found = await batchedFor(invitationLookups, db, lookUpInvitations)(invitationHash(token));
	if (!found) return rejectUnknown(db, ip);
	const { invitation, study } = found;
	const document = await frameworkDocumentOfStudy(db, study);
	if (study.status === 'draft') throw new LinkUnusable('not_open');
	if (study.status !== 'open') throw new LinkUnusable('closed');
	const round = study.currentRound;
	// A submission retry must still reach its receipt; submitAnswers refuses a second, different one.
	if (!options.forSubmission && (await hasSubmitted(db, study.id, round, token))) throw new LinkUnusable('spent');
	const previous = round > 1 ? await readSheet(db, study.id, token, round - 1, 'submitted') : null;
	if (round > 1 && !previous && !study.lateJoinersAllowed) throw new LinkUnusable('not_in_previous_round');
	// A submission marks the round started itself, together with finished (one write fewer).
	if (!options.forSubmission && !invitation.startedRounds.includes(round)) {
		await db.update(invitations).set({ startedRounds: sql`array_append(${invitations.startedRounds}, ${round}::smallint)` }).where(eq(invitations.id, invitation.id));
	}
	const group = study.groups.find((g) => g.key === invitation.groupKey) ?? { key: invitation.groupKey, label: invitation.groupKey };
	const saved = options.withoutDraft ? null : await readSheet(db, study.id, token, round, 'draft');
	const draft = saved ?? (previous && !options.withoutDraft ? structuredClone(previous) : emptySheet());
	return { token, study, group, round, pages: pagesOfStudy(study, document), previous, draft };
}

const cachedPages = new Map<string, QuestionnairePage[]>();
const CACHED_PAGES_KEPT = 200;

/**
 * The questionnaire's pages, computed once per study version and kept (deep-frozen: every request
 * shares them). The key holds everything the pages are made of — the pinned framework version and
 * the study's competences, horizons and proficiency setting — so an edited study gets new pages.
 * Only frozen framework versions are kept (a draft framework's document may still change).
 */
export function pagesOfStudy(study: Pick<Study, 'id' | 'frameworkVersionId' | 'competences' | 'horizons' | 'measureProficiency'>, document: FrameworkDocument): QuestionnairePage[] {
	if (!Object.isFrozen(document)) return questionnairePages(study, document);
	const key = JSON.stringify([study.id, study.frameworkVersionId, study.competences, study.horizons, study.measureProficiency]);
	const cached = cachedPages.get(key);
	if (cached) return cached;
	const pages = deepFreeze(questionnairePages(study, document));
	if (cachedPages.size >= CACHED_PAGES_KEPT) cachedPages.delete(cachedPages.keys().next().value!);
	cachedPages.set(key, pages);
	return pages;
}

/** Open link: the participant picks a group and gets a personal link of their own to continue with. */
export async function joinViaOpenLink(db: Db, openToken: string, groupKey: string | null, ip: string): Promise<{ study: Study; token?: string }> {
	if (!TOKEN_PATTERN.test(openToken)) return rejectUnknown(db, ip);
	const [study] = await db.select().from(studies).where(eq(studies.openLinkHash, invitationHash(openToken)));
	if (!study) return rejectUnknown(db, ip);
	if (study.status === 'draft') throw new LinkUnusable('not_open');
	if (study.status !== 'open') throw new LinkUnusable('closed');
	if (groupKey === null) return { study };
	if (!study.groups.some((g) => g.key === groupKey)) throw new AppError('validation_failed', 'Bitte wählen Sie eine Gruppe aus der Liste.', [{ path: 'group', message: 'Bitte wählen Sie eine Gruppe aus der Liste.' }]);
	const limit = await hitRateLimit(db, `open-link:${ip}`, 60, 3600);
	if (!limit.allowed) throw new AppError('rate_limited', 'Von Ihrem Netz wurden in kurzer Zeit sehr viele Teilnahmen begonnen. Bitte versuchen Sie es später noch einmal.', [], limit.retryAfterSeconds);
	const token = newInvitationToken();
	await db.insert(invitations).values({ studyId: study.id, groupKey, tokenHash: invitationHash(token) });
	return { study, token };
}

/** Saves what was entered so far, encrypted under the token; nothing is counted yet. */
export async function saveDraft(db: Db, participation: Participation, sheet: AnswerSheet): Promise<void> {
	const payload = sealForToken(participation.study.id, participation.token, sheet);
	await db
		.insert(encryptedDrafts)
		.values({ lookup: draftLookup(participation.study.id, participation.token), studyId: participation.study.id, round: participation.round, kind: 'draft', payload })
		.onConflictDoUpdate({ target: [encryptedDrafts.lookup, encryptedDrafts.round, encryptedDrafts.kind], set: { payload, updatedOn: sql`current_date` } });
}

export interface Submission {
	answers: AnswerInput[];
	open?: Record<string, string>;
}

export interface Receipt {
	receipt: string;
	replayed: boolean;
}

function parseKey(key: string): { competence: string; measure: Measure; horizon: string } {
	const [competence, measure, horizon] = key.split('|');
	return { competence, measure: measure as Measure, horizon };
}

/**
 * Stores a round's answers exactly once: in one statement (submit_answers, drizzle/0007) the
 * idempotency receipt, the spent marker of the token, the anonymous answer rows, the kept sheet and
 * the participation and transition counts; all or nothing. The histograms are counted when the
 * round closes. The invitation row is touched only afterwards, batched with other links' marks, so
 * that nothing written together with the answers points at the invitation.
 */
export async function submitAnswers(db: Db, participation: Participation, idempotencyKey: string, submission: Submission): Promise<Receipt> {
	const { study, round, token } = participation;
	if (!/^[A-Za-z0-9_-]{8,128}$/.test(idempotencyKey)) {
		throw new AppError('bad_request', 'Der Idempotency-Key fehlt oder ist ungültig (8 bis 128 Zeichen: Buchstaben, Ziffern, - und _).');
	}
	const checked = checkAnswers(allItems(participation.pages), submission.answers);
	if (!checked.ok) throw new AppError('validation_failed', 'Einige Antworten sind ungültig. Es wurde nichts gespeichert.', checked.problems);
	const open: Record<string, string> = {};
	const problems = [];
	for (const [key, text] of Object.entries(submission.open ?? {})) {
		if (!study.openQuestions.some((q) => q.key === key)) problems.push({ path: `open.${key}`, message: 'Diese offene Frage gibt es nicht.' });
		else if (typeof text !== 'string') problems.push({ path: `open.${key}`, message: 'Die Antwort muss ein Text sein.' });
		else if (text.length > 2000) problems.push({ path: `open.${key}`, message: 'Die Antwort darf höchstens 2.000 Zeichen lang sein.' });
		else if (text.trim()) open[key] = text.trim();
	}
	if (problems.length) throw new AppError('validation_failed', 'Einige Antworten sind ungültig. Es wurde nichts gespeichert.', problems);
	const accepted = Object.fromEntries(checked.answers);
	const canonical = { answers: [...checked.answers].sort(([a], [b]) => a.localeCompare(b)), open };
	const hash = bodyHash(canonical);

	const rows = Object.entries(accepted).map(([key, value]) => ({ key, ...parseKey(key), value }));
	const previous = participation.previous?.answers ?? null;
	const previousValue = (key: string) => (previous && key in previous ? (previous[key] ?? 0) : null);
	const openEntries = Object.entries(open);
	let outcome: { receipt: string; body_hash: string; replayed: boolean };
	try {
		const result = await db.execute<typeof outcome>(sql`
			SELECT receipt, body_hash, replayed FROM submit_answers(${study.id}, ${round}::smallint, ${participation.group.key},
				${idempotencyHash(study.id, round, token, idempotencyKey)}, ${hash}, ${receiptCode(randomInt)}, ${spentMarker(study.id, round, token)},
				${pgArray(rows.map((row) => row.competence))}::text[], ${pgArray(rows.map((row) => row.measure))}::text[], ${pgArray(rows.map((row) => row.horizon))}::text[],
				${pgArray(rows.map((row) => row.value))}::smallint[], ${pgArray(rows.map((row) => previousValue(row.key)))}::smallint[],
				${pgArray(openEntries.map(([questionKey]) => questionKey))}::text[], ${pgArray(openEntries.map(([, text]) => text))}::text[],
				${draftLookup(study.id, token)}, ${round < study.rounds ? sealForToken(study.id, token, { answers: accepted, open } satisfies AnswerSheet) : null}, ${randomInt(COUNTER_SHARDS)}::smallint)`);
		outcome = result.rows[0];
	} catch (error) {
		// drizzle wraps the driver's error; submit_answers raises these two codes itself.
		const code = (error as { cause?: { code?: string } }).cause?.code;
		if (code === 'SWSPT') throw new LinkUnusable('spent');
		if (code === 'SWCLS') throw new LinkUnusable('closed');
		throw error;
	}
	if (outcome.replayed && outcome.body_hash !== hash) {
		throw new AppError('validation_failed', 'Dieser Idempotency-Key wurde schon für andere Antworten benutzt.', [{ path: 'Idempotency-Key', message: 'Bitte verwenden Sie für neue Antworten einen neuen Schlüssel.' }]);
	}
	const result: Receipt = { receipt: outcome.receipt, replayed: outcome.replayed };

	// Batched with other submissions: besides saving round trips, a batch hides which link's mark came with which answers.
	if (!result.replayed) await batchedFor(finishedMarks, db, markFinished)({ tokenHash: invitationHash(token), round });
	return result;
}
