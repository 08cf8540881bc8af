/**
 * The tables every results file is made of (CSV: one of them; XLSX: one sheet each; PDF: the
 * appendix), built only from a StudyResults, so a hidden cell is hidden in every file too.
 */
import { formatDate, translator, type Locale, type Translate } from '../../../i18n';
import type { StudyResults } from '../../../domain/results/study-results';
import { ALL_GROUPS, groupLabel, horizonLabel, type OpenAnswerSection, type ResultsSetting } from '../../../domain/results/dashboard-view';
import { slugify } from '../../../format/slug';
import type { InstrumentKind } from '../../../domain/framework/model';
import { instrumentWords } from '../../../domain/study/instrument-words';
import type { PdfIdentity } from '../../identity/pdf-identity';

export interface ExportInput {
	results: StudyResults;
	setting: ResultsSetting;
	locale: Locale;
	/** When the file is made; shown in the header rows. */
	createdAt: Date;
	/** The organisation's name as it chose to show it (display name, else the account's name). */
	organisation?: string;
	/** Logo and accent colour for the PDF report (pdfIdentity); the app's colour without. */
	identity?: PdfIdentity | null;
	/** Released open answers of groups with n ≥ max(k, 8) (shownOpenAnswers); given, they get a view of their own. */
	openAnswers?: OpenAnswerSection[];
}

/** Views every round has. */
export const SHEET_KEYS = ['teilnahme', 'luecken', 'einzelwerte', 'unterschiede', 'konsens'] as const;
/** The Delphi view: change against the previous round, in rounds ≥ 2 only. */
export const CHANGE_SHEET_KEY = 'veraenderung';
/** The released free-text answers, one row per text (files made with the answers looked up). */
export const OPEN_ANSWERS_SHEET_KEY = 'offene-antworten';
export type SheetKey = (typeof SHEET_KEYS)[number] | typeof CHANGE_SHEET_KEY | typeof OPEN_ANSWERS_SHEET_KEY;

/** How a column's values are written: text as is, counts as integers, decimals with a comma, shares 0–1. */
export type ColumnKind = 'text' | 'count' | 'decimal' | 'share';

export interface Column {
	header: string;
	kind: ColumnKind;
	/** Characters, for the spreadsheet's column width. */
	width: number;
}

export type CellValue = string | number | null;

export interface Sheet {
	key: SheetKey;
	name: string;
	columns: Column[];
	rows: CellValue[][];
}

export function isSheetKey(value: string): value is SheetKey {
	return (SHEET_KEYS as readonly string[]).includes(value) || value === CHANGE_SHEET_KEY || value === OPEN_ANSWERS_SHEET_KEY;
}

export function quantileDefinition(t: Translate, type: 6 | 7): string {
	return type === 6 ? t('results.quantile6') : t('results.quantile7');
}

/** What every file states before its figures: study, round, k, quantile definition, consensus rule, date. */
export function headerRows(input: ExportInput): [string, string][] {
	const t = translator(input.locale);
	const { results, setting } = input;
	const rows: [string, string][] = [
		[t('results.file.study'), setting.studyTitle],
		[t('results.file.round'), String(results.round)],
		[t('results.file.k'), String(results.minGroupSize)],
		[t('results.file.quantile'), quantileDefinition(t, results.quantileType)],
		[t('results.file.consensusRule'), t('results.file.consensusRuleValue', { iqr: String(setting.consensus.maxIqr).replace('.', input.locale === 'de' ? ',' : '.'), percent: Math.round(setting.consensus.minAgreement * 100) })],
		[t('results.file.created'), formatDate(input.locale, input.createdAt)],
		[t('results.file.hiddenNote'), t('results.file.hiddenNoteValue')]
	];
	if (input.organisation) rows.unshift([t('results.report.organisation'), input.organisation]);
	return rows;
}

const column = (header: string, kind: ColumnKind, width = kind === 'text' ? 24 : 12): Column => ({ header, kind, width });

/** „Wichtigkeit“ / „Beherrschung heute“ — in a self-check „So wichtig ist es uns“ / „So ist es bei uns heute“. */
export function measureName(t: Translate, measure: 'importance' | 'proficiency', instrument?: InstrumentKind): string {
	const words = instrumentWords(instrument);
	return measure === 'importance' ? t(words.importanceMeasure) : t(words.proficiencyMeasure);
}

