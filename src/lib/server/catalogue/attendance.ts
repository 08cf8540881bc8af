import { and, asc, eq } from 'drizzle-orm';
import { spans } from '../../format/berlin-time';
import { translator } from '../../i18n';
import { TARGET_GROUPS, type TargetGroup } from '../../schemas/catalogue';
import { catalogueFacilitators, catalogueRegistrations } from '../db/schema';
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

/** A printable attendance list (A4 landscape) with a column to sign and empty rows for late additions. */
export async function attendancePdf(ctx: Organiser, sessionId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
	const { module, session } = await getOwnSession(ctx, sessionId);
	const people = await attendees(ctx, sessionId);
	const facilitators = await ctx.db.select().from(catalogueFacilitators).where(eq(catalogueFacilitators.moduleId, module.id)).orderBy(asc(catalogueFacilitators.position));
	const t = translator('de');
	const doc = newPdf(`Anwesenheitsliste – ${module.title}`, 'landscape');
	const left = 56;
	const width = doc.page.width - 112;
	doc.font('Helvetica-Bold').fontSize(18).text('Anwesenheitsliste', left, 48, { width });
	doc.font('Helvetica-Bold').fontSize(13).text(printable(module.title), { width });
	doc.font('Helvetica').fontSize(11).text(printable(spans('de', session.parts)), { width });
	if (session.location || session.onlineUrl) doc.text(printable(session.location || 'online'), { width });
	if (facilitators.length) doc.text(`Referent*innen: ${printable(facilitators.map((f) => f.name).join(', '))}`, { width });
	doc.moveDown(0.8);

	const columns = [
		{ title: 'Nr.', width: 34 },
		{ title: 'Name', width: 190 },
		{ title: 'Organisation', width: 180 },
		{ title: 'Gruppe', width: 190 },
		{ title: 'Unterschrift', width: width - 34 - 190 - 180 - 190 }
	];
	const rowHeight = 26;
	let y = doc.y;
	const header = () => {
		let x = left;
		doc.font('Helvetica-Bold').fontSize(10);
		for (const column of columns) {
			doc.rect(x, y, column.width, rowHeight).fillAndStroke('#e3eeec', '#4a5759');
			doc.fillColor('#1c2526').text(column.title, x + 4, y + 8, { width: column.width - 8, lineBreak: false });
			x += column.width;
		}
		y += rowHeight;
		doc.font('Helvetica').fontSize(10);
	};
	header();
	const rows = [
		...people.map((p, i) => [String(i + 1), p.anonymisedAt ? '–' : p.name, p.organisation, (TARGET_GROUPS as readonly string[]).includes(p.groupKey) ? t(`cat.group.${p.groupKey as TargetGroup}`) : p.groupKey, '']),
		...Array.from({ length: 5 }, (_, i) => [String(people.length + i + 1), '', '', '', ''])
	];
	for (const row of rows) {
		if (y + rowHeight > doc.page.height - 56) {
			doc.addPage({ size: 'A4', layout: 'landscape', margin: 56 });
			y = 56;
			header();
		}
		let x = left;
		row.forEach((cell, i) => {
			doc.rect(x, y, columns[i].width, rowHeight).stroke('#4a5759');
			doc.fillColor('#1c2526').text(printable(cell), x + 4, y + 8, { width: columns[i].width - 8, height: rowHeight - 10, ellipsis: true, lineBreak: false });
			x += columns[i].width;
		});
		y += rowHeight;
	}
	const stem = module.title.replace(/[^A-Za-z0-9ÄÖÜäöüß -]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'termin';
	return { bytes: await pdfBytes(doc), fileName: `Anwesenheitsliste-${stem}.pdf` };
}
