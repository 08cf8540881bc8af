import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { instrumentKindOf, type FrameworkDocument, type InstrumentKind } from '../../domain/framework';
import { activeCompetenceCount } from '../../domain/framework/editing';
import { frameworks, frameworkVersions } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { readableBy } from './scope';

export interface FrameworkVersionSummary {
	id: string;
	number: number;
	status: 'draft' | 'published';
	frozen: boolean;
	createdAt: Date;
	publishedAt: Date | null;
}

export interface FrameworkListItem {
	id: string;
	shipped: boolean;
	/** What the framework is an instrument for: competences, or conditions (Rahmenbedingungen self-check). */
	kind: InstrumentKind;
	name_de: string;
	name_en: string;
	competenceCount: number;
	current: FrameworkVersionSummary;
}

export interface FrameworkDetail extends FrameworkListItem {
	document: FrameworkDocument;
	versions: FrameworkVersionSummary[];
}

const summary = (row: typeof frameworkVersions.$inferSelect): FrameworkVersionSummary => ({
	id: row.id,
	number: row.number,
	status: row.status,
	frozen: row.frozenAt !== null,
	createdAt: row.createdAt,
	publishedAt: row.publishedAt
});

/** The organisation's frameworks with their newest version, the shipped one first. */
export async function listFrameworks(ctx: TenantContext): Promise<FrameworkListItem[]> {
	const owned = await ctx.db.select().from(frameworks).where(readableBy(ctx)).orderBy(sql`${frameworks.orgId} NULLS FIRST`, frameworks.createdAt);
	if (!owned.length) return [];
	const latest = await ctx.db
		.selectDistinctOn([frameworkVersions.frameworkId])
		.from(frameworkVersions)
		.where(inArray(frameworkVersions.frameworkId, owned.map((f) => f.id)))
		.orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.number));
	const byFramework = new Map(latest.map((v) => [v.frameworkId, v]));
	return owned.flatMap((framework) => {
		const version = byFramework.get(framework.id);
		if (!version) return [];
		return [
			{
				id: framework.id,
				shipped: framework.orgId === null,
				kind: instrumentKindOf(version.document),
				name_de: version.document.meta.name_de,
				name_en: version.document.meta.name_en,
				competenceCount: activeCompetenceCount(version.document),
				current: summary(version)
			}
		];
	});
}

/** A readable framework with its newest version's document; 404 for other organisations' ids. */
export async function getFramework(ctx: TenantContext, frameworkId: string): Promise<FrameworkDetail> {
	const notFound = new AppError('not_found', 'Diesen Kompetenzrahmen gibt es nicht.');
	if (!/^[0-9a-f-]{36}$/i.test(frameworkId)) throw notFound;
	const [framework] = await ctx.db.select().from(frameworks).where(and(eq(frameworks.id, frameworkId), readableBy(ctx)));
	if (!framework) throw notFound;
	const versions = await ctx.db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id)).orderBy(desc(frameworkVersions.number));
	const current = versions[0];
	return {
		id: framework.id,
		shipped: framework.orgId === null,
		kind: instrumentKindOf(current.document),
		name_de: current.document.meta.name_de,
		name_en: current.document.meta.name_en,
		competenceCount: activeCompetenceCount(current.document),
		current: summary(current),
		document: current.document,
		versions: versions.map(summary)
	};
}

export async function getVersionDocument(ctx: TenantContext, frameworkId: string, number: number): Promise<FrameworkDocument> {
	await getFramework(ctx, frameworkId);
	const [version] = await ctx.db
		.select({ document: frameworkVersions.document })
		.from(frameworkVersions)
		.where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.number, number)));
	if (!version) throw new AppError('not_found', `Version ${number} gibt es nicht.`);
	return version.document;
}
