import { eq, inArray, sql } from 'drizzle-orm';
import type { RequestContext } from '../context';
import type { Db } from '../db/client';
import { encryptedDrafts, invitations, spentMarkers, studies } from '../db/schema';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { draftLookup, invitationHash, openForToken, spentMarker, TOKEN_PATTERN } from './token-crypto';
import type { Study } from './get-study';
import { boundedMemo } from '../bounded-memo';
import { batchedFor, emptySheet, LinkUnusable, pagesOfStudy, rejectUnknown, type AnswerSheet, type Batched, type Participation } from './participation';

interface LinkState {
	spent: boolean;
	previous: AnswerSheet | null;
	draft: AnswerSheet | null;
}

/** In one round trip: whether the link has submitted this round, its answers of the previous round and its draft. */
async function readLinkState(db: Db, studyId: string, token: string, round: number, wanted: { spent: boolean; previous: boolean; draft: boolean }): Promise<LinkState> {
	const lookup = draftLookup(studyId, token);
	const sheet = (sheetRound: number, kind: 'draft' | 'submitted') =>
		sql`(SELECT ${encryptedDrafts.payload} FROM ${encryptedDrafts} WHERE ${encryptedDrafts.lookup} = ${lookup} AND ${encryptedDrafts.round} = ${sheetRound} AND ${encryptedDrafts.kind} = ${kind})`;
	const { rows } = await db.execute<{ spent: boolean; previous: string | null; draft: string | null }>(sql`SELECT
		${wanted.spent ? sql`EXISTS (SELECT 1 FROM ${spentMarkers} WHERE ${spentMarkers.marker} = ${spentMarker(studyId, round, token)})` : sql`false`} AS spent,
		${wanted.previous ? sheet(round - 1, 'submitted') : sql`NULL`} AS previous,
		${wanted.draft ? sheet(round, 'draft') : sql`NULL`} AS draft`);
	const [row] = rows;
	const open = (payload: string | null) => (payload ? openForToken<AnswerSheet>(studyId, token, payload) : null);
	return { spent: row.spent, previous: open(row.previous), draft: open(row.draft) };
}

type Invitation = typeof invitations.$inferSelect;

const invitationLookups = new WeakMap<Db, Batched<string, { invitation: Invitation; study: Study } | undefined>>();

/** Invitations with their study, for the links that arrived together. */
async function lookUpInvitations(db: Db, tokenHashes: string[]) {
	const rows = await db.select({ invitation: invitations, study: studies }).from(invitations).innerJoin(studies, eq(studies.id, invitations.studyId)).where(inArray(invitations.tokenHash, tokenHashes));
	const byHash = new Map(rows.map((row) => [row.invitation.tokenHash, row]));
	return tokenHashes.map((hash) => byHash.get(hash));
}

const organisationsOfLinks = boundedMemo<Promise<string | null>>(20_000);

/**
 * The organisation a questionnaire link belongs to (null for an unknown link), kept per link: an
 * invitation never changes its study, and one participant's questionnaire is a dozen requests.
 */
export function organisationOfLink(db: Db, token: string): Promise<string | null> {
	const tokenHash = invitationHash(token);
	return organisationsOfLinks(tokenHash, async () => (await batchedFor(invitationLookups, db, lookUpInvitations)(tokenHash))?.study.orgId ?? null);
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
	const state = await readLinkState(db, study.id, token, round, { spent: !options.forSubmission, previous: round > 1, draft: !options.withoutDraft });
	if (state.spent) throw new LinkUnusable('spent');
	const { previous } = state;
	if (round > 1 && !previous && !study.lateJoinersAllowed) throw new LinkUnusable('not_in_previous_round');
	// A submission marks the round started itself, together with finished (one write fewer).
	if (!options.forSubmission && !invitation.startedRounds.includes(round)) {
		await db.update(invitations).set({ startedRounds: sql`array_append(${invitations.startedRounds}, ${round}::smallint)` }).where(eq(invitations.id, invitation.id));
	}
	const group = study.groups.find((g) => g.key === invitation.groupKey) ?? { key: invitation.groupKey, label: invitation.groupKey };
	const draft = state.draft ?? (previous && !options.withoutDraft ? structuredClone(previous) : emptySheet());
	return { token, study, group, round, pages: pagesOfStudy(study, document), previous, draft };
}

/**
 * The questionnaire as this request opened it before, else opened now. A page POST saves the
 * answers into the draft it opened and then renders the page it leads to from the same draft,
 * so the link, its spent marker and the draft are read once per request, not twice.
 */
export function openParticipationOnce(ctx: Pick<RequestContext, 'db' | 'clientAddress' | 'requestScope'>, token: string): Promise<Participation> {
	const key = `participation:${token}`;
	const opened = ctx.requestScope?.get(key) as Promise<Participation> | undefined;
	if (opened) return opened;
	const opening = openParticipation(ctx.db, token, ctx.clientAddress);
	ctx.requestScope?.set(key, opening);
	return opening;
}
