import { studies } from '../db/schema';
import type { TenantContext } from '../tenant';
import type { StudySettingsInput } from './settings';
import { withInstrumentDefaults } from './instrument-defaults';
import { parseStudySettings, studyFields } from './study-fields';

/**
 * Creates a draft study pinned to the framework's newest version; that version is frozen from now on.
 * On a conditions catalogue it is a Rahmenbedingungen self-check with that instrument's defaults.
 */
export async function createStudy(ctx: TenantContext, input: StudySettingsInput | unknown): Promise<{ id: string }> {
	const settings = parseStudySettings(await withInstrumentDefaults(ctx, input));
	return ctx.db.transaction(async (tx) => {
		const fields = await studyFields(tx, ctx, settings);
		const [study] = await tx.insert(studies).values({ ...fields, orgId: ctx.org.orgId, createdBy: ctx.actor.userId }).returning({ id: studies.id });
		return study;
	});
}
