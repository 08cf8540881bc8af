import { and, desc, eq } from 'drizzle-orm';
import { instrumentKindOf } from '../../domain/framework/model';
import { frameworks, frameworkVersions } from '../db/schema';
import { readableBy } from '../frameworks/scope';
import type { TenantContext } from '../tenant';
import { SELF_CHECK_GROUPS, SELF_CHECK_HORIZONS, SELF_CHECK_OPEN_QUESTIONS } from './settings';

/**
 * A study on a conditions catalogue is a Rahmenbedingungen self-check (issue 16): what the input
 * leaves out gets the self-check's groups, the one horizon „heute“ and its open question instead of
 * a competence study's defaults — for the API as for the form. Everything given stays as given, and
 * anything that is not a readable framework is left for the settings' own validation.
 */
export async function withInstrumentDefaults(ctx: TenantContext, input: unknown): Promise<unknown> {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
	const given = input as Record<string, unknown>;
	if (typeof given.frameworkId !== 'string' || !/^[0-9a-f-]{36}$/i.test(given.frameworkId)) return input;
	const [latest] = await ctx.db
		.select({ document: frameworkVersions.document })
		.from(frameworkVersions)
		.innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
		.where(and(eq(frameworks.id, given.frameworkId), readableBy(ctx)))
		.orderBy(desc(frameworkVersions.number))
		.limit(1);
	if (!latest || instrumentKindOf(latest.document) !== 'conditions') return input;
	return {
		...given,
		groups: given.groups ?? SELF_CHECK_GROUPS,
		horizons: given.horizons ?? SELF_CHECK_HORIZONS,
		openQuestions: given.openQuestions ?? SELF_CHECK_OPEN_QUESTIONS
	};
}
