import { getOwnSession } from './get-own-session';
import { messageRecipients } from './message-recipients';
import type { Organiser } from './catalogue-context';

/** /app/katalog/termin/{id}/nachricht: the session and how many people a message would reach. */
export async function getMessagePage(ctx: Organiser, sessionId: string) {
	const { module, session } = await getOwnSession(ctx, sessionId);
	const everyone = await messageRecipients(ctx, session.id, true);
	const confirmed = everyone.filter((r) => r.status === 'confirmed').length;
	return {
		module: { id: module.id, title: module.title },
		session: { id: session.id, parts: session.parts, status: session.status },
		counts: { confirmed, waitlisted: everyone.length - confirmed }
	};
}
