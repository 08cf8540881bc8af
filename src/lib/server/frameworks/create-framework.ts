import { validateFramework, type FrameworkDocument } from '../../domain/framework';
import { copyNames } from '../../domain/framework/copy-name';
import { emptyFramework } from '../../domain/framework/editing';
import { frameworks, frameworkVersions } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { getFramework, listFrameworks } from './get-framework';

export type FrameworkSource = { kind: 'copy'; frameworkId: string } | { kind: 'empty'; name_de: string; name_en: string } | { kind: 'document'; document: FrameworkDocument };

/** Creates an organisation's own framework with a first draft version. */
export async function createFramework(ctx: TenantContext, source: FrameworkSource): Promise<{ id: string }> {
	let document: FrameworkDocument;
	if (source.kind === 'copy') {
		document = structuredClone((await getFramework(ctx, source.frameworkId)).document);
		// Adopting the same template twice must not give two frameworks of the same name.
		const taken = (await listFrameworks(ctx)).filter((f) => !f.shipped).map((f) => f.name_de);
		document.meta = { ...document.meta, ...copyNames(document.meta, taken) };
	} else if (source.kind === 'empty') {
		document = emptyFramework({ code: `EIGEN-${Date.now().toString(36).toUpperCase()}`, name_de: source.name_de, name_en: source.name_en });
	} else {
		document = source.document;
	}
	const validation = validateFramework(document);
	if (!validation.ok) {
		throw new AppError('validation_failed', 'Der Kompetenzrahmen ist ungültig.', validation.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
	}
	return ctx.db.transaction(async (tx) => {
		const [framework] = await tx.insert(frameworks).values({ orgId: ctx.org.orgId }).returning({ id: frameworks.id });
		await tx.insert(frameworkVersions).values({ frameworkId: framework.id, number: 1, status: 'draft', document: validation.framework, createdBy: ctx.actor.userId });
		return framework;
	});
}
