import { and, eq } from 'drizzle-orm';
import { hashToken } from '../auth/secrets';
import type { Db } from '../db/client';
import { catalogueCertificates, catalogueModules, catalogueRegistrationLinks, catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import type { Visitor } from './catalogue-context';
import { waitlistPosition, withSession, type SessionLock } from './locked-session';

/*
 * What a person can do with the personal link from their mails, without an account: see the
 * state of the registration, confirm it (double opt-in, or accept a waiting-list offer), cancel
 * it, give feedback and download the certificate.
 */

const TOKEN = /^swr_[A-Za-z0-9_-]{43}$/;
const notFound = () => new AppError('not_found', 'Diesen Link kennen wir nicht. Vielleicht ist er unvollständig, oder die Anmeldung wurde gelöscht.');

export async function registrationIdForToken(db: Db, token: string): Promise<{ registrationId: string; sessionId: string } | null> {
	if (!TOKEN.test(token)) return null;
	const [row] = await db
		.select({ registrationId: catalogueRegistrations.id, sessionId: catalogueRegistrations.sessionId })
		.from(catalogueRegistrationLinks)
		.innerJoin(catalogueRegistrations, eq(catalogueRegistrations.id, catalogueRegistrationLinks.registrationId))
		.where(eq(catalogueRegistrationLinks.tokenHash, hashToken(token)));
	return row ?? null;
}

export type RegistrationRow = typeof catalogueRegistrations.$inferSelect;

export interface RegistrationView {
	registration: RegistrationRow;
	lock: SessionLock;
	position: number | null;
	subtitle: string;
	certificateCode: string | null;
}

async function describe(tx: Db, lock: SessionLock, registrationId: string): Promise<Omit<RegistrationView, 'lock'>> {
	const [registration] = await tx.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, registrationId));
	const [module] = await tx.select({ subtitle: catalogueModules.subtitle }).from(catalogueModules).where(eq(catalogueModules.id, lock.module.id));
	const [certificate] = await tx
		.select({ code: catalogueCertificates.code })
		.from(catalogueCertificates)
		.where(and(eq(catalogueCertificates.registrationId, registrationId)));
	return {
		registration,
		position: registration.status === 'waitlisted' ? await waitlistPosition(tx, lock.session.id, registration.seq) : null,
		subtitle: module?.subtitle ?? '',
		certificateCode: certificate?.code ?? null
	};
}

export async function onRegistration<T>(ctx: Visitor, token: string, work: (tx: Db, lock: SessionLock, registration: RegistrationRow, mails: Parameters<Parameters<typeof withSession>[2]>[2]) => Promise<T>) {
	const found = await registrationIdForToken(ctx.db, token);
	if (!found) throw notFound();
	const outcome = await withSession(ctx, found.sessionId, async (tx, lock, mails) => {
		const [registration] = await tx.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, found.registrationId));
		if (!registration) return null;
		return { value: await work(tx, lock, registration, mails), view: await describe(tx, lock, registration.id) };
	});
	if (!outcome?.result) throw notFound();
	return { ...outcome.result, lock: outcome.lock };
}
