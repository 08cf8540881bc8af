import { recordAudit } from '../audit';
import { deleteSession } from '../auth/delete-session';
import type { RequestContext } from '../context';

/** Ends the session of this browser (if any) and notes it in the audit log. */
export async function logout(ctx: Pick<RequestContext, 'db' | 'actor'>, sessionToken: string | undefined): Promise<void> {
	if (!sessionToken) return;
	await deleteSession(ctx.db, sessionToken);
	if (ctx.actor) await recordAudit(ctx.db, 'logout', { userId: ctx.actor.userId });
}
