import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { invitations, studies } from '../db/schema';
import { AppError } from '../errors';
import { hitRateLimit } from '../auth/rate-limit';
import { invitationHash, newInvitationToken, TOKEN_PATTERN } from './token-crypto';
import type { Study } from './get-study';
import { LinkUnusable, rejectUnknown } from './participation';

/** Open link: the participant picks a group and gets a personal link of their own to continue with. */
export async function joinViaOpenLink(db: Db, openToken: string, groupKey: string | null, ip: string): Promise<{ study: Study; token?: string }> {
	if (!TOKEN_PATTERN.test(openToken)) return rejectUnknown(db, ip);
	const [study] = await db.select().from(studies).where(eq(studies.openLinkHash, invitationHash(openToken)));
	if (!study) return rejectUnknown(db, ip);
	if (study.status === 'draft') throw new LinkUnusable('not_open');
	if (study.status !== 'open') throw new LinkUnusable('closed');
	if (groupKey === null) return { study };
	if (!study.groups.some((g) => g.key === groupKey)) throw new AppError('validation_failed', 'Bitte wählen Sie eine Gruppe aus der Liste.', [{ path: 'group', message: 'Bitte wählen Sie eine Gruppe aus der Liste.' }]);
	const limit = await hitRateLimit(db, `open-link:${ip}`, 60, 3600);
	if (!limit.allowed) throw new AppError('rate_limited', 'Von Ihrem Netz wurden in kurzer Zeit sehr viele Teilnahmen begonnen. Bitte versuchen Sie es später noch einmal.', [], limit.retryAfterSeconds);
	const token = newInvitationToken();
	await db.insert(invitations).values({ studyId: study.id, groupKey, tokenHash: invitationHash(token) });
	return { study, token };
}
