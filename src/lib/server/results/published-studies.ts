import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organisations, studies } from '../db/schema';
import { AppError } from '../errors';
import type { Study } from '../studies/get-study';

/** A published study of the organisation with this slug, for the public pages; null for anything else. */
export async function findPublishedStudy(db: Db, slug: string, studyId: string): Promise<{ organisation: { name: string; slug: string }; study: Study } | null> {
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(studyId) || slug.length > 200) return null;
	const [row] = await db
		.select({ study: studies, name: organisations.name, slug: organisations.slug })
		.from(studies)
		.innerJoin(organisations, eq(organisations.id, studies.orgId))
		.where(and(eq(studies.id, studyId), eq(organisations.slug, slug), eq(studies.status, 'published')));
	return row ? { organisation: { name: row.name, slug: row.slug }, study: row.study } : null;
}

/** The organisation's published studies, newest first, for its public page. */
export async function listPublishedStudies(db: Db, orgId: string): Promise<{ id: string; title: string }[]> {
	return db
		.select({ id: studies.id, title: studies.title })
		.from(studies)
		.where(and(eq(studies.orgId, orgId), eq(studies.status, 'published')))
		.orderBy(desc(studies.createdAt));
}

export async function publishedStudy(db: Db, slug: string, studyId: string) {
	const found = await findPublishedStudy(db, slug, studyId);
	if (!found) throw new AppError('not_found', 'Nicht gefunden');
	return found;
}
