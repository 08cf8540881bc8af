import { identityOfSlug } from '../identity/organisation-identity';
import { getPublicSession } from './get-public-session';
import { retentionMonthsFor } from './retention-period';
import type { Visitor } from './catalogue-context';

/** /katalog/termin/{id}: the registration form of a session; `done` is the outcome the form redirected with (?angemeldet=…&platz=…). */
export async function getSessionPage(ctx: Visitor, sessionId: string, done: { status: string | null; position: string | null }) {
	const { module, session, closed } = await getPublicSession(ctx, sessionId);
	return {
		// The organisation's logo, colour and legal links around the registration form (root layout).
		identity: await identityOfSlug(ctx.db, module.orgSlug),
		module: { id: module.id, title: module.title, subtitle: module.subtitle, orgName: module.orgName, questions: module.registrationQuestions },
		session: { id: session.id, parts: session.parts, location: session.location, online: session.onlineUrl !== '', capacity: session.capacity, note: session.note, seats: session.seats },
		closed,
		retentionMonths: await retentionMonthsFor(ctx.db, module),
		done: done.status === 'pending_confirmation' || done.status === 'waitlisted' ? { status: done.status, position: Number(done.position ?? 0) || 1 } : null
	};
}
