import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { catalogueModules, organisations } from '../db/schema';

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
