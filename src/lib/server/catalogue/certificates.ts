import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { day, duration, spans } from '../../format/berlin-time';
import { translator } from '../../i18n';
import type { Db } from '../db/client';
import { catalogueCertificates, catalogueFacilitators, catalogueModules, catalogueRegistrations, organisations } from '../db/schema';
import { AppError } from '../errors';
import type { Mail } from '../mail/send-mail';
import type { TenantContext } from '../tenant';
import { certificateMail } from './mails';
import { newPdf, pdfBytes, printable } from './pdf';
import type { Organiser } from './catalogue-context';
import { lockSession, mailContext, newLink, sendAll } from './locked-session';

/*
 * Teilnahmebescheinigungen: issued to everyone marked present, as a snapshot of module, dates,
 * duration, competences and facilitators, with a public verification code
 * (/bescheinigung/<code>, also as a QR code on the PDF).
 */

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 12 characters (60 bits), readable on paper: XXXX-XXXX-XXXX. */
export function newCertificateCode(): string {
	const chars = Array.from(randomBytes(12), (b) => ALPHABET[b % ALPHABET.length]);
	return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

export const CODE_PATTERN = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

export type CertificateRow = typeof catalogueCertificates.$inferSelect;

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

export async function listCertificates(ctx: TenantContext, sessionId: string): Promise<CertificateRow[]> {
	return ctx.db
		.select()
		.from(catalogueCertificates)
		.where(and(eq(catalogueCertificates.sessionId, sessionId), eq(catalogueCertificates.orgId, ctx.org.orgId)))
		.orderBy(asc(catalogueCertificates.holderName));
}

export async function certificateByCode(db: Db, code: string): Promise<(CertificateRow & { orgName: string }) | null> {
	const normalised = code.trim().toUpperCase();
	if (!CODE_PATTERN.test(normalised)) return null;
	const [row] = await db
		.select({ certificate: catalogueCertificates, orgName: organisations.name })
		.from(catalogueCertificates)
		.innerJoin(organisations, eq(organisations.id, catalogueCertificates.orgId))
		.where(eq(catalogueCertificates.code, normalised));
	return row ? { ...row.certificate, orgName: row.orgName } : null;
}

/** The organisation's certificate by code (for organisers' downloads). */
export async function ownCertificate(ctx: TenantContext, code: string): Promise<CertificateRow & { orgName: string }> {
	const certificate = await certificateByCode(ctx.db, code);
	if (!certificate || certificate.orgId !== ctx.org.orgId) throw new AppError('not_found', 'Diese Bescheinigung gibt es nicht.');
	return certificate;
}

export function verificationUrl(baseUrl: string, code: string): string {
	return `${baseUrl}/bescheinigung/${code}`;
}

/** The certificate as an A4 PDF, in German. */
export async function certificatePdf(certificate: CertificateRow & { orgName: string }, baseUrl: string, compress = true): Promise<Uint8Array> {
	const t = translator('de');
	const url = verificationUrl(baseUrl, certificate.code);
	const doc = newPdf(`Teilnahmebescheinigung – ${certificate.holderName}`, 'portrait', compress);
	const width = doc.page.width - 112;
	doc.font('Helvetica').fontSize(11).fillColor('#4a5759').text(printable(certificate.orgName), { width });
	doc.moveDown(2.5);
	doc.font('Helvetica-Bold').fontSize(26).fillColor('#0b5c55').text('Teilnahmebescheinigung', { width });
	doc.moveDown(1.2);
	doc.font('Helvetica').fontSize(12).fillColor('#1c2526').text('Hiermit bestätigen wir, dass', { width });
	doc.moveDown(0.4);
	doc.font('Helvetica-Bold').fontSize(18).text(printable(certificate.holderName || '–'), { width });
	doc.moveDown(0.4);
	doc.font('Helvetica').fontSize(12).text('an der Fortbildung', { width });
	doc.moveDown(0.4);
	doc.font('Helvetica-Bold').fontSize(15).text(printable(certificate.moduleTitle), { width });
	if (certificate.moduleSubtitle) doc.font('Helvetica-Oblique').fontSize(11).text(printable(certificate.moduleSubtitle), { width });
	doc.moveDown(0.6);
	doc.font('Helvetica').fontSize(12).text(`am ${printable(spans('de', certificate.parts))}`, { width });
	if (certificate.location) doc.text(`in ${printable(certificate.location)}`, { width });
	doc.text('teilgenommen hat.', { width });
	doc.moveDown(1);
	if (certificate.durationMinutes) doc.font('Helvetica-Bold').text('Umfang: ', { continued: true }).font('Helvetica').text(duration('de', certificate.durationMinutes));
	if (certificate.competences.length) {
		doc.moveDown(0.8);
		doc.font('Helvetica-Bold').text('Kompetenzen, die die Fortbildung stärkt:', { width });
		doc.font('Helvetica').fontSize(11);
		for (const c of certificate.competences) doc.text(`•  ${c.code} ${printable(c.title_de)} (${t(`cat.level.${c.level}`)})`, { width, indent: 8 });
		doc.fontSize(12);
	}
	if (certificate.facilitators.length) {
		doc.moveDown(0.8);
		doc.font('Helvetica-Bold').text('Referent*innen:', { width });
		doc.font('Helvetica').fontSize(11);
		for (const f of certificate.facilitators) doc.text(`•  ${printable([f.name, f.organisation].filter(Boolean).join(', '))}`, { width, indent: 8 });
	}
	const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
	const bottom = doc.page.height - 56 - 96;
	doc.image(qr, 56, bottom, { width: 96, height: 96 });
	doc.font('Helvetica').fontSize(10).fillColor('#1c2526');
	doc.text(`Ausgestellt am ${day('de', certificate.issuedAt)} von ${printable(certificate.orgName)}.`, 168, bottom + 4, { width: width - 112 });
	doc.text('Diese Bescheinigung wurde elektronisch erstellt und gilt ohne Unterschrift. Echtheit prüfen:', { width: width - 112 });
	doc.fillColor('#0b5c55').text(url, { width: width - 112, link: url, underline: true });
	doc.fillColor('#1c2526').text(`Prüfcode: ${certificate.code}`, { width: width - 112 });
	return pdfBytes(doc);
}

/** How many attendees still lack a certificate. */
export async function pendingCertificates(ctx: TenantContext, sessionId: string): Promise<number> {
	const [row] = await ctx.db
		.select({ n: sql<number>`count(*)::int` })
		.from(catalogueRegistrations)
		.leftJoin(catalogueCertificates, eq(catalogueCertificates.registrationId, catalogueRegistrations.id))
		.where(
			and(
				eq(catalogueRegistrations.sessionId, sessionId),
				eq(catalogueRegistrations.orgId, ctx.org.orgId),
				eq(catalogueRegistrations.status, 'confirmed'),
				eq(catalogueRegistrations.attended, true),
				isNull(catalogueRegistrations.anonymisedAt),
				isNull(catalogueCertificates.code)
			)
		);
	return row.n;
}
