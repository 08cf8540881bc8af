import { checkAccent } from '../../domain/identity/contrast';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';
import { updateProfile } from './profile-row';

/** Display name and accent colour. An unreadable colour is refused (with a readable shade to take instead); nothing is written. */
export async function saveIdentity(ctx: TenantContext, input: { displayName: string; accentColour: string }) {
	let accentColour: string | null = null;
	if (input.accentColour.trim()) {
		const check = checkAccent(input.accentColour);
		if (!check.ok) throw new AppError('validation_failed', check.message, [{ path: 'accentColour', message: check.message }]);
		accentColour = check.colour;
	}
	await updateProfile(ctx, { displayName: input.displayName.trim(), accentColour });
	await recordAudit(ctx.db, 'identity_saved', { orgId: ctx.org.orgId, userId: ctx.actor.userId, detail: { accentColour } });
	return { identitySaved: true };
}
