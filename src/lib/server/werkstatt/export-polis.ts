import { eq } from 'drizzle-orm';
import { opinionGroups } from '../../domain/werkstatt/opinion-groups';
import { POLIS_EXPORT_FILES, polisExportFile, type PolisExportFile } from '../../domain/werkstatt/polis-csv';
import type { Vote } from '../../domain/werkstatt/vote-matrix';
import type { OrgContext } from '../context';
import { werkstattParticipants, werkstattStatements } from '../db/schema';
import { AppError } from '../errors';
import type { DownloadFile } from '../http/download';
import { votesOf, werkstattOfOrg } from './werkstatt-records';

const MODERATION = { visible: 1, pending: 0, hidden: -1 } as const;

/**
 * Pol.is ids for our rows: an imported row keeps its Pol.is id; the others are numbered on after
 * the largest numeric id, in the order they were made — so an export of an imported Werkstatt
 * names everything as Pol.is did, and every export of the same Werkstatt numbers alike.
 */
function polisIds(rows: readonly { id: string; externalId: string | null }[]): Map<string, string> {
	let next = Math.max(-1, ...rows.flatMap((row) => (row.externalId && /^\d+$/.test(row.externalId) ? [Number(row.externalId)] : []))) + 1;
	return new Map(rows.map((row) => [row.id, row.externalId ?? String(next++)]));
}

/** One of the four files of a Pol.is export (`comments.csv`, `votes.csv`, `participants-votes.csv`, `summary.csv`). */
export async function exportPolisFile(ctx: OrgContext, id: string, file: string): Promise<DownloadFile> {
	if (!(POLIS_EXPORT_FILES as readonly string[]).includes(file))
		throw new AppError('not_found', `Die Datei „${file.slice(0, 40)}“ gibt es nicht. Möglich sind ${POLIS_EXPORT_FILES.join(', ')}.`);
	const werkstatt = await werkstattOfOrg(ctx.db, ctx.org.orgId, id);
	const [statements, participants, votes] = await Promise.all([
		ctx.db.select().from(werkstattStatements).where(eq(werkstattStatements.werkstattId, werkstatt.id)).orderBy(werkstattStatements.createdAt, werkstattStatements.id),
		ctx.db
			.select({ id: werkstattParticipants.id, externalId: werkstattParticipants.externalId })
			.from(werkstattParticipants)
			.where(eq(werkstattParticipants.werkstattId, werkstatt.id))
			.orderBy(werkstattParticipants.createdAt, werkstattParticipants.id),
		votesOf(ctx.db, werkstatt.id)
	]);
	const comments = statements.filter((s) => s.kind === 'statement');
	const commentId = polisIds(comments);
	const participantId = polisIds(participants);
	const counted = votes.filter((v) => commentId.has(v.statement));
	const visible = comments.filter((s) => s.status === 'visible').map((s) => s.id);
	const groups = opinionGroups(
		counted.map((v): Vote => ({ participant: v.participant, statement: v.statement, vote: v.vote as Vote['vote'] })),
		visible
	);
	const body = polisExportFile(file as PolisExportFile, {
		topic: werkstatt.title,
		description: '',
		url: `${ctx.baseUrl}/api/v1/w/${werkstatt.code}`,
		statements: comments.map((s) => ({ id: commentId.get(s.id)!, authorId: s.participantId ? (participantId.get(s.participantId) ?? null) : null, createdAt: s.createdAt.getTime(), text: s.text, moderated: MODERATION[s.status] })),
		votes: counted.map((v) => ({ participant: participantId.get(v.participant)!, statement: commentId.get(v.statement)!, vote: v.vote as Vote['vote'], createdAt: v.updatedAt.getTime() })),
		groupOf: new Map(groups.k > 1 ? groups.participants.map((p) => [participantId.get(p.participant)!, p.group]) : []),
		groupCount: groups.k > 1 ? groups.k : 0
	});
	return { body, contentType: 'text/csv; charset=utf-8', fileName: file };
}
