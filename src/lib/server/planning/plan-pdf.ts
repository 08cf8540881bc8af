import { SLOT_LABELS } from '../../domain/planning/budget';
import { formatCount, formatDecimal, formatShare } from '../../format/numbers';
import { slugify } from '../../format/slug';
import { translator } from '../../i18n';
import type { DownloadFile } from '../http/download';
import type { PdfIdentity } from '../identity/pdf-identity';
import { Report } from '../results/exports/pdf';
import type { PlanView } from './plan-view';
import { planLabels, planMethod, planWords } from './plan-workbook';

const euros = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/**
 * The plan document as a tagged A4 PDF (German): method, prioritised gaps per horizon with their
 * modules, the gaps no module covers, measures per slot with the budget, coverage and the learning
 * paths. Every figure comes from the plan view, i.e. from the protected results. With `identity`
 * it carries the organisation's logo, name and accent colour.
 */
export async function planPdf(plan: PlanView, options: { compress?: boolean; identity?: PdfIdentity | null } = {}): Promise<DownloadFile> {
	const { identity } = options;
	const report = new Report(plan.title, 'de-DE', options.compress ?? true, identity?.colour);
	const { horizon, group } = planLabels(plan);
	const words = planWords(plan);

	// The organisation's logo above the title and its name under it, its colour in the section headings (as the results report).
	if (identity?.logo) report.logo(identity.logo, identity.name);
	report.startSection(plan.title, false);
	if (identity) report.paragraph(`Organisation: ${identity.name}`);
	report.paragraph(`${plan.status === 'published' ? 'Veröffentlicht' : 'Entwurf'} · ${words.source} „${plan.study.title}“, Runde ${plan.round}`, { bold: true });
	report.paragraph(plan.coverageSentence);
	report.heading('Methode', 2);
	report.list(planMethod(plan).map(([label, value]) => `${label}: ${value ?? '–'}`));

	report.startSection(words.section);
	for (const h of plan.horizons) {
		const gaps = plan.gaps.filter((g) => g.horizon === h.key);
		report.heading(`Zeithorizont: ${h.label}`, 2);
		if (!gaps.length) {
			report.paragraph(words.none);
			continue;
		}
		report.table(
			[
				{ header: 'Rang', width: 32, align: 'right' },
				{ header: words.item, width: 150 },
				{ header: words.figure, width: 40, align: 'right' },
				{ header: 'Konsens', width: 46 },
				{ header: 'Entscheidung', width: 92 },
				{ header: 'Module', width: 135 }
			],
			gaps.map((g) => [
				String(g.rank),
				`${g.competence} ${g.competenceTitle}`,
				formatDecimal('de', words.figureOf(g), 2),
				g.consensus === null ? '–' : g.consensus ? 'ja' : 'nein',
				g.status === 'dropped' ? `verworfen: ${g.reason}` : 'priorisiert',
				g.modules.length ? g.modules.map((m) => `${m.title} (${m.level})`).join('; ') : 'nicht abgedeckt'
			])
		);
	}
	const uncovered = plan.gaps.filter((g) => g.status === 'prioritised' && !g.covered);
	report.heading(words.uncovered, 2);
	if (uncovered.length) report.list(uncovered.map((g) => `${g.competence} ${g.competenceTitle} (${horizon(g.horizon)}, ${words.figure} ${formatDecimal('de', words.figureOf(g), 2)})`));
	else report.paragraph(words.allCovered);

	report.startSection('Maßnahmen und Budget');
	if (plan.measures.length) {
		report.table(
			[
				{ header: 'Zeitraum', width: 90 },
				{ header: words.item, width: 110 },
				{ header: 'Modul', width: 110 },
				{ header: 'Zielgruppe', width: 65 },
				{ header: 'Verantwortlich', width: 70 },
				{ header: 'Summe', width: 50, align: 'right' }
			],
			plan.measures.map((m) => [SLOT_LABELS.de[m.slot], `${m.competence} ${m.competenceTitle}`, m.module?.title ?? '–', group(m.targetGroup), m.responsible, euros(m.costCents)])
		);
	} else report.paragraph('Noch keine Maßnahmen.');
	report.heading('Budget je Zeitraum', 2);
	report.table(
		[
			{ header: 'Zeitraum', width: 215 },
			{ header: 'Maßnahmen', width: 80, align: 'right' },
			{ header: 'Personen', width: 80, align: 'right' },
			{ header: 'Summe', width: 120, align: 'right' }
		],
		[...plan.budget.slots.map((s) => [SLOT_LABELS.de[s.slot], formatCount('de', s.measures), formatCount('de', s.participants), euros(s.cents)]), ['Gesamt', formatCount('de', plan.measures.length), formatCount('de', plan.budget.slots.reduce((n, s) => n + s.participants, 0)), euros(plan.budget.totalCents)]]
	);

	report.startSection('Abdeckung und Lernpfade');
	report.paragraph(plan.coverageSentence);
	const coverageRow = (label: string, f: { prioritised: number; covered: number; share: number | null }) => [label, formatCount('de', f.prioritised), formatCount('de', f.covered), formatShare('de', f.share)];
	report.table(
		[
			{ header: 'Bereich', width: 245 },
			{ header: 'Priorisiert', width: 80, align: 'right' },
			{ header: 'Abgedeckt', width: 80, align: 'right' },
			{ header: 'Anteil', width: 90, align: 'right' }
		],
		[coverageRow('Gesamt', plan.coverage), ...plan.coverageDetail.byHorizon.map((h) => coverageRow(`Zeithorizont: ${horizon(h.horizon)}`, h)), ...plan.coverageDetail.byPrinciple.map((p) => coverageRow(`Charta-Prinzip ${p.principle}`, p))]
	);
	report.heading('Lernpfade', 2);
	if (!plan.learningPaths.length) report.paragraph('Noch keine Module im Plan, daher noch keine Lernpfade.');
	for (const path of plan.learningPaths) {
		report.heading(`Lernpfad für ${group(path.group)}`, 3);
		report.list(
			path.steps.map((step) => {
				const before = step.prerequisites.map((id) => path.steps.find((s) => s.moduleId === id)?.title).filter(Boolean);
				return `${step.title} – ${step.competence}, ${step.level}${before.length ? ` (vorher: ${before.join('; ')})` : ''}`;
			}),
			true
		);
	}
	report.numberPages(translator('de'), plan.title);
	return { body: await report.finish(), contentType: 'application/pdf', fileName: `${slugify(plan.title, 'qualifizierungsplan')}.pdf` };
}
