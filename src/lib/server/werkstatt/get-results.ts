import { and, eq } from 'drizzle-orm';
import { werkstattResults } from '../../domain/werkstatt/results';
import type { Vote } from '../../domain/werkstatt/vote-matrix';
import { organisationMinimumGroupSize } from '../catalogue/feedback-results';
import type { OrgContext } from '../context';
import { werkstattParticipants, werkstattStatements } from '../db/schema';
import { votesOf, werkstattOfOrg } from './werkstatt-records';

/**
 * What the room agrees and disagrees on: counts per statement (per declared group only as far as
 * the suppression rule allows), opinion groups with their representative statements, and
 * group-informed consensus. The organisation's minimum group size (the strictest its analyses
 * promise, as the catalogue's feedback keeps it) decides what is described. Only statements the
 * room sees count; after a Pol.is import statements are named by their Pol.is ids. The map shows anonymous positions, never who is where.
 */
export async function getWerkstattResults(ctx: OrgContext, id: string) {
	const werkstatt = await werkstattOfOrg(ctx.db, ctx.org.orgId, id);
	const [statements, participants, votes, minGroupSize] = await Promise.all([
		ctx.db
			.select({ id: werkstattStatements.id, externalId: werkstattStatements.externalId, text: werkstattStatements.text })
			.from(werkstattStatements)
			.where(and(eq(werkstattStatements.werkstattId, werkstatt.id), eq(werkstattStatements.kind, 'statement'), eq(werkstattStatements.status, 'visible')))
			.orderBy(werkstattStatements.createdAt, werkstattStatements.id),
		ctx.db.select({ id: werkstattParticipants.id, group: werkstattParticipants.stakeholderGroup }).from(werkstattParticipants).where(eq(werkstattParticipants.werkstattId, werkstatt.id)),
		votesOf(ctx.db, werkstatt.id),
		organisationMinimumGroupSize(ctx.db, werkstatt.orgId)
	]);
	const publicId = new Map(statements.map((s) => [s.id, s.externalId ?? s.id]));
	const results = werkstattResults({
		statements: statements.map((s) => ({ id: publicId.get(s.id)!, text: s.text })),
		votes: votes.filter((v) => publicId.has(v.statement)).map((v): Vote => ({ participant: v.participant, statement: publicId.get(v.statement)!, vote: v.vote as Vote['vote'] })),
		declaredGroupOf: new Map(participants.flatMap((p) => (p.group ? [[p.id, p.group] as const] : []))),
		participants: participants.map((p) => p.id),
		minGroupSize
	});
	return {
		statements: results.statements,
		opinionGroups: results.opinionGroups,
		consensus: results.consensus,
		declaredConsensus: results.declaredConsensus,
		map: { reason: results.map.reason, k: results.map.k, positions: results.map.participants.map(({ x, y, group }) => ({ x, y, group })) },
		minGroupSize
	};
}
