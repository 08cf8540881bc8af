import { and, asc, eq } from 'drizzle-orm';
import { answerColumns, type RegistrationQuestion } from '../../domain/catalogue/registration-questions';
import { spans } from '../../format/berlin-time';
import { translator } from '../../i18n';
import { TARGET_GROUPS, type TargetGroup } from '../../schemas/catalogue';
import { catalogueFacilitators, catalogueRegistrations } from '../db/schema';
import { pdfIdentity } from '../identity/pdf-identity';
import type { TenantContext } from '../tenant';
import { getOwnSession } from './get-own-session';
import { newPdf, pdfBytes, printable } from './pdf';
import type { Organiser } from './catalogue-context';

/** Who has a confirmed seat, in alphabetical order (the attendance list and the tick-off page). */
export async function attendees(ctx: TenantContext, sessionId: string) {
	return ctx.db
		.select({
			id: catalogueRegistrations.id,
			name: catalogueRegistrations.name,
			organisation: catalogueRegistrations.organisation,
			groupKey: catalogueRegistrations.groupKey,
			attended: catalogueRegistrations.attended,
			anonymisedAt: catalogueRegistrations.anonymisedAt
		})
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), eq(catalogueRegistrations.orgId, ctx.org.orgId), eq(catalogueRegistrations.status, 'confirmed')))
		.orderBy(asc(catalogueRegistrations.name));
}

/** The answers to the module's own registration questions of those with a confirmed seat, by registration. */
async function answersOfAttendees(ctx: TenantContext, sessionId: string): Promise<Map<string, Record<string, string>>> {
	const rows = await ctx.db
		.select({ id: catalogueRegistrations.id, answers: catalogueRegistrations.answers })
		.from(catalogueRegistrations)
		.where(and(eq(catalogueRegistrations.sessionId, sessionId), eq(catalogueRegistrations.orgId, ctx.org.orgId), eq(catalogueRegistrations.status, 'confirmed')));
	return new Map(rows.map((row) => [row.id, row.answers]));
}

/** "Essenswünsche: vegetarisch · Fachbereich: Umweltamt" — the answered questions in their order, '' when none. */
export function answersLine(questions: readonly RegistrationQuestion[], answers: Record<string, string> | undefined): string {
	return answerColumns(questions, answers)
		.filter((a) => a.answer)
		.map((a) => `${a.label}: ${a.answer}`)
		.join(' · ');
}

const INK = '#1c2526';
const MUTED = '#4a5759';
const ROW = 26;
/** The band under a person's row with their answers to the module's own questions. */
const ANSWER_BAND = 16;

/**
 * A printable attendance list (A4 landscape) in the organisation's identity (its name and logo
 * above, the title in its colour), with a column to sign and empty rows for late additions. A
 * module with its own registration questions shows each person's answers in a band under their
 * name (e.g. dietary needs for the catering), so the list is all the door and the kitchen need.
 */
