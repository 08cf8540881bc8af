import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { catalogueCertificates, catalogueRegistrations, organisations } from '../db/schema';
import { AppError } from '../errors';
import type { TenantContext } from '../tenant';

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
