import { findCompetence } from '../../domain/framework/editing';
import type { FrameworkDocument } from '../../domain/framework';
import { type ModuleInput } from '../../schemas/catalogue';
import { type ModuleCompetence } from '../db/schema';
import { AppError, type ErrorDetail } from '../errors';
import { getFramework, listFrameworks } from '../frameworks/get-framework';
import type { TenantContext } from '../tenant';

/** The framework a module maps to when none is named: the organisation's newest own one, else the shipped one. */
export async function defaultFrameworkFor(ctx: TenantContext): Promise<string | undefined> {
	const frameworks = await listFrameworks(ctx);
	const own = frameworks.filter((framework) => !framework.shipped);
	return (own.at(-1) ?? frameworks[0])?.id;
}

export async function frameworkDocument(ctx: TenantContext, frameworkId: string): Promise<{ id: string; name: string; document: FrameworkDocument }> {
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
