import { desc, eq } from 'drizzle-orm';
import { instrumentKindOf, type InstrumentKind } from '../../domain/framework';
import type { Db } from '../db/client';
import { frameworkVersions } from '../db/schema';

/**
 * What a framework is an instrument for, from its newest version (issue 16): a module mapped to the
 * conditions catalogue addresses conditions, not competences. No framework (deleted): competences.
 */
export async function instrumentOfFramework(db: Db, frameworkId: string | null): Promise<InstrumentKind> {
	if (!frameworkId) return 'competences';
	const [version] = await db
		.select({ document: frameworkVersions.document })
		.from(frameworkVersions)
		.where(eq(frameworkVersions.frameworkId, frameworkId))
		.orderBy(desc(frameworkVersions.number))
		.limit(1);
	return version ? instrumentKindOf(version.document) : 'competences';
}
