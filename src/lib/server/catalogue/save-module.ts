import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { settleQuestionIds } from '../../domain/catalogue/registration-questions';
import { moduleInputSchema } from '../../schemas/catalogue';
import { catalogueFacilitators, catalogueModules, type ModuleCompetence } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { sanitizeDescription } from './rich-text';
import { validate } from '../validate';
import { defaultFrameworkFor, frameworkDocument, resolveCompetences } from './module-competences';
import { findOwnModule } from './own-module';

/**
 * Creates a module, or replaces an existing module's content (its status is changed separately).
 * Facilitators are replaced as a list; a photo stays with a facilitator of the same name.
 */
export async function saveModule(ctx: TenantContext, raw: unknown, moduleId?: string): Promise<{ id: string }> {
	const input = validate(moduleInputSchema, raw);
	let existing: typeof catalogueModules.$inferSelect | undefined;
	if (moduleId !== undefined) {
		existing = await findOwnModule(ctx, moduleId);
		if (!existing) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	}
	const frameworkId = input.frameworkId ?? existing?.frameworkId ?? (await defaultFrameworkFor(ctx));
	let competences: ModuleCompetence[] = [];
	if (input.competences.length) {
		if (!frameworkId) throw new AppError('validation_failed', 'Ihre Organisation hat noch keinen Kompetenzrahmen.', [{ path: 'competences', message: 'Es gibt keinen Kompetenzrahmen, aus dem Kompetenzen gewählt werden können.' }]);
		const framework = await frameworkDocument(ctx, frameworkId);
		competences = resolveCompetences(framework.document, framework.name, input.competences);
	} else if (input.frameworkId) {
		await frameworkDocument(ctx, input.frameworkId);
	}
	const values = {
		title: input.title,
		subtitle: input.subtitle,
		descriptionSource: input.description,
		descriptionHtml: sanitizeDescription(input.description),
		learningGoals: input.learningGoals,
		format: input.format,
		durationMinutes: input.durationMinutes,
		language: input.language,
		targetGroups: input.targetGroups,
		frameworkId: frameworkId ?? null,
		competences,
		principles: [...new Set(competences.flatMap((c) => c.principles))].sort(),
		priceCents: input.priceCents,
		retentionMonths: input.retentionMonths,
		notifyOnRegistration: input.notifyOnRegistration,
		registrationQuestions: settleQuestionIds(existing?.registrationQuestions ?? [], input.registrationQuestions, () => `q${randomUUID().replace(/-/g, '').slice(0, 12)}`),
		updatedAt: new Date()
	};
	return ctx.db.transaction(async (tx) => {
		let id: string;
		if (existing) {
			id = existing.id;
			await tx.update(catalogueModules).set(values).where(and(eq(catalogueModules.id, id), eq(catalogueModules.orgId, ctx.org.orgId)));
		} else {
			const published = input.status === 'published';
			const [created] = await tx
				.insert(catalogueModules)
				.values({ ...values, orgId: ctx.org.orgId, status: input.status, publishedAt: published ? new Date() : null, createdBy: ctx.actor.userId })
				.returning({ id: catalogueModules.id });
			id = created.id;
		}
		const previous = existing ? await tx.select().from(catalogueFacilitators).where(eq(catalogueFacilitators.moduleId, id)) : [];
		await tx.delete(catalogueFacilitators).where(eq(catalogueFacilitators.moduleId, id));
		if (input.facilitators.length) {
			await tx.insert(catalogueFacilitators).values(
				input.facilitators.map((facilitator, position) => {
					const before = previous.find((p) => p.name === facilitator.name);
					return { moduleId: id, position, ...facilitator, photo: before?.photo ?? null, photoType: before?.photoType ?? null };
				})
			);
		}
		return { id };
	});
}
