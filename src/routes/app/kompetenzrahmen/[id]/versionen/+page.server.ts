import { error } from '@sveltejs/kit';
import { diffFrameworks } from '$lib/domain/framework';
import { AppError } from '$lib/server/errors';
import { getFramework, getVersionDocument } from '$lib/server/frameworks/get-framework';
import { requireTenant } from '$lib/server/http/guard';
import type { PageServerLoad } from './$types';

/** Compares two versions (?von=1&bis=2); by default the newest with the one before. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'frameworks.read');
	try {
		const framework = await getFramework(ctx, params.id);
		const numbers = framework.versions.map((v) => v.number);
		const newest = numbers[0];
		const pick = (name: string, fallback: number) => {
			const wanted = Number(url.searchParams.get(name));
			return numbers.includes(wanted) ? wanted : fallback;
		};
		const to = pick('bis', newest);
		const from = pick('von', Math.max(1, to - 1));
		const diff = diffFrameworks(await getVersionDocument(ctx, params.id, from), await getVersionDocument(ctx, params.id, to));
		return { framework: { id: framework.id, name_de: framework.name_de, name_en: framework.name_en, versions: framework.versions }, from, to, diff };
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
