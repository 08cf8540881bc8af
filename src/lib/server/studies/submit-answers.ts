import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { allItems, checkAnswers, type AnswerInput, type Measure } from '../../domain/study/questionnaire';
import { checkReasons, itemOfReasonKey } from '../../domain/study/delphi-reasons';
import { receiptCode } from '../../domain/study/receipt';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { bodyHash, draftLookup, idempotencyHash, invitationHash, sealForToken, spentMarker } from './token-crypto';
import { COUNTER_SHARDS } from './counters';
import { batchedFor, LinkUnusable, pgArray, type AnswerSheet, type Batched, type Participation } from './participation';
import { countSubmission } from '../observability/metrics';

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
	// Delphi reasons come as open texts under "reason:<item key>" (domain/study/delphi-reasons.ts).
	const { reasons, problems } = checkReasons(submission.open ?? {}, new Set(allItems(participation.pages).map((item) => item.key)), { round, rounds: study.rounds });
	for (const [key, text] of Object.entries(submission.open ?? {})) {
		if (itemOfReasonKey(key) !== null) continue;
		if (!study.openQuestions.some((q) => q.key === key)) problems.push({ path: `open.${key}`, message: 'Diese offene Frage gibt es nicht.' });
		else if (typeof text !== 'string') problems.push({ path: `open.${key}`, message: 'Die Antwort muss ein Text sein.' });
		else if (text.length > 2000) problems.push({ path: `open.${key}`, message: 'Die Antwort darf höchstens 2.000 Zeichen lang sein.' });
		else if (text.trim()) open[key] = text.trim();
	}
	if (problems.length) throw new AppError('validation_failed', 'Einige Antworten sind ungültig. Es wurde nichts gespeichert.', problems);
	const accepted = Object.fromEntries(checked.answers);
	const canonical = { answers: [...checked.answers].sort(([a], [b]) => a.localeCompare(b)), open: { ...open, ...reasons } };
	const hash = bodyHash(canonical);

	const rows = Object.entries(accepted).map(([key, value]) => ({ key, ...parseKey(key), value }));
	const previous = participation.previous?.answers ?? null;
	const previousValue = (key: string) => (previous && key in previous ? (previous[key] ?? 0) : null);
	// Stored like open answers (anonymous, per group and round); never kept in the sheet under the token.
	const openEntries = [...Object.entries(open), ...Object.entries(reasons)];
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
	if (!result.replayed) {
		countSubmission();
		await batchedFor(finishedMarks, db, markFinished)({ tokenHash: invitationHash(token), round });
	}
	return result;
}
