import { can } from '../auth/actor';
import { sessionFormValues } from './form-values';
import { getOwnSession } from './get-own-session';
import { moveTargets } from './list-move-targets';
import { sessionRegistrations } from './list-session-registrations';
import type { Organiser } from './catalogue-context';

/** A session's page: facts, the form to change it, who comes (facilitators: without addresses) and where a registration can move. */
export async function getSessionOverview(ctx: Organiser, sessionId: string) {
	const mayManage = can(ctx.actor, 'org.manage');
	const { module, session } = await getOwnSession(ctx, sessionId);
	return {
		module: { id: module.id, title: module.title, status: module.status, questions: module.registrationQuestions },
		session,
		values: sessionFormValues(session),
		registrations: await sessionRegistrations(ctx, session.id),
		targets: mayManage ? await moveTargets(ctx, session.id) : [],
		mayManage
	};
}
