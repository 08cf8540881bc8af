import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { memberships, users } from '../db/schema';
import type { Mail } from '../mail/send-mail';
import type { Visitor } from './catalogue-context';
import { mailContext, type SessionLock } from './locked-session';
import { organiserNoticeMail } from './mails';

/**
 * The notice to the organisation's organisers and owners about a new registration, when the
 * module asks for it (`notifyOnRegistration`, off by default). It names the person and the status,
 * not the address: who needs more opens the list.
 */
export async function registrationNotices(tx: Db, lock: SessionLock, ctx: Pick<Visitor, 'baseUrl'>, registration: { name: string; status: string }): Promise<Mail[]> {
	if (!lock.module.notifyOnRegistration) return [];
	const recipients = await tx
		.select({ email: users.email, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.orgId, lock.session.orgId), inArray(memberships.role, ['owner', 'organiser'])));
	return recipients.map((recipient) => organiserNoticeMail(mailContext(lock, ctx), lock.session.id, recipient, registration));
}
