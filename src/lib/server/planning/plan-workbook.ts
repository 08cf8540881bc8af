import ExcelJS from 'exceljs';
import { SLOT_LABELS } from '../../domain/planning/budget';
import { coverageSentence } from '../../domain/planning/coverage';
import { protectFromFormula } from '../../format/spreadsheet';
import { slugify } from '../../format/slug';
import type { DownloadFile } from '../http/download';
import type { PlanView } from './plan-view';

type Cell = string | number | null;
interface Sheet {
	name: string;
	columns: { header: string; width: number; format?: string }[];
	rows: Cell[][];
}

const LEVELS: Record<string, string> = { kennenlernen: 'kennenlernen', anwenden: 'anwenden', vertiefen: 'vertiefen' };
const euros = (cents: number) => cents / 100;

/** The study's labels of horizons and groups (a measure without a target group is for „alle“). */
export function planLabels(plan: PlanView) {
	return {
		horizon: (key: string) => plan.horizons.find((h) => h.key === key)?.label ?? key,
		group: (key: string | null) => (key === null ? 'alle' : (plan.method.groups.find((g) => g.key === key)?.label ?? key))
	};
}

/**
 * The plan document's words (German) per instrument: a self-check's plan (issue 16) lists conditions
 * with today's mean as their figure and says which rule took them in — never a gap rule.
 */
export function planWords(plan: Pick<PlanView, 'instrument' | 'rule'>) {
	if (plan.instrument === 'conditions') {
		return {
			source: 'Selbstcheck',
			item: 'Bedingung',
			section: 'Bedingungen im Plan',
			none: 'Keine Bedingung in diesem Zeithorizont.',
			figure: 'Heute',
			figureOf: (g: { gap: number | null; proficiencyMean: number | null }) => g.proficiencyMean,
			uncovered: 'Bedingungen ohne Modul',
			allCovered: 'Jede Bedingung im Plan wird durch ein Modul behandelt.',
			sheet: 'Bedingungen',
			importance: 'So wichtig ist es uns (Mittel)',
			today: 'So ist es bei uns heute (Mittel)',
			horizonOfMeasure: 'Zeithorizont',
			rule: 'Jede schwache Bedingung: alle Gruppen zusammen sehen sie heute („So ist es bei uns heute“) im Mittel unter 3. Dazu kommen Bedingungen, die das Team selbst aufnimmt.'
		};
	}
	return {
		source: 'Analyse',
		item: 'Kompetenz',
		section: 'Priorisierte Bedarfe',
		none: 'Keine Bedarfe in diesem Zeithorizont.',
		figure: 'Lücke',
		figureOf: (g: { gap: number | null; proficiencyMean: number | null }) => g.gap,
		uncovered: 'Bedarfe ohne Modul',
		allCovered: 'Jeder priorisierte Bedarf ist durch ein Modul abgedeckt.',
		sheet: 'Bedarfe',
		importance: 'Wichtigkeit (Mittel)',
		today: 'Beherrschung (Mittel)',
		horizonOfMeasure: 'Zeithorizont der Lücke',
		rule: `Lücke (mittlere Wichtigkeit − mittlere Beherrschung, alle Gruppen) ≥ ${String(plan.rule.minGap).replace('.', ',')} oder unter den ${plan.rule.topN} größten positiven Lücken je Zeithorizont`
	};
}

/** What the plan is computed from: the method part of the plan document (XLSX and PDF). */
export function planMethod(plan: PlanView): [string, string | number | null][] {
	const words = planWords(plan);
	return [
		['Plan', plan.title],
		[words.source, plan.study.title],
		['Runde', plan.round],
		['Teilnehmende', plan.method.participants],
		['Gruppen', plan.method.groups.map((g) => (g.suppressed ? `${g.label} (ausgeblendet)` : `${g.label} (n = ${g.n})`)).join(', ')],
		['Mindestgruppengröße k', plan.method.minGroupSize],
		['Quantil-Definition', `Hyndman & Fan Typ ${plan.method.quantileType}`],
		['Priorisierung', words.rule],
		['Abdeckung', coverageSentence('de', plan.coverage, plan.instrument)],
		['Datenschutz', 'Alle Werte stammen aus den geschützten Ergebnissen: keine Gruppe unter k, auch nicht durch Subtraktion.']
	];
}

