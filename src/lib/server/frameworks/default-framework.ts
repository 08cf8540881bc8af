import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import { createConditionsCatalogue, createDefaultFramework, type FrameworkDocument } from '../../domain/framework';
import type { Db } from '../db/client';
import { frameworks, frameworkVersions } from '../db/schema';

/** The shipped framework (organisation null) whose documents carry this meta code. */
const shippedWithCode = (code: string) =>
	and(
		isNull(frameworks.orgId),
		sql`exists (select 1 from ${frameworkVersions} where ${frameworkVersions.frameworkId} = ${frameworks.id} and ${frameworkVersions.document}->'meta'->>'code' = ${code})`
	);

/**
 * Keeps a shipped document in the database (organisation null, published), found by its meta code:
 * inserted on the first start, and given a new version when a release ships changed texts. Versions
 * a study pinned stay as they were.
 */
async function ensureShipped(db: Db, shipped: FrameworkDocument): Promise<string> {
	return db.transaction(async (tx) => {
		let [framework] = await tx.select().from(frameworks).where(shippedWithCode(shipped.meta.code)).orderBy(frameworks.createdAt).limit(1);
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

/** The shipped competence framework („Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta“). */
export async function ensureDefaultFramework(db: Db): Promise<string> {
	return ensureShipped(db, createDefaultFramework());
}

/** The shipped conditions catalogue for the Rahmenbedingungen self-check (issue 16). */
export async function ensureConditionsCatalogue(db: Db): Promise<string> {
	return ensureShipped(db, createConditionsCatalogue());
}

/** Everything Stadtwissen ships, the competence framework first (it stays the default template). */
export async function ensureShippedFrameworks(db: Db): Promise<void> {
	await ensureDefaultFramework(db);
	await ensureConditionsCatalogue(db);
}

/** The id of the shipped framework whose documents carry `code`, unless it was archived. */
async function shippedFrameworkId(db: Db, code: string): Promise<string | undefined> {
	const [framework] = await db
		.select({ id: frameworks.id })
		.from(frameworks)
		.where(and(shippedWithCode(code), isNull(frameworks.archivedAt)))
		.orderBy(frameworks.createdAt)
		.limit(1);
	return framework?.id;
}

export const defaultFrameworkId = (db: Db) => shippedFrameworkId(db, createDefaultFramework().meta.code);

export const conditionsCatalogueId = (db: Db) => shippedFrameworkId(db, createConditionsCatalogue().meta.code);
