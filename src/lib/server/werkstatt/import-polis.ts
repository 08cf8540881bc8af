import { count, eq } from 'drizzle-orm';
import { parsePolisExport, type PolisComment } from '../../domain/werkstatt/polis-csv';
import { WERKSTATT_TEXT_MAX } from '../../schemas/werkstatt';
import { hashToken, newSecretToken } from '../auth/secrets';
import type { OrgContext } from '../context';
import { werkstattParticipants, werkstattStatements, werkstattVotes } from '../db/schema';
import { AppError, type ErrorDetail } from '../errors';
import type { PolisUpload } from './read-polis-upload';
import { recordEvent, werkstattOfOrg } from './werkstatt-records';

/** Rows per INSERT: well below PostgreSQL's 65,535 parameters. */
const CHUNK = 2000;

const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
const at = (seconds: number | null, fallback: Date) => (seconds === null ? fallback : new Date(seconds * 1000));

function textProblems(comments: PolisComment[]): ErrorDetail[] {
	return comments
		.map((comment) => ({ comment, length: comment.body.trim().length }))
		.filter(({ length }) => length === 0 || length > WERKSTATT_TEXT_MAX)
		.slice(0, 20)
		.map(({ comment, length }) => ({
			path: 'comments',
			column: 'comment-body',
			message: `comments.csv: Die Aussage „${comment.id}“ ${length === 0 ? 'ist leer' : `hat ${length} Zeichen; höchstens ${WERKSTATT_TEXT_MAX} passen in eine Werkstatt`}.`
		}));
}

/**
 * Brings an earlier Pol.is conversation into an empty Werkstatt: its comments as statements (kept
 * moderated out when Pol.is moderated them out; unmoderated ones follow this Werkstatt's
 * moderation), its authors and voters as participants without a token anyone holds, and each
 * voter's latest vote — all named by their Pol.is ids, all or nothing.
 */
export async function importPolis(ctx: OrgContext, werkstattId: string, upload: PolisUpload): Promise<{ statements: number; participants: number; votes: number }> {
	const parsed = parsePolisExport(upload);
	if (!parsed.ok)
		throw new AppError(
			'validation_failed',
			'Der Pol.is-Export konnte nicht gelesen werden.',
			parsed.errors.map((issue) => ({ path: issue.file === 'comments.csv' ? 'comments' : 'votes', line: issue.line, column: issue.column, message: issue.message }))
		);
	const tooLong = textProblems(parsed.comments);
	if (tooLong.length) throw new AppError('validation_failed', 'Einige Aussagen des Pol.is-Exports passen nicht in eine Werkstatt.', tooLong);
	return ctx.db.transaction(async (tx) => {
		const werkstatt = await werkstattOfOrg(tx, ctx.org.orgId, werkstattId, true);
		const [{ existing }] = await tx.select({ existing: count() }).from(werkstattStatements).where(eq(werkstattStatements.werkstattId, werkstatt.id));
		if (existing) throw new AppError('conflict', 'Diese Werkstatt hat schon Beiträge. Ein Pol.is-Export kommt nur in eine leere Werkstatt – bitte legen Sie eine neue an.');

		const people = [...new Set([...parsed.comments.flatMap((c) => (c.authorId ? [c.authorId] : [])), ...parsed.votes.map((v) => v.voterId)])];
		const participantOf = new Map<string, string>();
		for (const part of chunks(people)) {
			const rows = await tx
				.insert(werkstattParticipants)
				// Nobody holds these tokens: imported participants can be counted and grouped, not act.
				.values(part.map((externalId) => ({ werkstattId: werkstatt.id, externalId, tokenHash: hashToken(newSecretToken()), createdAt: ctx.now })))
				.returning({ id: werkstattParticipants.id, externalId: werkstattParticipants.externalId });
			for (const row of rows) participantOf.set(row.externalId!, row.id);
		}

		const statementOf = new Map<string, string>();
		const unmoderated = werkstatt.moderation === 'pre' ? ('pending' as const) : ('visible' as const);
		for (const part of chunks(parsed.comments)) {
			const rows = await tx
				.insert(werkstattStatements)
				.values(
					part.map((comment) => ({
						werkstattId: werkstatt.id,
						participantId: comment.authorId ? participantOf.get(comment.authorId)! : null,
						kind: 'statement' as const,
						text: comment.body.trim(),
						status: comment.moderated === -1 ? ('hidden' as const) : comment.moderated === 1 ? ('visible' as const) : unmoderated,
						externalId: comment.id,
						createdAt: at(comment.timestamp, ctx.now)
					}))
				)
				.returning({ id: werkstattStatements.id, externalId: werkstattStatements.externalId });
			for (const row of rows) statementOf.set(row.externalId!, row.id);
		}

		for (const part of chunks(parsed.votes))
			await tx.insert(werkstattVotes).values(
				part.map((vote) => ({
					statementId: statementOf.get(vote.commentId)!,
					participantId: participantOf.get(vote.voterId)!,
					vote: vote.vote,
					createdAt: at(vote.timestamp, ctx.now),
					updatedAt: at(vote.timestamp, ctx.now)
				}))
			);
		await recordEvent(tx, werkstatt.id, 'werkstatt.imported');
		return { statements: parsed.comments.length, participants: people.length, votes: parsed.votes.length };
	});
}
