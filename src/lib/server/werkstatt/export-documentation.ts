import { eq } from 'drizzle-orm';
import { documentationMarkdown, documentationView, type DocumentationView } from '../../domain/werkstatt/documentation';
import { day, dayAndTime } from '../../format/berlin-time';
import { slugify } from '../../format/slug';
import { translator } from '../../i18n';
import { TARGET_GROUPS, type TargetGroup } from '../../schemas/catalogue';
import type { OrgContext } from '../context';
import { organisations } from '../db/schema';
import { AppError } from '../errors';
import type { DownloadFile } from '../http/download';
import { pdfIdentity } from '../identity/pdf-identity';
import { Report } from '../results/exports/pdf';
import { getWerkstattResults } from './get-results';
import { facilitatorBoard } from './list-board';
import { linkedSession, werkstattOfOrg } from './werkstatt-records';

export const DOCUMENTATION_FORMATS = ['pdf', 'md'] as const;

/**
 * The Werkstatt's documentation as PDF or Markdown: title, module and day, the questions with their
 * support, the statements with their votes (per declared group only as the results show them), the
 * consensus list and the opinion groups with their representative statements. Hidden and unapproved
 * items are left out; no group below the organisation's minimum group size is described.
 */
export async function exportWerkstattDocumentation(ctx: OrgContext, id: string, format: string, options: { compress?: boolean } = {}): Promise<DownloadFile> {
	if (!(DOCUMENTATION_FORMATS as readonly string[]).includes(format))
		throw new AppError('not_found', `Die Dokumentation gibt es als ${DOCUMENTATION_FORMATS.map((f) => `dokumentation.${f}`).join(' und ')}.`);
	const werkstatt = await werkstattOfOrg(ctx.db, ctx.org.orgId, id);
	const [board, results, identity, organisation, session] = await Promise.all([
		facilitatorBoard(ctx, werkstatt.id),
		getWerkstattResults(ctx, werkstatt.id),
		format === 'pdf' ? pdfIdentity(ctx.db, ctx.org.orgId) : Promise.resolve(null),
		ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.org.orgId)).then((rows) => rows[0]?.name ?? ''),
		linkedSession(ctx.db, werkstatt.id)
	]);
	const t = translator('de');
	const view = documentationView({
		title: werkstatt.title,
		organisation: identity?.name ?? organisation,
		module: session ? { title: session.moduleTitle, when: dayAndTime('de', session.startsAt) } : null,
		date: day('de', session?.startsAt ?? werkstatt.createdAt),
		participants: board.participants,
		questions: board.items.filter((item) => item.kind === 'question' && item.status === 'visible'),
		statements: results.statements,
		consensus: results.consensus,
		declaredConsensus: results.declaredConsensus,
		opinionGroups: results.opinionGroups,
		minGroupSize: results.minGroupSize,
		groupLabel: (key) => ((TARGET_GROUPS as readonly string[]).includes(key) ? t(`cat.group.${key as TargetGroup}`) : key)
	});
	const stem = `werkstatt-${slugify(werkstatt.title, 'dokumentation')}`;
	if (format === 'md') return { body: documentationMarkdown(view), contentType: 'text/markdown; charset=utf-8', fileName: `${stem}.md` };
	const report = new Report(`Werkstatt: ${werkstatt.title}`, 'de-DE', options.compress ?? true, identity?.colour);
	writePdf(report, view, identity?.logo ?? null, identity?.name ?? organisation);
	report.numberPages(t, `Werkstatt: ${werkstatt.title}`);
	return { body: await report.finish(), contentType: 'application/pdf', fileName: `${stem}.pdf` };
}

function writePdf(report: Report, view: DocumentationView, logo: Buffer | null, organisation: string): void {
	report.startSection(`Werkstatt: ${view.title}`, false);
	if (logo) report.logo(logo, organisation);
	report.list([...view.facts]);

	report.heading('Fragen', 2);
	if (view.questions.length)
		report.table(
			[
				{ header: 'Frage', width: 335 },
				{ header: 'Unterstützung', width: 80, align: 'right' },
				{ header: 'Stand', width: 80 }
			],
			view.questions.map((q) => [q.text, String(q.likes), q.answered ? 'beantwortet' : 'offen'])
		);
	else report.paragraph('Keine Fragen.');

	report.heading('Aussagen und Abstimmung', 2);
	if (view.statements.length) {
		report.table(
			[
				{ header: 'Aussage', width: 160 },
				{ header: 'Gruppe', width: 155 },
				{ header: 'Zustimmung', width: 60, align: 'right' },
				{ header: 'Ablehnung', width: 60, align: 'right' },
				{ header: 'Weiß nicht', width: 60, align: 'right' }
			],
			view.statements.flatMap((s) => [s.total, ...s.byGroup].map((line, i) => [i === 0 ? s.text : '', line.label, String(line.agree), String(line.disagree), String(line.pass)]))
		);
		if (view.groupNote) report.paragraph(view.groupNote, { size: 9 });
	} else report.paragraph('Keine Aussagen.');

	report.heading('Wo sind wir uns einig?', 2);
	report.paragraph('Aussagen, denen alle Gruppen zustimmen, zuerst: je Gruppe (Zustimmung + 1) / (Stimmen + 2), über die Gruppen multipliziert.');
	for (const [heading, list] of [
		['Über die Meinungsgruppen', view.consensus],
		['Über die angegebenen Gruppen', view.declaredConsensus]
	] as const) {
		report.heading(heading, 3);
		if (list.length)
			report.table(
				[
					{ header: 'Aussage', width: 425 },
					{ header: 'Konsens', width: 70, align: 'right' }
				],
				list.map((c) => [c.text, c.score])
			);
		else report.paragraph('Noch keine Aussage mit genug Stimmen.');
	}

	report.heading('Wo gehen die Meinungen auseinander?', 2);
	for (const g of view.opinionGroups) {
		report.heading(`${g.name} (${g.size} Personen)`, 3);
		report.paragraph('Diese Aussagen kennzeichnen die Gruppe:');
		report.list([...g.representative]);
	}
	if (view.opinionNote) report.paragraph(view.opinionNote);
}
