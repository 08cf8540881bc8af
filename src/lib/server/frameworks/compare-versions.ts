import { diffFrameworks } from '../../domain/framework';
import type { TenantContext } from '../tenant';
import { getFramework, getVersionDocument } from './get-framework';

/** Compares two versions; by default the newest with the one before. Unknown numbers fall back to those. */
export async function compareVersions(ctx: TenantContext, frameworkId: string, wanted: { from: number; to: number }) {
	const framework = await getFramework(ctx, frameworkId);
	const numbers = framework.versions.map((v) => v.number);
	const to = numbers.includes(wanted.to) ? wanted.to : numbers[0];
	const from = numbers.includes(wanted.from) ? wanted.from : Math.max(1, to - 1);
	const diff = diffFrameworks(await getVersionDocument(ctx, frameworkId, from), await getVersionDocument(ctx, frameworkId, to));
	return { framework: { id: framework.id, name_de: framework.name_de, name_en: framework.name_en, versions: framework.versions }, from, to, diff };
}
