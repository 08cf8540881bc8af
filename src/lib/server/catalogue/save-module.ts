import { and, eq } from 'drizzle-orm';
import { findCompetence } from '../../domain/framework/editing';
import type { FrameworkDocument } from '../../domain/framework';
import { moduleInputSchema, type ModuleInput } from '../../schemas/catalogue';
import { catalogueFacilitators, catalogueModules, type ModuleCompetence } from '../db/schema';
import { AppError, type ErrorDetail } from '../errors';
import { getFramework, listFrameworks } from '../frameworks/get-framework';
import type { TenantContext } from '../tenant';
import { sanitizeDescription } from './rich-text';
import { validate } from '../validate';

/** The framework a module maps to when none is named: the organisation's newest own one, else the shipped one. */
export async function defaultFrameworkFor(ctx: TenantContext): Promise<string | undefined> {
	const frameworks = await listFrameworks(ctx);
	const own = frameworks.filter((framework) => !framework.shipped);
	return (own.at(-1) ?? frameworks[0])?.id;
}

async function frameworkDocument(ctx: TenantContext, frameworkId: string): Promise<{ id: string; name: string; document: FrameworkDocument }> {
	try {
		const framework = await getFramework(ctx, frameworkId);
		return { id: framework.id, name: framework.name_de, document: framework.document };
	} catch (cause) {
		if (cause instanceof AppError && cause.code === 'not_found') {
			throw new AppError('validation_failed', 'Diesen Kompetenzrahmen gibt es nicht.', [{ path: 'frameworkId', message: 'Diesen Kompetenzrahmen gibt es nicht.' }]);
		}
		throw cause;
	}
}

/** Each named competence must exist (and not be archived) in the framework; titles and principles are kept with the module. */
export function resolveCompetences(document: FrameworkDocument, frameworkName: string, wanted: ModuleInput['competences']): ModuleCompetence[] {
	const problems: ErrorDetail[] = [];
	const resolved: ModuleCompetence[] = [];
	wanted.forEach((item, index) => {
		const found = findCompetence(document, item.code);
		if (!found) {
			problems.push({ path: `competences[${index}].code`, message: `Die Kompetenz „${item.code}“ gibt es im Kompetenzrahmen „${frameworkName}“ nicht.` });
		} else if (found.competence.archived || found.area.archived) {
			problems.push({ path: `competences[${index}].code`, message: `Die Kompetenz „${item.code}“ ist archiviert und kann nicht mehr zugeordnet werden.` });
		} else {
			const { competence } = found;
			resolved.push({ code: competence.code, level: item.level, title_de: competence.title_de, title_en: competence.title_en, principles: [...competence.tags.principles] });
		}
	});
	if (problems.length) throw new AppError('validation_failed', 'Nicht jede Kompetenz passt zum Kompetenzrahmen.', problems);
	return resolved;
}

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

export async function findOwnModule(ctx: TenantContext, moduleId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(moduleId)) return undefined;
	const [row] = await ctx.db.select().from(catalogueModules).where(and(eq(catalogueModules.id, moduleId), eq(catalogueModules.orgId, ctx.org.orgId)));
	return row;
}

/** One of the organisation's modules; 404 for other organisations' and unknown ids. */
export async function ownModule(ctx: TenantContext, moduleId: string) {
	const module = await findOwnModule(ctx, moduleId);
	if (!module) throw new AppError('not_found', 'Dieses Modul gibt es nicht.');
	return module;
}

/** Draft → published → archived, and back; publishing stamps the date the public sees. */
export async function setModuleStatus(ctx: TenantContext, moduleId: string, status: 'draft' | 'published' | 'archived'): Promise<void> {
	const module = await ownModule(ctx, moduleId);
	if (module.status === status) return;
	await ctx.db
		.update(catalogueModules)
		.set({ status, updatedAt: new Date(), ...(status === 'published' ? { publishedAt: new Date() } : {}) })
		.where(and(eq(catalogueModules.id, moduleId), eq(catalogueModules.orgId, ctx.org.orgId)));
}
