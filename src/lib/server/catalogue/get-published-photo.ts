import { AppError } from '../errors';
import { facilitatorPhoto } from './photos';
import type { Visitor } from './catalogue-context';

/** A facilitator's photo, for published modules only. */
export async function getPublishedPhoto(ctx: Visitor, facilitatorId: string): Promise<{ bytes: Buffer; type: string }> {
	const photo = await facilitatorPhoto(ctx.db, facilitatorId);
	if (!photo) throw new AppError('not_found', 'Dieses Foto gibt es nicht.');
	return photo;
}
