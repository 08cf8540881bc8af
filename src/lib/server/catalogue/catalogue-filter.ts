import { eq, gt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CHARTER_PRINCIPLES, MODULE_FORMATS, TARGET_GROUPS } from '../../schemas/catalogue';
import { catalogueModules, catalogueSessions, organisations } from '../db/schema';
import { validate } from '../validate';

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

const berlinDayStart = (isoDay: string) => sql`(${isoDay}::date)::timestamp AT TIME ZONE 'Europe/Berlin'`;

export function moduleConditions(filter: CatalogueFilter): SQL[] {
	const conditions: SQL[] = [eq(catalogueModules.status, 'published')];
	if (filter.org) conditions.push(eq(organisations.slug, filter.org));
	if (filter.format) conditions.push(eq(catalogueModules.format, filter.format));
	if (filter.group) conditions.push(sql`${catalogueModules.targetGroups} @> ${JSON.stringify([filter.group])}::jsonb`);
	if (filter.principle) conditions.push(sql`${filter.principle} = ANY(${catalogueModules.principles})`);
	if (filter.competence) conditions.push(sql`${catalogueModules.competences} @> ${JSON.stringify([{ code: filter.competence }])}::jsonb`);
	return conditions;
}

export function sessionConditions(filter: CatalogueFilter, now: Date): SQL[] {
	const conditions: SQL[] = [gt(catalogueSessions.endsAt, now)];
	if (filter.from) conditions.push(sql`${catalogueSessions.endsAt} >= ${berlinDayStart(filter.from)}`);
	if (filter.to) conditions.push(sql`${catalogueSessions.startsAt} < ${berlinDayStart(filter.to)} + interval '1 day'`);
	if (filter.place) {
		const pattern = `%${filter.place.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		conditions.push(sql`(${catalogueSessions.location} ILIKE ${pattern} OR (${filter.place.toLowerCase()} = 'online' AND ${catalogueSessions.onlineUrl} <> ''))`);
	}
	return conditions;
}

export const sessionFiltered = (filter: CatalogueFilter) => Boolean(filter.from || filter.to || filter.place || filter.free);
