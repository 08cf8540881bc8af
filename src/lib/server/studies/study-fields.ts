import { and, desc, eq, sql } from 'drizzle-orm';
import { frameworks, frameworkVersions } from '../db/schema';
import { AppError, toErrorDetails } from '../errors';
import { readableBy } from '../frameworks/scope';
import type { TenantContext } from '../tenant';
import { studySettingsSchema } from './settings';
import type { Db } from '../db/client';

export function parseStudySettings(input: unknown) {
	const result = studySettingsSchema.safeParse(input);
	if (!result.success) throw new AppError('validation_failed', 'Die Angaben zur Analyse sind unvollständig oder ungültig.', toErrorDetails(result.error.issues));
	return result.data;
}

/** Checks the settings against the organisation's framework and pins its newest version (freezing it). */
export async function studyFields(tx: Db, ctx: TenantContext, settings: ReturnType<typeof parseStudySettings>) {
	const [framework] = await tx.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.id, settings.frameworkId), readableBy(ctx)));
	if (!framework) throw new AppError('validation_failed', 'Diesen Kompetenzrahmen gibt es nicht.', [{ path: 'frameworkId', message: 'Bitte wählen Sie einen Kompetenzrahmen Ihrer Organisation.' }]);
	const [version] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id)).orderBy(desc(frameworkVersions.number)).limit(1).for('update');
	const available = version.document.areas.filter((a) => !a.archived).flatMap((a) => a.competences.filter((c) => !c.archived).map((c) => c.code));
	const chosen = settings.competences ?? available;
	const unknown = chosen.filter((code) => !available.includes(code));
	if (unknown.length) {
		throw new AppError('validation_failed', 'Einige Kompetenzen gibt es im Kompetenzrahmen nicht.', unknown.map((code) => ({ path: 'competences', message: `„${code}“ ist nicht im Rahmen (oder archiviert).` })));
	}
	if (chosen.length === 0) throw new AppError('validation_failed', 'Bitte wählen Sie mindestens eine Kompetenz.', [{ path: 'competences', message: 'Mindestens eine Kompetenz ist nötig.' }]);
	if (!version.frozenAt) await tx.update(frameworkVersions).set({ frozenAt: sql`now()` }).where(eq(frameworkVersions.id, version.id));
	return {
		title: settings.title,
		introduction: settings.introduction,
		frameworkVersionId: version.id,
		competences: available.filter((code) => chosen.includes(code)),
		horizons: settings.horizons,
		measureProficiency: settings.measureProficiency,
		openQuestions: settings.openQuestions,
		groups: settings.groups,
		minGroupSize: settings.minGroupSize,
		consensus: settings.consensus,
		quantileType: settings.quantileType,
		rounds: settings.rounds,
		lateJoinersAllowed: settings.lateJoinersAllowed,
		opensOn: settings.opensOn,
		closesOn: settings.closesOn,
		reminderDays: settings.reminderDays,
		reasonMode: settings.reasonMode
	};
}
