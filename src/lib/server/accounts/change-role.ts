import { and, eq } from 'drizzle-orm';
import { memberships } from '../db/schema';
import { recordAudit } from '../audit';
import { type Role } from '../auth/actor';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';

export async function changeRole({ db, org, actor }: TenantContext, input: { userId: string; role: Role }): Promise<void> {
	await db.transaction(async (tx) => {
		const owners = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, org.orgId), eq(memberships.role, 'owner'))).for('update');
		if (input.role !== 'owner' && owners.length === 1 && owners[0].userId === input.userId) {
			throw new AppError('conflict', 'Eine Organisation braucht mindestens eine Inhaber*in. Ernennen Sie zuerst eine andere Person.');
		}
		const updated = await tx
			.update(memberships)
			.set({ role: input.role })
			.where(and(eq(memberships.orgId, org.orgId), eq(memberships.userId, input.userId)))
			.returning({ userId: memberships.userId });
		if (!updated.length) throw new AppError('not_found', 'Diese Person gehört nicht zu Ihrer Organisation.');
		await recordAudit(tx, 'role_changed', { orgId: org.orgId, userId: actor.userId, detail: { member: input.userId, role: input.role } });
	});
}
