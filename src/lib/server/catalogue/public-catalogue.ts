import { and, asc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CHARTER_PRINCIPLES, MODULE_FORMATS, TARGET_GROUPS } from '../../schemas/catalogue';
import type { Db } from '../db/client';
import { catalogueModules, catalogueSessions, organisations } from '../db/schema';
import { AppError } from '../errors';
import { facilitatorsOf, sessionsWithSeats, type FacilitatorView, type ModuleRow, type SessionView } from './get-module';
import { closedCode, type ClosedReason } from './register';
import type { Visitor } from './catalogue-context';
import { isUuid, validate } from '../validate';

/*
 * The public catalogue: published modules of every organisation on the instance, for visitors
 * without an account (pages and API alike).
 */

const empty = (value: unknown) => (value === '' || value === null ? undefined : value);
const day = z.preprocess(empty, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte geben Sie ein Datum an (JJJJ-MM-TT).').optional());

export const catalogueFilterSchema = z.object({
	org: z.preprocess(empty, z.string().max(100, 'Die Kurzbezeichnung ist zu lang.').optional()),
	competence: z.preprocess(empty, z.string().max(100, 'Der Kompetenz-Code ist zu lang.').optional()),
	principle: z.preprocess(empty, z.enum(CHARTER_PRINCIPLES, { error: `Unbekannter Grundsatz. Erlaubt sind: ${CHARTER_PRINCIPLES.join(', ')}.` }).optional()),
	format: z.preprocess(empty, z.enum(MODULE_FORMATS, { error: `Unbekanntes Format. Erlaubt sind: ${MODULE_FORMATS.join(', ')}.` }).optional()),
	group: z.preprocess(empty, z.enum(TARGET_GROUPS, { error: `Unbekannte Zielgruppe. Erlaubt sind: ${TARGET_GROUPS.join(', ')}.` }).optional()),
	from: day,
	to: day,
	place: z.preprocess(empty, z.string().max(100, 'Der Ort ist zu lang.').optional()),
	free: z.preprocess((value) => value === 'true' || value === '1' || value === 'on' || value === true, z.boolean()).default(false)
});
export type CatalogueFilter = z.infer<typeof catalogueFilterSchema>;

/** Reads filters from a query string; invalid values are a 422 with one detail per parameter. */
export function readFilter(params: URLSearchParams): CatalogueFilter {
	return validate(catalogueFilterSchema, Object.fromEntries([...params].filter(([key]) => key in catalogueFilterSchema.shape)), 'Ein Filter ist ungültig.');
}

export interface PublicModule extends ModuleRow {
	orgName: string;
	orgSlug: string;
	facilitators: FacilitatorView[];
	sessions: SessionView[];
}

const berlinDayStart = (isoDay: string) => sql`(${isoDay}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`;

function moduleConditions(filter: CatalogueFilter): SQL[] {
	const conditions: SQL[] = [eq(catalogueModules.status, 'published')];
	if (filter.org) conditions.push(eq(organisations.slug, filter.org));
	if (filter.format) conditions.push(eq(catalogueModules.format, filter.format));
	if (filter.group) conditions.push(sql`${catalogueModules.targetGroups} @> ${JSON.stringify([filter.group])}::jsonb`);
	if (filter.principle) conditions.push(sql`${filter.principle} = ANY(${catalogueModules.principles})`);
	if (filter.competence) conditions.push(sql`${catalogueModules.competences} @> ${JSON.stringify([{ code: filter.competence }])}::jsonb`);
	return conditions;
}

function sessionConditions(filter: CatalogueFilter, now: Date): SQL[] {
	const conditions: SQL[] = [gt(catalogueSessions.endsAt, now)];
	if (filter.from) conditions.push(sql`${catalogueSessions.endsAt} >= ${berlinDayStart(filter.from)}`);
	if (filter.to) conditions.push(sql`${catalogueSessions.startsAt} < ${berlinDayStart(filter.to)} + interval '1 day'`);
	if (filter.place) {
		const pattern = `%${filter.place.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		conditions.push(sql`(${catalogueSessions.location} ILIKE ${pattern} OR (${filter.place.toLowerCase()} = 'online' AND ${catalogueSessions.onlineUrl} <> ''))`);
	}
	return conditions;
}

const sessionFiltered = (filter: CatalogueFilter) => Boolean(filter.from || filter.to || filter.place || filter.free);

/** Published modules matching the filter, each with its upcoming sessions (only the matching ones when a session filter is set). */
export async function listPublishedModules(ctx: Visitor, filter: CatalogueFilter): Promise<PublicModule[]> {
	const now = ctx.now;
	const modules = await ctx.db
		.select({ module: catalogueModules, orgName: organisations.name, orgSlug: organisations.slug })
		.from(catalogueModules)
		.innerJoin(organisations, eq(organisations.id, catalogueModules.orgId))
		.where(and(...moduleConditions(filter)))
		.orderBy(asc(catalogueModules.title));
	if (!modules.length) return [];
	const ids = modules.map((row) => row.module.id);
	const sessions = await sessionsWithSeats(ctx, and(inArray(catalogueSessions.moduleId, ids), ne(catalogueSessions.status, 'cancelled'), ...sessionConditions(filter, now))!);
	const facilitators = await facilitatorsOf(ctx.db, ids);
	const result: PublicModule[] = [];
	for (const { module, orgName, orgSlug } of modules) {
		let own = sessions.filter((session) => session.moduleId === module.id);
		if (filter.free) own = own.filter((session) => session.seats.free > 0 && session.status === 'open' && (!session.registrationDeadline || session.registrationDeadline > now));
		if (sessionFiltered(filter) && !own.length) continue;
		result.push({ ...module, orgName, orgSlug, facilitators: facilitators.get(module.id) ?? [], sessions: own });
	}
	// Modules with a date come first, by their next date.
	return result.sort((a, b) => (a.sessions[0]?.startsAt.getTime() ?? Infinity) - (b.sessions[0]?.startsAt.getTime() ?? Infinity));
}

/** The choices of the filter form: organisations and competences that occur in published modules. */
export async function filterOptions(db: Db): Promise<{ organisations: { slug: string; name: string }[]; competences: { code: string; title_de: string; title_en: string }[] }> {
	const orgs = await db
		.selectDistinct({ slug: organisations.slug, name: organisations.name })
		.from(catalogueModules)
		.innerJoin(organisations, eq(organisations.id, catalogueModules.orgId))
		.where(eq(catalogueModules.status, 'published'))
		.orderBy(organisations.name);
	const modules = await db.select({ competences: catalogueModules.competences }).from(catalogueModules).where(eq(catalogueModules.status, 'published'));
	const competences = new Map<string, { code: string; title_de: string; title_en: string }>();
	for (const module of modules) for (const c of module.competences) if (!competences.has(c.code)) competences.set(c.code, { code: c.code, title_de: c.title_de, title_en: c.title_en });
	return { organisations: orgs, competences: [...competences.values()].sort((a, b) => a.code.localeCompare(b.code, 'de', { numeric: true })) };
}

/** A published module with all its sessions that have not ended; 404 for drafts, archived modules and unknown ids. */
export async function getPublishedModule(ctx: Visitor, moduleId: string): Promise<PublicModule> {
	const notFound = new AppError('not_found', 'Dieses Modul gibt es nicht oder es ist nicht veröffentlicht.');
	if (!isUuid(moduleId)) throw notFound;
	const [row] = await ctx.db
		.select({ module: catalogueModules, orgName: organisations.name, orgSlug: organisations.slug })
		.from(catalogueModules)
		.innerJoin(organisations, eq(organisations.id, catalogueModules.orgId))
		.where(and(eq(catalogueModules.id, moduleId), eq(catalogueModules.status, 'published')));
	if (!row) throw notFound;
	const now = ctx.now;
	const sessions = await sessionsWithSeats(ctx, and(eq(catalogueSessions.moduleId, moduleId), gt(catalogueSessions.endsAt, now))!);
	const facilitators = (await facilitatorsOf(ctx.db, [moduleId])).get(moduleId) ?? [];
	return { ...row.module, orgName: row.orgName, orgSlug: row.orgSlug, facilitators, sessions };
}

export interface PublicSession {
	module: PublicModule;
	session: SessionView;
	/** Why no registration is possible, or null. */
	closed: ClosedReason | null;
}

/** A session of a published module, for its registration page. */
export async function getPublicSession(ctx: Visitor, sessionId: string): Promise<PublicSession> {
	const notFound = new AppError('not_found', 'Diesen Termin gibt es nicht.');
	if (!isUuid(sessionId)) throw notFound;
	const [row] = await ctx.db.select({ moduleId: catalogueSessions.moduleId }).from(catalogueSessions).where(eq(catalogueSessions.id, sessionId));
	if (!row) throw notFound;
	const module = await getPublishedModule(ctx, row.moduleId).catch(() => null);
	if (!module) throw notFound;
	const [session] = await sessionsWithSeats(ctx, eq(catalogueSessions.id, sessionId));
	return { module, session, closed: closedCode(session, ctx.now) };
}
