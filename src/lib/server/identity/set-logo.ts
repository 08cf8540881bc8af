import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { imageType } from '../catalogue/photos';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { updateProfile } from './profile-row';

export const MAX_LOGO_BYTES = 500 * 1024;

/**
 * The organisation's logo: PNG, JPEG or WebP, recognised by the file's first bytes (an SVG or a
 * renamed file is refused — an SVG can carry script), at most 500 KB. `null` removes it.
 */
export async function setLogo(ctx: TenantContext, bytes: Uint8Array | null) {
	if (bytes === null) {
		await updateProfile(ctx, { logo: null, logoType: null, logoUpdatedAt: null });
		await recordAudit(ctx.db, 'logo_removed', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: {} });
		return { logoSaved: 'removed' as const };
	}
	if (bytes.byteLength > MAX_LOGO_BYTES) {
		const kb = Math.ceil(bytes.byteLength / 1024);
		throw new AppError('payload_too_large', `Das Logo ist ${kb} KB groß, erlaubt sind höchstens 500 KB. Bitte verkleinern Sie es.`, [{ path: 'logo', message: `Das Logo ist größer als 500 KB (${kb} KB).` }]);
	}
	const type = imageType(bytes);
	if (!type) {
		const message = 'Bitte laden Sie das Logo als PNG, JPEG oder WebP hoch. SVG-Dateien und andere Formate nimmt Stadtwissen aus Sicherheitsgründen nicht an.';
		throw new AppError('validation_failed', message, [{ path: 'logo', message: 'Dieses Dateiformat wird nicht unterstützt (nur PNG, JPEG oder WebP).' }]);
	}
	await updateProfile(ctx, { logo: Buffer.from(bytes), logoType: type, logoUpdatedAt: sql`now()` as unknown as Date });
	await recordAudit(ctx.db, 'logo_saved', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: { type, bytes: bytes.byteLength } });
	return { logoSaved: 'saved' as const };
}
