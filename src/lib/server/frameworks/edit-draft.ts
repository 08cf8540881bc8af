import { and, desc, eq, sql } from 'drizzle-orm';
import { validateFramework, type FrameworkDocument } from '../../domain/framework';
import type { EditResult } from '../../domain/framework/editing';
import { frameworks, frameworkVersions } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { ownedBy } from './scope';

export type DraftChange = (document: FrameworkDocument) => EditResult | FrameworkDocument;

const notFound = () => new AppError('not_found', 'Diesen Kompetenzrahmen gibt es nicht, oder Sie dürfen ihn nicht ändern.');
/** Ids are UUIDs: anything else is not found (PostgreSQL would refuse to compare it, a 500). */
const isId = (frameworkId: string) => /^[0-9a-f-]{36}$/i.test(frameworkId);

/**
 * Applies a change to the framework's draft. When the newest version is frozen (published or
 * used by a study) the change starts the next draft version instead; frozen versions never change.
 */
export async function editDraft(ctx: TenantContext, frameworkId: string, change: DraftChange): Promise<{ versionNumber: number; document: FrameworkDocument }> {
	if (!isId(frameworkId)) throw notFound();
	return ctx.db.transaction(async (tx) => {
		const [framework] = await tx.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.id, frameworkId), ownedBy(ctx))).for('update');
		if (!framework) throw notFound();
		const [current] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id)).orderBy(desc(frameworkVersions.number)).limit(1);
		const outcome = change(structuredClone(current.document));
		if ('ok' in outcome && !outcome.ok) throw new AppError('validation_failed', outcome.message, [{ path: outcome.field, message: outcome.message }]);
		const changed = 'ok' in outcome ? outcome.document : outcome;
		const validation = validateFramework(changed);
		if (!validation.ok) {
			throw new AppError(
				'validation_failed',
				'Die Änderung wurde nicht gespeichert.',
				validation.issues.map((issue) => ({ path: String(issue.path.at(-1) ?? ''), message: issue.message }))
			);
		}
		if (current.frozenAt === null) {
			await tx.update(frameworkVersions).set({ document: validation.framework }).where(eq(frameworkVersions.id, current.id));
			return { versionNumber: current.number, document: validation.framework };
		}
		await tx.insert(frameworkVersions).values({ frameworkId: framework.id, number: current.number + 1, status: 'draft', document: validation.framework, createdBy: ctx.actor.userId });
		return { versionNumber: current.number + 1, document: validation.framework };
	});
}

/** Publishing freezes the newest version and makes it the organisation's public one. */
export async function publishFramework(ctx: TenantContext, frameworkId: string): Promise<number> {
	if (!isId(frameworkId)) throw notFound();
	return ctx.db.transaction(async (tx) => {
		const [framework] = await tx.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.id, frameworkId), ownedBy(ctx))).for('update');
		if (!framework) throw notFound();
		const [current] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id)).orderBy(desc(frameworkVersions.number)).limit(1);
		if (current.status === 'published') throw new AppError('conflict', `Version ${current.number} ist bereits veröffentlicht.`);
		await tx
			.update(frameworkVersions)
			.set({ status: 'published', publishedAt: sql`now()`, frozenAt: sql`coalesce(${frameworkVersions.frozenAt}, now())` })
			.where(eq(frameworkVersions.id, current.id));
		return current.number;
	});
}

/** Archived frameworks disappear from lists; versions pinned by studies stay readable through the study. */
export async function archiveFramework(ctx: TenantContext, frameworkId: string): Promise<void> {
	if (!isId(frameworkId)) throw notFound();
	const archived = await ctx.db.update(frameworks).set({ archivedAt: sql`now()` }).where(and(eq(frameworks.id, frameworkId), ownedBy(ctx))).returning({ id: frameworks.id });
	if (!archived.length) throw notFound();
}
