import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { joinCode } from '../../domain/werkstatt/join-code';
import type { WerkstattCreateInput } from '../../schemas/werkstatt';
import type { OrgContext } from '../context';
import { catalogueSessions, werkstaetten } from '../db/schema';
import { AppError } from '../errors';

/** 31⁶ codes: a clash is rare, five in a row means something else is wrong. */
const CODE_ATTEMPTS = 5;

/** A new, open Werkstatt with a fresh join code; linked to one of the organisation's own catalogue sessions if given. */
export async function createWerkstatt(ctx: OrgContext, input: WerkstattCreateInput): Promise<{ id: string; code: string }> {
	if (input.sessionId) {
		const [session] = await ctx.db
			.select({ id: catalogueSessions.id })
			.from(catalogueSessions)
			.where(and(eq(catalogueSessions.id, input.sessionId), eq(catalogueSessions.orgId, ctx.org.orgId)));
		if (!session) throw new AppError('not_found', 'Diesen Termin gibt es im Katalog Ihrer Organisation nicht.', [{ path: 'sessionId', message: 'Unbekannter Termin.' }]);
	}
	for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
		const [created] = await ctx.db
			.insert(werkstaetten)
			.values({
				orgId: ctx.org.orgId,
				sessionId: input.sessionId ?? null,
				title: input.title,
				code: joinCode(randomInt),
				moderation: input.moderation,
				createdBy: ctx.actor.userId,
				createdAt: ctx.now,
				updatedAt: ctx.now
			})
			.onConflictDoNothing({ target: werkstaetten.code })
			.returning({ id: werkstaetten.id, code: werkstaetten.code });
		if (created) return created;
	}
	throw new Error(`no free Werkstatt code after ${CODE_ATTEMPTS} attempts`);
}
