import { feedbackWindowClosesAt, feedbackWindowOpen } from '../../domain/anonymity/session-feedback';
import type { Locale } from '../../i18n';
import { can } from '../auth/actor';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { attendees } from './attendance';
import { certificatePdf, listCertificates, ownCertificate } from './certificates';
import { feedbackResults } from './feedback';
import { moduleFormContext } from './form-context';
import { moduleFormValues, sessionFormValues } from './form-values';
import { facilitatorsOf, getModule, getOwnSession, listModules, moveTargets } from './get-module';
import { sessionRegistrations } from './organiser-registrations';
import { applyRetention, getCatalogueSettings } from './retention';
import { ownModule } from './save-module';
import type { CatalogueEnv } from './seats';

/*
 * What the organiser area's pages (/app/katalog) show, for the role that opens them: organisers
 * manage (`mayManage`), facilitators see their sessions and who comes. A request's OrgContext is
 * an `Organiser` as it is (its configured base URL and request time are the CatalogueEnv).
 */

type Organiser = TenantContext & CatalogueEnv;

/** The catalogue's start page. Retention runs lazily: whenever it is opened, due registrations are anonymised. */
export async function catalogueOverview(ctx: Organiser) {
	const retention = await applyRetention(ctx.db, { orgId: ctx.org.orgId, now: ctx.now });
	return {
		modules: await listModules(ctx),
		settings: await getCatalogueSettings(ctx),
		mayManage: can(ctx.actor, 'org.manage'),
		anonymised: retention.registrations
	};
}

export async function moduleOverview(ctx: Organiser, moduleId: string) {
	return { ...(await getModule(ctx, moduleId, ctx)), mayManage: can(ctx.actor, 'org.manage') };
}

/** The empty module form; `wanted` is the framework chosen in it (?rahmen=). */
export async function newModuleForm(ctx: TenantContext & { locale: Locale }, wanted: string | null) {
	return { ...(await moduleFormContext(ctx, wanted, ctx.locale)), values: { format: 'workshop', language: 'de' } as Record<string, string> };
}

/** The module form filled with the module as it is. */
export async function moduleEditForm(ctx: TenantContext & { locale: Locale }, moduleId: string, wanted: string | null) {
	const module = await ownModule(ctx, moduleId);
	const facilitators = (await facilitatorsOf(ctx.db, [module.id])).get(module.id) ?? [];
	return {
		id: module.id,
		title: module.title,
		...(await moduleFormContext(ctx, wanted ?? module.frameworkId, ctx.locale)),
		values: moduleFormValues(module, facilitators)
	};
}

/** A session's page: facts, the form to change it, who comes (facilitators: without addresses) and where a registration can move. */
export async function sessionOverview(ctx: Organiser, sessionId: string) {
	const mayManage = can(ctx.actor, 'org.manage');
	const { module, session } = await getOwnSession(ctx, sessionId, ctx);
	return {
		module: { id: module.id, title: module.title, status: module.status },
		session,
		values: sessionFormValues(session),
		registrations: await sessionRegistrations(ctx, session.id),
		targets: mayManage ? await moveTargets(ctx, session.id) : [],
		mayManage
	};
}

/** The tick-off page: who has a seat, who was there, which certificates exist. */
export async function attendanceOverview(ctx: Organiser, sessionId: string) {
	const { module, session } = await getOwnSession(ctx, sessionId, ctx);
	return {
		module: { id: module.id, title: module.title },
		session: { id: session.id, parts: session.parts, startsAt: session.startsAt, feedbackRequestedAt: session.feedbackRequestedAt, feedbackClosesAt: feedbackWindowClosesAt(session.endsAt) },
		people: await attendees(ctx, session.id),
		certificates: (await listCertificates(ctx, session.id)).map((c) => ({ code: c.code, holderName: c.holderName })),
		started: (ctx.now ?? new Date()) >= session.startsAt,
		feedbackOpen: feedbackWindowOpen(session, ctx.now ?? new Date()),
		mayManage: can(ctx.actor, 'org.manage')
	};
}

/** A session's feedback as the anonymity rule allows it now: nothing before the window closed, figures from k, texts from max(k, 8). */
export async function feedbackOverview(ctx: Organiser, sessionId: string) {
	const { module, session } = await getOwnSession(ctx, sessionId, ctx);
	return { module: { id: module.id, title: module.title }, session: { id: session.id, parts: session.parts }, results: await feedbackResults(ctx, session.id, ctx.now ?? new Date()) };
}

/** A certificate of one of the session's attendees, as a PDF; 404 for a code of another session. */
export async function sessionCertificate(ctx: Organiser, sessionId: string, code: string): Promise<{ bytes: Uint8Array; fileName: string }> {
	const certificate = await ownCertificate(ctx, code);
	if (certificate.sessionId !== sessionId) throw new AppError('not_found', 'Diese Bescheinigung gibt es nicht.');
	return { bytes: await certificatePdf(certificate, ctx.baseUrl), fileName: `Teilnahmebescheinigung-${certificate.code}.pdf` };
}
