import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { recordAudit } from '../audit';
import { requirePasswordLogin } from '../auth/oidc-settings';
import { hashPassword, verifyPassword } from '../auth/secrets';
import { deleteOtherSessions } from '../auth/delete-other-sessions';
import { AppError } from '../errors';

export async function changePassword(
	db: Db,
	input: { userId: string; currentPassword: string; newPassword: string; sessionToken: string }
): Promise<void> {
	requirePasswordLogin();
	const [user] = await db.select().from(users).where(eq(users.id, input.userId));
	if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
		throw new AppError('validation_failed', 'Das bisherige Passwort stimmt nicht.', [{ path: 'currentPassword', message: 'Das bisherige Passwort stimmt nicht.' }]);
	}
	await db.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, user.id));
	await deleteOtherSessions(db, user.id, input.sessionToken);
	await recordAudit(db, 'password_changed', { userId: user.id });
}
