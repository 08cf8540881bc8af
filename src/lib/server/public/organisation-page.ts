import { listPublishedModules } from '../catalogue/list-published-modules';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { findOrganisationBySlug, listPublishedFrameworks } from '../frameworks/public-frameworks';
import { listPublishedStudies } from '../results/published-studies';

/** An organisation's public page: its published frameworks, studies and modules (with the next date). */
export async function organisationPage(ctx: RequestContext, slug: string) {
	const org = await findOrganisationBySlug(ctx.db, slug);
	if (!org) throw new AppError('not_found', 'Nicht gefunden');
	const [frameworks, studies, modules] = await Promise.all([
		listPublishedFrameworks(ctx.db, org.id),
		listPublishedStudies(ctx.db, org.id),
		listPublishedModules(ctx, { org: org.slug, free: false })
	]);
	return {
		organisation: { name: org.name, slug: org.slug },
		studies,
		modules: modules.map((m) => ({ id: m.id, title: m.title, nextSession: m.sessions[0]?.startsAt ?? null })),
		frameworks: frameworks.map((f) => ({ id: f.id, name_de: f.document.meta.name_de, name_en: f.document.meta.name_en, versionNumber: f.versionNumber }))
	};
}
