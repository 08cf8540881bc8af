import { and, asc, eq, isNull } from 'drizzle-orm';
import { catalogueCertificates, catalogueFacilitators, catalogueModules, catalogueRegistrations } from '../db/schema';
import { AppError } from '../errors';
import type { Mail } from '../mail/send-mail';
import { certificateMail } from './mails';
import type { Organiser } from './catalogue-context';
import { lockSession, mailContext, newLink, sendAll } from './locked-session';
import { newCertificateCode } from './certificate-records';

/** Issues certificates to every attendee who has none yet; optionally mails each a personal download link. */
export async function issueCertificates(ctx: Organiser, sessionId: string, options: { mail: boolean }): Promise<number> {
	const now = ctx.now;
	const mails: Mail[] = [];
	const issued = await ctx.db.transaction(async (tx) => {
		const lock = await lockSession(tx, sessionId);
		if (!lock || lock.session.orgId !== ctx.org.orgId) throw new AppError('not_found', 'Diesen Termin gibt es nicht.');
		if (now < lock.session.startsAt) throw new AppError('conflict', 'Bescheinigungen können erst nach dem Beginn des Termins ausgestellt werden.');
		const [module] = await tx.select().from(catalogueModules).where(eq(catalogueModules.id, lock.module.id));
		const facilitators = await tx
			.select({ name: catalogueFacilitators.name, organisation: catalogueFacilitators.organisation })
			.from(catalogueFacilitators)
			.where(eq(catalogueFacilitators.moduleId, module.id))
			.orderBy(asc(catalogueFacilitators.position));
		const attendees = await tx
			.select({ registration: catalogueRegistrations })
			.from(catalogueRegistrations)
			.leftJoin(catalogueCertificates, eq(catalogueCertificates.registrationId, catalogueRegistrations.id))
			.where(
				and(
					eq(catalogueRegistrations.sessionId, sessionId),
					eq(catalogueRegistrations.status, 'confirmed'),
					eq(catalogueRegistrations.attended, true),
					isNull(catalogueRegistrations.anonymisedAt),
					isNull(catalogueCertificates.code)
				)
			);
		if (!attendees.length) return 0;
		const ctxMail = mailContext(lock, ctx);
		for (const { registration } of attendees) {
			await tx.insert(catalogueCertificates).values({
				code: newCertificateCode(),
				orgId: ctx.org.orgId,
				registrationId: registration.id,
				sessionId,
				holderName: registration.name,
				moduleTitle: module.title,
				moduleSubtitle: module.subtitle,
				parts: lock.session.parts,
				location: lock.session.location || (lock.session.onlineUrl ? 'online' : ''),
				durationMinutes: module.durationMinutes,
				competences: module.competences,
				facilitators,
				issuedAt: now
			});
			if (options.mail) mails.push(certificateMail(ctxMail, registration, await newLink(tx, registration.id)));
		}
		return attendees.length;
	});
	await sendAll(ctx.db, mails);
	return issued;
}