/** The plan document's sheets, German: method, prioritised gaps per horizon, measures, budget, coverage, learning paths. */
export function planSheets(plan: PlanView): Sheet[] {
	const { horizon, group } = planLabels(plan);
	const words = planWords(plan);
	const selfCheck = plan.instrument === 'conditions';
	const method: Sheet = {
		name: 'Methode',
		columns: [
			{ header: 'Angabe', width: 34 },
			{ header: 'Wert', width: 80 }
		],
		rows: planMethod(plan)
	};
	const gaps: Sheet = {
		name: words.sheet,
		columns: [
			{ header: 'Zeithorizont', width: 18 },
			{ header: 'Rang', width: 7, format: '0' },
			{ header: words.item, width: 10 },
			{ header: 'Titel', width: 44 },
			// A self-check's figure is today's mean (its own column); a gap decides nothing there.
			...(selfCheck ? [] : [{ header: 'Lücke', width: 9, format: '0.00' }]),
			{ header: words.importance, width: 12, format: '0.00' },
			{ header: words.today, width: 12, format: '0.00' },
			{ header: 'Konsens', width: 10 },
			{ header: 'Uneinig', width: 36 },
			{ header: 'Entscheidung', width: 14 },
			{ header: 'Begründung', width: 40 },
			{ header: 'Module', width: 44 },
			{ header: 'Abgedeckt', width: 10 }
		],
		rows: plan.gaps.map((g) => [
			horizon(g.horizon),
			g.rank,
			g.competence,
			g.competenceTitle,
			...(selfCheck ? [] : [g.gap]),
			g.importanceMean,
			g.proficiencyMean,
			g.consensus === null ? '' : g.consensus ? 'ja' : 'nein',
			g.disagreement.map((d) => `${group(d.higherGroup)} / ${group(d.lowerGroup)}`).join('; '),
			g.status === 'dropped' ? 'verworfen' : 'priorisiert',
			g.reason,
			g.modules.map((m) => `${m.title} (${LEVELS[m.level]})`).join('; '),
			g.covered ? 'ja' : 'nein'
		])
	};
	const measures: Sheet = {
		name: 'Maßnahmen',
		columns: [
			{ header: 'Zeitraum', width: 30 },
			{ header: words.item, width: 10 },
			{ header: 'Titel', width: 40 },
			{ header: words.horizonOfMeasure, width: 18 },
			{ header: 'Modul', width: 40 },
			{ header: 'Zielgruppe', width: 18 },
			{ header: 'Verantwortlich', width: 26 },
			{ header: '€ je Person', width: 12, format: '#,##0.00' },
			{ header: 'Personen', width: 10, format: '0' },
			{ header: 'Summe €', width: 14, format: '#,##0.00' },
			{ header: 'Notiz', width: 40 }
		],
		rows: plan.measures.map((m) => [SLOT_LABELS.de[m.slot], m.competence, m.competenceTitle, horizon(m.horizon), m.module?.title ?? '', group(m.targetGroup), m.responsible, euros(m.costPerParticipantCents), m.expectedParticipants, euros(m.costCents), m.notes])
	};
	const budget: Sheet = {
		name: 'Budget',
		columns: [
			{ header: 'Zeitraum', width: 34 },
			{ header: 'Maßnahmen', width: 12, format: '0' },
			{ header: 'Personen', width: 10, format: '0' },
			{ header: 'Summe €', width: 14, format: '#,##0.00' }
		],
		rows: [...plan.budget.slots.map((s) => [SLOT_LABELS.de[s.slot], s.measures, s.participants, euros(s.cents)]), ['Gesamt', plan.measures.length, plan.budget.slots.reduce((n, s) => n + s.participants, 0), euros(plan.budget.totalCents)]]
	};
	const coverageRow = (label: string, f: { prioritised: number; covered: number; share: number | null }): Cell[] => [label, f.prioritised, f.covered, f.share];
	const coverage: Sheet = {
		name: 'Abdeckung',
		columns: [
			{ header: 'Bereich', width: 40 },
			{ header: 'Priorisiert', width: 12, format: '0' },
			{ header: 'Abgedeckt', width: 12, format: '0' },
			{ header: 'Anteil', width: 10, format: '0%' }
		],
		rows: [
			coverageRow('Gesamt', plan.coverage),
			...plan.coverageDetail.byHorizon.map((h) => coverageRow(`Zeithorizont: ${horizon(h.horizon)}`, h)),
			...plan.coverageDetail.byPrinciple.map((p) => coverageRow(`Charta-Prinzip ${p.principle}`, p))
		]
	};
	const paths: Sheet = {
		name: 'Lernpfade',
		columns: [
			{ header: 'Gruppe', width: 20 },
			{ header: 'Schritt', width: 8, format: '0' },
			{ header: words.item, width: 10 },
			{ header: 'Stufe', width: 14 },
			{ header: 'Modul', width: 44 },
			{ header: 'Vorher', width: 44 }
		],
		rows: plan.learningPaths.flatMap((path) =>
			path.steps.map((step, index) => [group(path.group), index + 1, step.competence, LEVELS[step.level], step.title, step.prerequisites.map((id) => path.steps.find((s) => s.moduleId === id)?.title ?? '').join('; ')])
		)
	};
	return [method, gaps, measures, budget, coverage, paths];
}

/** The plan as an Excel workbook: one sheet per part, frozen and filterable header rows, figures as numbers. */
export async function planXlsx(plan: PlanView, createdAt: Date): Promise<DownloadFile> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Stadtwissen';
	workbook.created = createdAt;
	workbook.title = plan.title;
	for (const sheet of planSheets(plan)) {
		const worksheet = workbook.addWorksheet(sheet.name);
		const header = worksheet.addRow(sheet.columns.map((c) => c.header));
		header.font = { bold: true };
		for (const values of sheet.rows) worksheet.addRow(values.map((value) => (typeof value === 'string' ? protectFromFormula(value) : value)));
		sheet.columns.forEach((column, index) => {
			const target = worksheet.getColumn(index + 1);
			target.width = column.width;
			if (column.format) for (let r = 2; r <= worksheet.rowCount; r += 1) worksheet.getCell(r, index + 1).numFmt = column.format;
		});
		worksheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
		worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return { body: new Uint8Array(buffer), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${slugify(plan.title, 'qualifizierungsplan')}.xlsx` };
}
