import { eq } from 'drizzle-orm';
import type { FrameworkDocument } from '../../domain/framework/model';
import type { Db } from '../db/client';
import { frameworkVersions } from '../db/schema';

const frozenDocuments = new Map<string, FrameworkDocument>();
const FROZEN_DOCUMENTS_KEPT = 200;

/**
 * The framework version a study pinned. Pinning freezes a version for good, so its document is kept
 * in memory (deep-frozen, so no caller can change the shared copy): every questionnaire request needs it.
 */
export async function frameworkDocumentOfStudy(db: Db, study: { frameworkVersionId: string }): Promise<FrameworkDocument> {
	const cached = frozenDocuments.get(study.frameworkVersionId);
	if (cached) return cached;
	const [version] = await db.select({ document: frameworkVersions.document, frozenAt: frameworkVersions.frozenAt }).from(frameworkVersions).where(eq(frameworkVersions.id, study.frameworkVersionId));
	if (!version.frozenAt) return version.document;
	if (frozenDocuments.size >= FROZEN_DOCUMENTS_KEPT) frozenDocuments.delete(frozenDocuments.keys().next().value!);
	frozenDocuments.set(study.frameworkVersionId, deepFreeze(version.document));
	return version.document;
}

/** Freezes a value and everything in it, for copies shared by every request. */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
