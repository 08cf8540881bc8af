import { can, type Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { tenantFor } from '../tenant';
import { sessionCalendar } from './calendar';
import { certificateByCode, certificatePdf } from './certificates';
import { mayGiveFeedback } from './feedback';
import { getModule } from './get-module';
import { viewRegistration } from './manage-registration';
import { facilitatorPhoto } from './photos';
import { catalogueFilterSchema, filterOptions, getPublicSession, getPublishedModule, listPublishedModules, readFilter, type CatalogueFilter, type PublicModule } from './public-catalogue';
import { closedCode } from './register';
import { retentionMonthsFor } from './retention';
import type { CatalogueEnv } from './seats';

/*
 * What the public pages and downloads show — the catalogue, a module, a session's registration
 * page, a personal registration link, a certificate's verification — to anybody, without an
 * account. Only what a visitor may see leaves here (no other registrations, no addresses).
 * A request's context is a `Visitor` as it is.
 */

type Visitor = { db: Db } & CatalogueEnv;

/** Invalid filters are named and left out; the rest still applies. */
function lenientFilter(query: URLSearchParams): { filter: CatalogueFilter; errors: Record<string, string> } {
	try {
		return { filter: readFilter(query), errors: {} };
	} catch (cause) {
		if (!(cause instanceof AppError)) throw cause;
		const errors: Record<string, string> = {};
		for (const detail of cause.details) errors[detail.path ?? 'form'] ??= detail.message;
		const valid = Object.fromEntries([...query].filter(([key]) => key in catalogueFilterSchema.shape && !(key in errors)));
		return { filter: catalogueFilterSchema.parse(valid), errors };
	}
}

/** /katalog: published modules of every organisation, filtered, each with its next three sessions. */
export async function cataloguePage(ctx: Visitor, query: URLSearchParams) {
	const { filter, errors } = lenientFilter(query);
	const modules = await listPublishedModules(ctx.db, filter, ctx);
	return {
		filter,
		errors,
		options: await filterOptions(ctx.db),
		modules: modules.map((m) => ({
			id: m.id,
			title: m.title,
			subtitle: m.subtitle,
			format: m.format,
			durationMinutes: m.durationMinutes,
			priceCents: m.priceCents,
			targetGroups: m.targetGroups,
			orgName: m.orgName,
			sessionCount: m.sessions.length,
			sessions: m.sessions.slice(0, 3).map((s) => ({ id: s.id, parts: s.parts, location: s.location, online: s.onlineUrl !== '', capacity: s.capacity, status: s.status, seats: s.seats }))
		}))
	};
}

/** /katalog/{id}: a published module with its facilitators and upcoming sessions (no online links: those are for the registered). */
export async function modulePage(ctx: Visitor, moduleId: string) {
	const m = await getPublishedModule(ctx.db, moduleId, ctx);
	const now = ctx.now ?? new Date();
	return {
		module: {
			id: m.id,
			title: m.title,
			subtitle: m.subtitle,
			descriptionHtml: m.descriptionHtml,
			learningGoals: m.learningGoals,
			format: m.format,
			durationMinutes: m.durationMinutes,
			language: m.language,
			priceCents: m.priceCents,
			targetGroups: m.targetGroups,
			competences: m.competences,
			orgName: m.orgName,
			orgSlug: m.orgSlug
		},
		facilitators: m.facilitators,
		sessions: m.sessions.map((s) => ({
			id: s.id,
			parts: s.parts,
			location: s.location,
			online: s.onlineUrl !== '',
			capacity: s.capacity,
			status: s.status,
			note: s.note,
			registrationDeadline: s.registrationDeadline,
			seats: s.seats,
			closed: closedCode(s, now)
		}))
	};
}

/** /katalog/termin/{id}: the registration form of a session; `done` is the outcome the form redirected with (?angemeldet=…&platz=…). */
export async function sessionPage(ctx: Visitor, sessionId: string, done: { status: string | null; position: string | null }) {
	const { module, session, closed } = await getPublicSession(ctx.db, sessionId, ctx);
	return {
		module: { id: module.id, title: module.title, subtitle: module.subtitle, orgName: module.orgName },
		session: { id: session.id, parts: session.parts, location: session.location, online: session.onlineUrl !== '', capacity: session.capacity, note: session.note, seats: session.seats },
		closed,
		retentionMonths: await retentionMonthsFor(ctx.db, module),
		done: done.status === 'pending_confirmation' || done.status === 'waitlisted' ? { status: done.status, position: Number(done.position ?? 0) || 1 } : null
	};
}

/** /katalog/anmeldung/{token}: the registration behind a personal link, and what its holder may do with it. */
export async function registrationPage(ctx: Visitor, token: string) {
	const view = await viewRegistration(ctx.db, token, ctx);
	const { registration: r, lock } = view;
	const now = ctx.now ?? new Date();
	return {
		registration: { status: r.status, name: r.name, holdUntil: r.holdUntil, emailConfirmed: r.emailConfirmedAt !== null, feedbackGiven: r.feedbackGiven },
		position: view.position,
		module: { id: lock.module.id, title: lock.module.title, subtitle: view.subtitle },
		session: {
			id: lock.session.id,
			parts: lock.session.parts,
			location: lock.session.location,
			// The online link only for a confirmed seat.
			onlineUrl: r.status === 'confirmed' ? lock.session.onlineUrl : '',
			online: lock.session.onlineUrl !== '',
			status: lock.session.status,
			note: lock.session.note
		},
		orgName: lock.orgName,
		mayCancel: ['pending_confirmation', 'confirmed', 'offered', 'waitlisted'].includes(r.status) && now < lock.session.startsAt && lock.session.status !== 'cancelled',
		mayFeedback: mayGiveFeedback(r, lock.session, now),
		hasCertificate: view.certificateCode !== null
	};
}

/** The attendee's own certificate, through their personal link. */
export async function attendeeCertificate(ctx: Visitor, token: string): Promise<{ bytes: Uint8Array; fileName: string }> {
	const { certificateCode } = await viewRegistration(ctx.db, token, ctx);
	const certificate = certificateCode ? await certificateByCode(ctx.db, certificateCode) : null;
	if (!certificate || certificate.revokedAt) throw new AppError('not_found', 'Für diese Anmeldung gibt es keine Teilnahmebescheinigung.');
	return { bytes: await certificatePdf(certificate, ctx.baseUrl), fileName: `Teilnahmebescheinigung-${certificate.code}.pdf` };
}

/** /bescheinigung/{code}: public verification shows the holder and the module, nothing else of the registration. */
export async function certificatePage(ctx: Visitor, code: string) {
	const certificate = await certificateByCode(ctx.db, code);
	if (!certificate) throw new AppError('not_found', 'Diese Teilnahmebescheinigung kennen wir nicht. Bitte prüfen Sie den Prüfcode.');
	return {
		certificate: {
			code: certificate.code,
			holderName: certificate.holderName,
			moduleTitle: certificate.moduleTitle,
			parts: certificate.parts,
			orgName: certificate.orgName,
			issuedAt: certificate.issuedAt,
			revoked: certificate.revokedAt !== null
		}
	};
}

/** A facilitator's photo, for published modules only. */
export async function publishedPhoto(ctx: Visitor, facilitatorId: string): Promise<{ bytes: Buffer; type: string }> {
	const photo = await facilitatorPhoto(ctx.db, facilitatorId);
	if (!photo) throw new AppError('not_found', 'Dieses Foto gibt es nicht.');
	return photo;
}

type Reader = Visitor & { actor: Actor | null };

/** GET /api/v1/modules/{id}: published modules for everybody; drafts and archived ones also for their own organisation's facilitators and organisers. */
export async function readableModule(ctx: Reader, moduleId: string): Promise<PublicModule> {
	try {
		return await getPublishedModule(ctx.db, moduleId, ctx);
	} catch (cause) {
		if (!(cause instanceof AppError) || cause.code !== 'not_found' || !can(ctx.actor, 'sessions.facilitate')) throw cause;
	}
	const tenant = tenantFor(ctx.db, ctx.actor, 'sessions.facilitate');
	const { module, facilitators, sessions } = await getModule(tenant, moduleId, ctx);
	return { ...module, orgName: tenant.org.orgName, orgSlug: tenant.org.orgSlug, facilitators, sessions };
}

/** A session's .ics: published modules for everybody; drafts for those who see them elsewhere (sessions.facilitate), not for viewers. */
export async function readableCalendar(ctx: Reader, sessionId: string): Promise<{ body: string; fileName: string }> {
	const ownOrgId = can(ctx.actor, 'sessions.facilitate') ? ctx.actor?.org?.orgId : undefined;
	return sessionCalendar(ctx.db, sessionId, ctx.baseUrl, ownOrgId);
}
