import { and, eq } from 'drizzle-orm';
import { frameworkVersions, studies } from '../db/schema';
import { AppError } from '../errors';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import type { TenantContext } from '../tenant';

export type Study = typeof studies.$inferSelect;

export type StudyStatus = Study['status'];

export const notFound = () => new AppError('not_found', 'Diese Analyse gibt es nicht.');

export async function getStudy(ctx: TenantContext, studyId: string): Promise<Study & { frameworkId: string; frameworkVersionNumber: number }> {
	if (!/^[0-9a-f-]{36}$/i.test(studyId)) throw notFound();
	const [row] = await ctx.db
		.select({ study: studies, frameworkId: frameworkVersions.frameworkId, frameworkVersionNumber: frameworkVersions.number })
		.from(studies)
		.innerJoin(frameworkVersions, eq(frameworkVersions.id, studies.frameworkVersionId))
		.where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId)));
	if (!row) throw notFound();
	return { ...row.study, frameworkId: row.frameworkId, frameworkVersionNumber: row.frameworkVersionNumber };
}

export function frameworkDocumentOf(ctx: TenantContext, study: Pick<Study, 'frameworkVersionId'>) {
	return frameworkDocumentOfStudy(ctx.db, study);
}
