import { eq } from 'drizzle-orm';
import type { WerkstattJoinInput } from '../../schemas/werkstatt';
import { TARGET_GROUPS } from '../../schemas/catalogue';
import { hitRateLimit } from '../auth/rate-limit';
import { hashToken, newSecretToken } from '../auth/secrets';
import type { Db } from '../db/client';
import type { RequestContext } from '../context';
import { catalogueModules, catalogueSessions, werkstattParticipants } from '../db/schema';
import { AppError } from '../errors';
import { PARTICIPANT_TOKEN_PREFIX, recordEvent, refuseClosed, werkstattByCode, type Werkstatt } from './werkstatt-records';

/** Joins per address and hour: a whole conference on one Wi-Fi, but no token farm. */
export const JOIN_LIMIT_PER_ADDRESS = 2000;

/** The groups participants choose from: the module's target groups when linked to a session, else the product's stakeholder groups. */
export async function groupsOf(db: Db, werkstatt: Werkstatt): Promise<string[]> {
	if (werkstatt.sessionId) {
		const [module] = await db
			.select({ targetGroups: catalogueModules.targetGroups })
			.from(catalogueSessions)
			.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueSessions.moduleId))
			.where(eq(catalogueSessions.id, werkstatt.sessionId));
		if (module?.targetGroups.length) return module.targetGroups;
	}
	return [...TARGET_GROUPS];
}

/**
 * A participant joins by code, without an account: with a stakeholder group (or none, „möchte ich
 * nicht sagen“) and optionally a display name. The token is returned once and stored only hashed.
 */
export async function joinWerkstatt(ctx: RequestContext, code: string, input: WerkstattJoinInput): Promise<{ participant: string; token: string }> {
	const werkstatt = await werkstattByCode(ctx.db, code);
	refuseClosed(werkstatt);
	const group = input.group || null;
	if (group !== null) {
		const groups = await groupsOf(ctx.db, werkstatt);
		if (!groups.includes(group))
			throw new AppError('validation_failed', 'Diese Gruppe gibt es in dieser Werkstatt nicht.', [{ path: 'group', message: `Bitte wählen Sie eine von: ${groups.join(', ')} – oder keine.` }]);
	}
	const verdict = await hitRateLimit(ctx.db, `werkstatt-join:${ctx.clientAddress}`, JOIN_LIMIT_PER_ADDRESS, 3600);
	if (!verdict.allowed) throw new AppError('rate_limited', 'Von Ihrem Anschluss sind in der letzten Stunde sehr viele beigetreten. Bitte versuchen Sie es später noch einmal.', [], verdict.retryAfterSeconds);
	const token = newSecretToken(PARTICIPANT_TOKEN_PREFIX);
	const participant = await ctx.db.transaction(async (tx) => {
		const [row] = await tx
			.insert(werkstattParticipants)
			.values({ werkstattId: werkstatt.id, tokenHash: hashToken(token), stakeholderGroup: group, displayName: input.displayName || null, createdAt: ctx.now })
			.returning({ id: werkstattParticipants.id });
		await recordEvent(tx, werkstatt.id, 'participant.joined', { participant: row.id });
		return row.id;
	});
	return { participant, token };
}
