import { and, desc, eq, isNull } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import { createDefaultFramework } from '../../domain/framework';
import type { Db } from '../db/client';
import { frameworks, frameworkVersions } from '../db/schema';

/**
 * Keeps the shipped framework in the database (organisation null, published): inserted on the
 * first start, and given a new version when a release ships changed texts. Versions a study pinned
 * stay as they were.
 */
export async function ensureDefaultFramework(db: Db): Promise<string> {
	const shipped = createDefaultFramework();
	return db.transaction(async (tx) => {
		let [framework] = await tx.select().from(frameworks).where(isNull(frameworks.orgId)).limit(1);
		framework ??= (await tx.insert(frameworks).values({ orgId: null }).returning())[0];
		const [latest] = await tx
			.select()
			.from(frameworkVersions)
			.where(eq(frameworkVersions.frameworkId, framework.id))
			.orderBy(desc(frameworkVersions.number))
			.limit(1);
		if (!latest || !isDeepStrictEqual(latest.document, shipped)) {
			const now = new Date();
			await tx
				.insert(frameworkVersions)
				.values({ frameworkId: framework.id, number: (latest?.number ?? 0) + 1, status: 'published', document: shipped, frozenAt: now, publishedAt: now })
				.onConflictDoNothing();
		}
		return framework.id;
	});
}

export async function defaultFrameworkId(db: Db): Promise<string | undefined> {
	const [framework] = await db.select({ id: frameworks.id }).from(frameworks).where(and(isNull(frameworks.orgId), isNull(frameworks.archivedAt))).limit(1);
	return framework?.id;
}