export function buildSheets(input: ExportInput): Sheet[] {
	const t = translator(input.locale);
	const { results, setting } = input;
	const words = instrumentWords(setting.instrument);
	const allLabel = t('results.allGroups');
	const hidden = t('results.hidden');
	const visible = t('results.file.visible');
	const competence = new Map(setting.competences.map((c) => [c.code, c]));
	const title = (code: string) => competence.get(code)?.title ?? code;
	const area = (code: string) => {
		const c = competence.get(code);
		return c && c.areaCode ? `${c.areaCode} ${c.areaTitle}` : '';
	};
	const group = (key: string) => groupLabel(setting, key, allLabel);
	const horizon = (key: string | null) => horizonLabel(setting, key) ?? '';
	const yesNo = (value: boolean | null) => (value === null ? null : value ? t('results.yes') : t('results.no'));

	const participation: Sheet = {
		key: 'teilnahme',
		name: t('results.sheet.participation'),
		columns: [column(t('results.group'), 'text', 36), column(t('results.nLong'), 'count'), column(t('results.file.status'), 'text', 16)],
		rows: [
			...results.groups.map((g) => [g.label, g.suppressed ? null : g.n, g.suppressed ? hidden : visible]),
			[allLabel, results.participants, results.participants === null ? hidden : visible]
		]
	};

	const gaps: Sheet = {
		key: 'luecken',
		name: t('results.sheet.gaps'),
		columns: [
			column(t('results.file.horizon'), 'text', 22),
			column(t('results.rank'), 'count', 8),
			column(t('results.file.code'), 'text', 8),
			column(t(words.item), 'text', 44),
			column(t(words.areaColumn), 'text', 30),
			column(t('results.meanGap'), 'decimal'),
			column(t('results.medianGap'), 'decimal'),
			column(`${t(words.importanceMeasure)} (${t('results.mean')})`, 'decimal'),
			column(`${t(words.proficiencyMeasure)} (${t('results.mean')})`, 'decimal')
		],
		rows: results.gaps.map((g) => [horizon(g.horizon), g.rank, g.competence, title(g.competence), area(g.competence), g.meanGap, g.medianGap, g.importanceMean, g.proficiencyMean])
	};

	const cells: Sheet = {
		key: 'einzelwerte',
		name: t('results.sheet.cells'),
		columns: [
			column(t('results.file.code'), 'text', 8),
			column(t(words.item), 'text', 44),
			column(t(words.areaColumn), 'text', 30),
			column(t('results.file.measure'), 'text', 20),
			column(t('results.file.horizon'), 'text', 22),
			column(t('results.group'), 'text', 30),
			column(t('results.file.status'), 'text', 14),
			column(t('results.n'), 'count', 8),
			column(t('results.dontKnow'), 'count'),
			column(t('results.mean'), 'decimal'),
			column(t('results.sd'), 'decimal'),
			column(t('results.median'), 'decimal'),
			column(t('results.q1'), 'decimal'),
			column(t('results.q3'), 'decimal'),
			column(t('results.iqr'), 'decimal'),
			column(t('results.agreement'), 'share'),
			column(t('results.consensus'), 'text', 10),
			...[1, 2, 3, 4, 5].map((value) => column(t('results.file.c', { value }), 'count', 10))
		],
		rows: results.items.flatMap((item) =>
			item.cells.map((cell): CellValue[] => {
				const head = [item.competence, title(item.competence), area(item.competence), measureName(t, item.measure, setting.instrument), horizon(item.horizon), group(cell.group)];
				if (cell.suppressed) return [...head, hidden, ...Array.from({ length: 15 }, () => null)];
				return [...head, visible, cell.n, cell.dontKnow, cell.mean, cell.sd, cell.median, cell.q1, cell.q3, cell.iqr, cell.agreement, yesNo(cell.consensus), ...cell.histogram];
			})
		)
	};

	const disagreement: Sheet = {
		key: 'unterschiede',
		name: t('results.sheet.disagreement'),
		columns: [
			column(t('results.file.code'), 'text', 8),
			column(t(words.item), 'text', 44),
			column(t('results.file.measure'), 'text', 20),
			column(t('results.file.horizon'), 'text', 22),
			column(t('results.file.higher'), 'text', 30),
			column(t('results.file.lower'), 'text', 30),
			column(t('results.file.delta'), 'decimal'),
			column(t('results.file.size'), 'text', 10),
			column(t('results.file.medianDifference'), 'decimal')
		],
		rows: results.disagreement.map((d) => [
			d.competence,
			title(d.competence),
			measureName(t, d.measure, setting.instrument),
			horizon(d.horizon),
			group(d.higherGroup),
			group(d.lowerGroup),
			d.delta,
			t(`results.magnitude.${d.magnitude}`),
			d.medianDifference?.difference ?? null
		])
	};

	const consensus: Sheet = {
		key: 'konsens',
		name: t('results.sheet.consensus'),
		columns: [
			column(t('results.file.code'), 'text', 8),
			column(t(words.item), 'text', 44),
			column(t('results.file.measure'), 'text', 20),
			column(t('results.file.horizon'), 'text', 22),
			column(t('results.group'), 'text', 30),
			column(t('results.file.status'), 'text', 14),
			column(t('results.n'), 'count', 8),
			column(t('results.median'), 'decimal'),
			column(t('results.iqr'), 'decimal'),
			column(t('results.agreement'), 'share'),
			column(t('results.consensus'), 'text', 10)
		],
		rows: results.items.map((item) => {
			const cell = item.cells.find((c) => c.group === ALL_GROUPS);
			const head = [item.competence, title(item.competence), measureName(t, item.measure, setting.instrument), horizon(item.horizon), allLabel];
			if (!cell || cell.suppressed) return [...head, hidden, null, null, null, null, null];
			return [...head, visible, cell.n, cell.median, cell.iqr, cell.agreement, yesNo(cell.consensus)];
		})
	};

	const openAnswers: Sheet[] = input.openAnswers
		? [
				{
					key: OPEN_ANSWERS_SHEET_KEY,
					name: t('freetext.sheet'),
					columns: [column(t('freetext.file.question'), 'text', 40), column(t('results.group'), 'text', 24), column(t('freetext.file.answer'), 'text', 90)],
					rows: input.openAnswers.length
						? input.openAnswers.flatMap((section) => section.groups.flatMap((g) => g.texts.map((text): CellValue[] => [section.label, g.label, text])))
						: [[t('freetext.file.none'), null, null]]
				}
			]
		: [];
	if (!results.change) return [participation, gaps, cells, disagreement, consensus, ...openAnswers];
	const change: Sheet = {
		key: CHANGE_SHEET_KEY,
		name: t('results.sheet.change'),
		columns: [
			column(t('results.file.code'), 'text', 8),
			column(t(words.item), 'text', 44),
			column(t('results.file.measure'), 'text', 20),
			column(t('results.file.horizon'), 'text', 22),
			column(t('results.group'), 'text', 30),
			column(t('results.file.previousRound'), 'count', 10),
			column(t('results.file.status'), 'text', 14),
			column(t('results.change.pairs'), 'count', 10),
			column(t('results.change.share'), 'share'),
			column(t('results.change.cvPrevious'), 'decimal'),
			column(t('results.change.cvCurrent'), 'decimal'),
			column(t('results.change.cvChange'), 'decimal'),
			column(t('results.change.statistic'), 'decimal'),
			column(t('results.change.p'), 'decimal')
		],
		rows: results.change.flatMap((item) =>
			item.cells.map((cell): CellValue[] => {
				const head = [item.competence, title(item.competence), measureName(t, item.measure as 'importance' | 'proficiency', setting.instrument), horizon(item.horizon), group(cell.group), item.previousRound];
				if (cell.suppressed) return [...head, hidden, null, null, null, null, null, null, null];
				return [...head, visible, cell.pairs, cell.changedShare, cell.cvPrevious, cell.cvCurrent, cell.cvChange, cell.wilcoxon?.statistic ?? null, cell.wilcoxon?.pValue ?? null];
			})
		)
	};
	return [participation, gaps, cells, disagreement, consensus, ...openAnswers, change];
}

/** "wissensbedarf-altenburg-2027": a study title as a file name part. */
export const titleSlug = (title: string): string => slugify(title, 'analyse');

/** "ergebnisse-wissensbedarf-altenburg-2027-runde-1" */
export function fileStem(input: ExportInput): string {
	return `ergebnisse-${titleSlug(input.setting.studyTitle)}-runde-${input.results.round}`;
}
