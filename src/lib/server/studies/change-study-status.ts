import { and, eq, sql } from 'drizzle-orm';
import { studies } from '../db/schema';
import { berlinDay, closingDayPassed } from '../../domain/study/study-dates';
import { day } from '../../format/berlin-time';
import { AppError } from '../errors';
import { SUBMISSION_LOCK_CLASS } from '../db/advisory-locks';
import type { TenantContext } from '../tenant';
import { countClosedRound } from './counters';
import type { Db } from '../db/client';
import { type Study, type StudyStatus, notFound } from './get-study';

const transitions: Record<StudyStatus, StudyStatus[]> = {
	draft: ['open'],
	open: ['closed'],
	closed: ['open', 'published'],
	published: []
};

/**
 * Entwurf → offen → geschlossen → (nächste Runde: offen …) → veröffentlicht. Reopening a closed
 * study is how the next Delphi round starts (see startNextRound); closing the last round deletes
 * what was kept under tokens (drafts, previous answers, e-mail addresses).
 */
export async function changeStudyStatus(ctx: TenantContext, studyId: string, next: StudyStatus): Promise<Study> {
	return ctx.db.transaction(async (tx) => {
		// Before the row lock: submissions hold this lock shared while their foreign keys lock the study row.
		if (next === 'closed') await waitForRunningSubmissions(tx, studyId);
		const [study] = await tx.select().from(studies).where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId))).for('update');
		if (!study) throw notFound();
		if (!transitions[study.status].includes(next) || (study.status === 'closed' && next === 'open')) {
			throw new AppError('conflict', statusConflictMessage(study.status, next));
		}
		if (next === 'open') refuseOpeningAfterClosingDay(study.closesOn, 'now' in ctx ? (ctx.now as Date) : new Date());
		const [updated] = await tx.update(studies).set({ status: next }).where(eq(studies.id, studyId)).returning();
		if (next === 'closed') await countClosedRound(tx, studyId, study.currentRound);
		// Publishing ends the study even when rounds were left: nothing may stay under its tokens.
		if ((next === 'closed' && study.currentRound >= study.rounds) || next === 'published') await forgetTokenData(tx, studyId);
		return updated;
	});
}

/**
 * A study opened after its closing day would close again at the next run of the dates job (and with
 * its last round lose what was kept under its tokens): the organiser moves the closing day first.
 */
export function refuseOpeningAfterClosingDay(closesOn: string | null, now: Date): void {
	if (!closingDayPassed(closesOn, berlinDay(now))) return;
	throw new AppError(
		'conflict',
		`Das Ende der Analyse (${day('de', `${closesOn}T12:00:00Z`)}) ist schon vorbei: Sie würde sofort von selbst wieder schließen. Bitte tragen Sie unter „Bearbeiten“ zuerst ein neues Ende ein (oder lassen Sie es leer).`
	);
}

function statusConflictMessage(from: StudyStatus, to: StudyStatus): string {
	const names: Record<StudyStatus, string> = { draft: 'Entwurf', open: 'offen', closed: 'geschlossen', published: 'veröffentlicht' };
	if (from === to) return `Die Analyse ist bereits „${names[to]}“.`;
	if (from === 'closed' && to === 'open') return 'Eine geschlossene Runde lässt sich nicht wieder öffnen. Starten Sie stattdessen die nächste Runde.';
	return `Von „${names[from]}“ geht es nicht direkt zu „${names[to]}“.`;
}

/**
 * Closing waits for submissions already running (they hold the study's submission lock shared, see
 * submit_answers in drizzle/0005) and holds back new ones until it commits: those then find the round
 * closed. Nothing is counted into a round after it closed.
 */
async function waitForRunningSubmissions(tx: Db, studyId: string): Promise<void> {
	await tx.execute(sql`SELECT pg_advisory_xact_lock(${SUBMISSION_LOCK_CLASS}, submission_lock_key(${studyId}))`);
}

/** Everything kept under a token only for the running study goes when its last round closes. */
export async function forgetTokenData(tx: Db, studyId: string): Promise<void> {
	await tx.execute(sql`DELETE FROM encrypted_drafts WHERE study_id = ${studyId}`);
	await tx.execute(sql`DELETE FROM invitation_emails WHERE study_id = ${studyId}`);
	await tx.execute(sql`UPDATE invitation_batches SET pending_tokens = NULL WHERE study_id = ${studyId}`);
}
