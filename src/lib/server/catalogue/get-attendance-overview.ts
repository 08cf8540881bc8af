import { feedbackWindowClosesAt, feedbackWindowOpen } from '../../domain/anonymity/session-feedback';
import { can } from '../auth/actor';
import { attendees } from './attendance';
import { listCertificates } from './certificate-records';
import { getOwnSession } from './get-own-session';
import type { Organiser } from './catalogue-context';

/** The tick-off page: who has a seat, who was there, which certificates exist. */
export async function getAttendanceOverview(ctx: Organiser, sessionId: string) {
	const { module, session } = await getOwnSession(ctx, sessionId);
	return {
		module: { id: module.id, title: module.title },
		session: { id: session.id, parts: session.parts, startsAt: session.startsAt, feedbackRequestedAt: session.feedbackRequestedAt, feedbackClosesAt: feedbackWindowClosesAt(session.endsAt) },
		people: await attendees(ctx, session.id),
		certificates: (await listCertificates(ctx, session.id)).map((c) => ({ code: c.code, holderName: c.holderName })),
		started: ctx.now >= session.startsAt,
		feedbackOpen: feedbackWindowOpen(session, ctx.now),
		mayManage: can(ctx.actor, 'org.manage')
	};
}
