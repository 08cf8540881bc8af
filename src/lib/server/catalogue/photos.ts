import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { catalogueFacilitators, catalogueModules } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { isUuid } from '../validate';

export const MAX_PHOTO_BYTES = 1024 * 1024;

/** The image type from the file's first bytes (never from its name or the browser's claim). */
export function imageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
	if (String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp';
	return null;
}

export async function setFacilitatorPhoto(ctx: TenantContext, facilitatorId: string, bytes: Uint8Array | null): Promise<void> {
	if (!isUuid(facilitatorId)) throw new AppError('not_found', 'Diese Referent*in gibt es nicht.');
	const [row] = await ctx.db
		.select({ id: catalogueFacilitators.id })
		.from(catalogueFacilitators)
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueFacilitators.moduleId))
		.where(and(eq(catalogueFacilitators.id, facilitatorId), eq(catalogueModules.orgId, ctx.org.orgId)));
	if (!row) throw new AppError('not_found', 'Diese Referent*in gibt es nicht.');
	if (bytes === null) {
		await ctx.db.update(catalogueFacilitators).set({ photo: null, photoType: null }).where(eq(catalogueFacilitators.id, facilitatorId));
		return;
	}
	if (bytes.byteLength > MAX_PHOTO_BYTES) throw new AppError('payload_too_large', 'Das Foto ist größer als 1 MB. Bitte verkleinern Sie es.', [{ path: 'photo', message: 'Das Foto ist größer als 1 MB.' }]);
	const type = imageType(bytes);
	if (!type) throw new AppError('validation_failed', 'Bitte laden Sie ein Foto als JPEG, PNG oder WebP hoch.', [{ path: 'photo', message: 'Dieses Dateiformat wird nicht unterstützt.' }]);
	await ctx.db.update(catalogueFacilitators).set({ photo: Buffer.from(bytes), photoType: type }).where(eq(catalogueFacilitators.id, facilitatorId));
}

export async function facilitatorPhoto(db: Db, facilitatorId: string): Promise<{ bytes: Buffer; type: string } | null> {
	if (!isUuid(facilitatorId)) return null;
	const [row] = await db
		.select({ photo: catalogueFacilitators.photo, type: catalogueFacilitators.photoType, status: catalogueModules.status })
		.from(catalogueFacilitators)
		.innerJoin(catalogueModules, eq(catalogueModules.id, catalogueFacilitators.moduleId))
		.where(eq(catalogueFacilitators.id, facilitatorId));
	if (!row?.photo || !row.type || row.status !== 'published') return null;
	return { bytes: row.photo, type: row.type };
}
