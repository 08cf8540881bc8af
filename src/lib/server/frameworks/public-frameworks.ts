import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FrameworkDocument } from '../../domain/framework';
import type { Db } from '../db/client';
import { frameworks, frameworkVersions, organisations } from '../db/schema';

export interface PublishedFramework {
	id: string;
	versionNumber: number;
	publishedAt: Date | null;
	document: FrameworkDocument;
}

/** The newest published version of each of an organisation's frameworks: what the public sees. */
export async function listPublishedFrameworks(db: Db, orgId: string): Promise<PublishedFramework[]> {
	const rows = await db
		.selectDistinctOn([frameworkVersions.frameworkId], {
			id: frameworks.id,
			versionNumber: frameworkVersions.number,
			publishedAt: frameworkVersions.publishedAt,
			document: frameworkVersions.document
		})
		.from(frameworkVersions)
		.innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
		.where(and(eq(frameworks.orgId, orgId), isNull(frameworks.archivedAt), eq(frameworkVersions.status, 'published')))
		.orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.number));
	return rows;
}

export async function findOrganisationBySlug(db: Db, slug: string) {
	const [org] = await db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations).where(eq(organisations.slug, slug));
	return org ?? null;
}