export async function attendancePdf(ctx: Organiser, sessionId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
	const { module, session } = await getOwnSession(ctx, sessionId);
	const people = await attendees(ctx, sessionId);
	const questions = module.registrationQuestions;
	const answers = questions.length ? await answersOfAttendees(ctx, sessionId) : new Map<string, Record<string, string>>();
	const identity = await pdfIdentity(ctx.db, ctx.org.orgId);
	const facilitators = await ctx.db.select().from(catalogueFacilitators).where(eq(catalogueFacilitators.moduleId, module.id)).orderBy(asc(catalogueFacilitators.position));
	const t = translator('de');
	const doc = newPdf(`Anwesenheitsliste – ${module.title}`, 'landscape');
	const left = 56;
	const width = doc.page.width - 112;
	let top = 48;
	if (identity) {
		// The logo at the right keeps the rows on the first page; the name above the title.
		if (identity.logo) doc.image(identity.logo, left + width - 160, top, { fit: [160, 40], align: 'right' });
		doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(printable(identity.name), left, top, { width: width - (identity.logo ? 170 : 0) });
		top = doc.y + 4;
	}
	doc.font('Helvetica-Bold').fontSize(18).fillColor(identity?.colour ?? INK).text('Anwesenheitsliste', left, top, { width: width - (identity?.logo ? 170 : 0) });
	doc.fillColor(INK).font('Helvetica-Bold').fontSize(13).text(printable(module.title), left, doc.y, { width });
	doc.font('Helvetica').fontSize(11).text(printable(spans('de', session.parts)), { width });
	if (session.location || session.onlineUrl) doc.text(printable(session.location || 'online'), { width });
	if (facilitators.length) doc.text(`Referent*innen: ${printable(facilitators.map((f) => f.name).join(', '))}`, { width });
	if (questions.length) doc.fontSize(9.5).fillColor(MUTED).text(printable(`Unter dem Namen: die Antworten auf ${questions.map((q) => `„${q.label}“`).join(', ')}`), { width }).fillColor(INK);
	doc.moveDown(0.8);

	const columns = [
		{ title: 'Nr.', width: 34 },
		{ title: 'Name', width: 190 },
		{ title: 'Organisation', width: 180 },
		{ title: 'Gruppe', width: 190 },
		{ title: 'Unterschrift', width: width - 34 - 190 - 180 - 190 }
	];
	let y = doc.y;
	const header = () => {
		let x = left;
		doc.font('Helvetica-Bold').fontSize(10);
		for (const column of columns) {
			doc.rect(x, y, column.width, ROW).fillAndStroke('#e3eeec', MUTED);
			doc.fillColor(INK).text(column.title, x + 4, y + 8, { width: column.width - 8, lineBreak: false });
			x += column.width;
		}
		y += ROW;
		doc.font('Helvetica').fontSize(10);
	};
	header();
	const rows = [
		...people.map((p, i) => ({
			cells: [String(i + 1), p.anonymisedAt ? '–' : p.name, p.organisation, (TARGET_GROUPS as readonly string[]).includes(p.groupKey) ? t(`cat.group.${p.groupKey as TargetGroup}`) : p.groupKey, ''],
			answers: p.anonymisedAt ? '' : answersLine(questions, answers.get(p.id))
		})),
		...Array.from({ length: 5 }, (_, i) => ({ cells: [String(people.length + i + 1), '', '', '', ''], answers: '' }))
	];
	for (const row of rows) {
		const band = row.answers ? ANSWER_BAND : 0;
		if (y + ROW + band > doc.page.height - 56) {
			doc.addPage({ size: 'A4', layout: 'landscape', margin: 56 });
			y = 56;
			header();
		}
		let x = left;
		row.cells.forEach((cell, i) => {
			// Number and signature span the answers band too; the band runs under name, organisation and group.
			const tall = i === 0 || i === columns.length - 1;
			doc.rect(x, y, columns[i].width, ROW + (tall ? band : 0)).stroke(MUTED);
			doc.fillColor(INK).text(printable(cell), x + 4, y + 8, { width: columns[i].width - 8, height: ROW - 10, ellipsis: true, lineBreak: false });
			x += columns[i].width;
		});
		if (band) {
			const bandLeft = left + columns[0].width;
			const bandWidth = columns[1].width + columns[2].width + columns[3].width;
			doc.rect(bandLeft, y + ROW, bandWidth, band).stroke(MUTED);
			doc.fontSize(8.5).fillColor(MUTED).text(printable(row.answers), bandLeft + 4, y + ROW + 4, { width: bandWidth - 8, height: band - 4, ellipsis: true, lineBreak: false });
			doc.fontSize(10);
		}
		y += ROW + band;
	}
	const stem = module.title.replace(/[^A-Za-z0-9ÄÖÜäöüß -]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'termin';
	return { bytes: await pdfBytes(doc), fileName: `Anwesenheitsliste-${stem}.pdf` };
}
