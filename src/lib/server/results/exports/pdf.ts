import PDFDocument from 'pdfkit';
import { freeTextMinimumGroupSize } from '../../../domain/anonymity/free-text';
import { formatChange, formatCount, formatDecimal, formatPValue, formatShare } from '../../../format/numbers';
import { formatDate, translator, type Translate } from '../../../i18n';
import type { DownloadFile } from '../../http/download';
import { ALL_GROUPS, changeBlocks, groupLabel, heatmapRows, horizonLabel, matrixPoints } from '../../../domain/results/dashboard-view';
import { instrumentWords } from '../../../domain/study/instrument-words';
import { placeLabels, scaleBounds, zoomedRanges } from '../../../domain/results/chart-layout';
import { fileStem, quantileDefinition, type ExportInput } from './sheets';

// The PDF standard fonts print WinAnsiEncoding: Latin-1 plus these; everything else is replaced.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '≤': '<=', '≥': '>=', '→': '->', '−': '-', '‑': '-', '\u00ad': '' };

export function printable(text: string): string {
	return [...text.normalize('NFC')]
		.map((c) => {
			if (c in REPLACEMENTS) return REPLACEMENTS[c];
			const code = c.charCodeAt(0);
			if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
			return code < 0x100 || WIN_ANSI_EXTRA.has(c) ? c : '?';
		})
		.join('');
}

const BRAND = '#0b5c55';
const INK = '#1c2526';
const MUTED = '#4a5759';
const LINE = '#c9d3d1';
const NEGATIVE = '#8a4b08';
const PRIORITY_FILL = '#fdf1d6';
const MARGIN = 50;

export interface TableColumn {
	header: string;
	width: number;
	align?: 'left' | 'right';
}

type Struct = PDFKit.PDFStructureElement;

const VALUE_ROOM = 40;

/**
 * Where each bar of a bar chart goes between `left` and `left + width`: bars start at the zero line,
 * negative ones run left of it, and there is room for the value beside each bar's end.
 */
export function barLayout(values: readonly number[], left: number, width: number) {
	const low = Math.min(0, ...values);
	const high = Math.max(0, ...values);
	const hasNegative = low < 0;
	const start = left + (hasNegative ? VALUE_ROOM : 0);
	const scale = (width - VALUE_ROOM - (hasNegative ? VALUE_ROOM : 0)) / (high - low || 1);
	const zero = start - low * scale;
	return { zero, hasNegative, bars: values.map((value) => ({ x: value < 0 ? zero + value * scale : zero, w: Math.abs(value) * scale })) };
}

/** A tagged A4 report: headings, paragraphs, lists, tables and figures all carry structure for screen readers. */
export class Report {
	readonly doc: PDFKit.PDFDocument;
	private readonly root: Struct;
	private section: Struct;

	/** The organisation's accent colour (readable on white) for the section headings; the app's own otherwise. */
	private readonly brand: string;

	constructor(title: string, language: string, compress: boolean, brand = BRAND) {
		this.brand = brand;
		this.doc = new PDFDocument({
			size: 'A4',
			margin: MARGIN,
			bufferPages: true,
			compress,
			tagged: true,
			pdfVersion: '1.7',
			lang: language,
			displayTitle: true,
			info: { Title: printable(title), Author: 'Stadtwissen', Creator: 'Stadtwissen' }
		});
		this.root = this.doc.struct('Document');
		this.doc.addStructure(this.root);
		this.section = this.root;
	}

	get width(): number {
		return this.doc.page.width - 2 * MARGIN;
	}

	private get bottom(): number {
		return this.doc.page.height - MARGIN;
	}

	/** Page orientation of the current section; wide tables get landscape pages. */
	private layout: 'portrait' | 'landscape' = 'portrait';

	private newPage(): void {
		this.doc.addPage({ size: 'A4', margin: MARGIN, layout: this.layout });
	}

	/** Starts a new page unless `height` still fits on this one. */
	ensure(height: number): void {
		if (this.doc.y + height > this.bottom) this.newPage();
	}

	/** A top-level section on a new page, with a bookmark. */
	startSection(title: string, newPage = true, layout: 'portrait' | 'landscape' = 'portrait'): void {
		this.layout = layout;
		if (newPage) this.newPage();
		this.section = this.doc.struct('Sect');
		this.root.add(this.section);
		this.doc.outline.addItem(printable(title));
		this.heading(title, 1);
	}

	/** The organisation's logo at the top of the page, as a figure named after it. */
	logo(image: Buffer, name: string): void {
		const top = this.doc.y;
		const figure = this.doc.struct('Figure', { alt: printable(`Logo: ${name}`) }, () => {
			this.doc.image(image, MARGIN, top, { fit: [160, 48] });
		});
		this.section.add(figure);
		this.doc.y = top + 48 + 12;
	}

	/** `keepWith`: the height of what follows, so a heading never ends a page alone. */
	heading(text: string, level: 1 | 2 | 3, keepWith = 60): void {
		const size = level === 1 ? 18 : level === 2 ? 13.5 : 11.5;
		this.ensure(size * 3 + keepWith);
		if (level > 1) this.doc.moveDown(0.6);
		this.doc
			.font('Helvetica-Bold')
			.fontSize(size)
			.fillColor(level === 1 ? this.brand : INK)
			.text(printable(text), MARGIN, this.doc.y, { width: this.width, structParent: this.section, structType: `H${level}` });
		this.doc.moveDown(0.4);
	}

	paragraph(text: string, options: { size?: number; color?: string; bold?: boolean } = {}): void {
		this.doc
			.font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
			.fontSize(options.size ?? 10)
			.fillColor(options.color ?? INK)
			.text(printable(text), MARGIN, this.doc.y, { width: this.width, lineGap: 1.5, structParent: this.section, structType: 'P' });
		this.doc.moveDown(0.5);
	}

	list(items: string[], numbered = false): void {
		if (!items.length) return;
		this.doc.font('Helvetica').fontSize(10).fillColor(INK);
		this.doc.list(
			items.map((item) => printable(item)),
			MARGIN,
			this.doc.y,
			{ width: this.width, listType: numbered ? 'numbered' : 'bullet', bulletRadius: 2, textIndent: 14, bulletIndent: 4, lineGap: 1.5, paragraphGap: 3, structParent: this.section }
		);
		this.doc.moveDown(0.5);
	}

	/** Header cells repeat on every page the table runs over (as artifacts; the first header is the tagged one). */
	table(columns: TableColumn[], rows: string[][], options: { size?: number; cellColours?: (row: number, column: number) => { fill: string; ink: string } | null } = {}): void {
		const doc = this.doc;
		const size = options.size ?? 8.5;
		const pad = 3;
		const x0 = MARGIN;
		const tableStruct = doc.struct('Table');
		this.section.add(tableStruct);
		const heightOf = (cells: string[], bold: boolean) =>
			Math.max(...cells.map((cell, i) => doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size).heightOfString(printable(cell) || ' ', { width: columns[i].width - 2 * pad }))) + 2 * pad;
		const drawRow = (cells: string[], kind: 'TH' | 'TD', tagged: boolean, rowIndex = -1) => {
			const bold = kind === 'TH';
			const height = heightOf(cells, bold);
			const y = doc.y;
			if (bold) doc.save().rect(x0, y, this.width, height).fill('#e3eeec').restore();
			const row = tagged ? doc.struct('TR') : null;
			if (row) tableStruct.add(row);
			if (!tagged) doc.markContent('Artifact', { type: 'Pagination' });
			let x = x0;
			cells.forEach((cell, i) => {
				const column = columns[i];
				const colours = rowIndex >= 0 ? options.cellColours?.(rowIndex, i) : null;
				if (colours) doc.save().rect(x, y, column.width, height).fill(colours.fill).restore();
				doc
					.font(bold ? 'Helvetica-Bold' : 'Helvetica')
					.fontSize(size)
					.fillColor(colours?.ink ?? INK)
					.text(printable(cell) || ' ', x + pad, y + pad, {
						width: column.width - 2 * pad,
						align: column.align ?? 'left',
						lineGap: 0.5,
						...(row ? { structParent: row, structType: kind } : {})
					});
				x += column.width;
			});
			if (!tagged) doc.endMarkedContent();
			row?.end();
			doc.save().moveTo(x0, y + height).lineTo(x0 + this.width, y + height).lineWidth(bold ? 0.8 : 0.4).strokeColor(bold ? MUTED : LINE).stroke().restore();
			doc.x = x0;
			doc.y = y + height;
		};
		const headers = columns.map((c) => c.header);
		this.ensure(heightOf(headers, true) + (rows.length ? heightOf(rows[0], false) : 0));
		drawRow(headers, 'TH', true);
		rows.forEach((row, index) => {
			if (doc.y + heightOf(row, false) > this.bottom) {
				this.newPage();
				drawRow(headers, 'TH', false);
			}
			drawRow(row, 'TD', true, index);
		});
		tableStruct.end();
		doc.moveDown(0.8);
	}

	/**
	 * Horizontal bars with their labels and values, as one figure with a text alternative. Negative
	 * values run left of a zero line (drawn only beside the bars, never through the labels).
	 */
	bars(bars: { label: string; value: number; display: string }[], alt: string): void {
		if (!bars.length) return;
		const doc = this.doc;
		const rowHeight = 22;
		const height = bars.length * rowHeight + 6;
		this.ensure(height);
		const top = doc.y;
		const layout = barLayout(bars.map((b) => b.value), MARGIN, this.width);
		const { zero } = layout;
		const figure = doc.struct('Figure', { alt: printable(alt) }, () => {
			bars.forEach((bar, index) => {
				const y = top + index * rowHeight;
				doc.font('Helvetica').fontSize(8).fillColor(INK).text(printable(bar.label), MARGIN, y, { width: this.width, lineBreak: false, ellipsis: true, height: 10 });
				const { x, w } = layout.bars[index];
				if (w > 0) doc.save().rect(x, y + 10, w, 8).fill(bar.value < 0 ? NEGATIVE : BRAND).restore();
				const label = printable(bar.display);
				doc.font('Helvetica-Bold').fontSize(8).fillColor(INK);
				const labelX = bar.value < 0 ? x - 4 - doc.widthOfString(label) : x + w + 4;
				doc.text(label, labelX, y + 10, { lineBreak: false });
				if (layout.hasNegative) doc.save().moveTo(zero, y + 9).lineTo(zero, y + 19).lineWidth(0.8).strokeColor(MUTED).stroke().restore();
			});
		});
		this.section.add(figure);
		doc.x = MARGIN;
		doc.y = top + height;
		doc.moveDown(0.5);
	}

	/**
	 * The priority matrix as a figure: proficiency across, importance up, on the part of the scale the
	 * points need (`scaleBounds`, as on the web; the caller says so in words), the priority quadrant shaded.
	 */
	matrix(points: { code: string; x: number; y: number }[], text: { xLabel: string; yLabel: string; quadrants: [string, string, string, string]; alt: string; tick: (value: number) => string }): void {
		if (!points.length) return;
		const doc = this.doc;
		const size = Math.min(this.width - 40, 400);
		this.ensure(size + 50);
		const plot = { x: MARGIN + 40, y: doc.y + 4, w: size, h: size };
		const [x0, x1] = scaleBounds(points.map((p) => p.x), 3);
		const [y0, y1] = scaleBounds(points.map((p) => p.y), 3);
		const sx = (v: number) => plot.x + ((v - x0) / (x1 - x0)) * plot.w;
		const sy = (v: number) => plot.y + plot.h - ((v - y0) / (y1 - y0)) * plot.h;
		const ticks = (low: number, high: number) => Array.from({ length: Math.round((high - low) * 2) + 1 }, (_, i) => low + i / 2);
		const figure = doc.struct('Figure', { alt: printable(text.alt) }, () => {
			doc.save().rect(plot.x, plot.y, sx(3) - plot.x, sy(3) - plot.y).fill(PRIORITY_FILL).restore();
			doc.font('Helvetica').fontSize(8).fillColor(MUTED);
			for (const tick of ticks(x0, x1)) {
				doc.save().moveTo(sx(tick), plot.y).lineTo(sx(tick), plot.y + plot.h).lineWidth(tick === 3 ? 1 : 0.4).strokeColor(tick === 3 ? MUTED : LINE).stroke().restore();
				doc.text(text.tick(tick), sx(tick) - 12, plot.y + plot.h + 4, { width: 24, align: 'center', lineBreak: false });
			}
			for (const tick of ticks(y0, y1)) {
				doc.save().moveTo(plot.x, sy(tick)).lineTo(plot.x + plot.w, sy(tick)).lineWidth(tick === 3 ? 1 : 0.4).strokeColor(tick === 3 ? MUTED : LINE).stroke().restore();
				doc.text(text.tick(tick), plot.x - 26, sy(tick) - 3, { width: 20, align: 'right', lineBreak: false });
			}
			doc.save().rect(plot.x, plot.y, plot.w, plot.h).lineWidth(0.8).strokeColor(MUTED).stroke().restore();
			doc.font('Helvetica-Oblique').fontSize(7.5).fillColor(MUTED);
			const [topLeft, topRight, bottomLeft, bottomRight] = text.quadrants.map(printable);
			doc.text(topLeft, plot.x + 4, plot.y + 4, { lineBreak: false });
			doc.text(topRight, plot.x + plot.w - 4 - doc.widthOfString(topRight), plot.y + 4, { lineBreak: false });
			doc.text(bottomLeft, plot.x + 4, plot.y + plot.h - 12, { lineBreak: false });
			doc.text(bottomRight, plot.x + plot.w - 4 - doc.widthOfString(bottomRight), plot.y + plot.h - 12, { lineBreak: false });
			const placed = points.map((p) => ({ cx: sx(p.x), cy: sy(p.y), text: p.code }));
			const labels = placeLabels(placed, plot, 4.2, 8);
			placed.forEach((point, index) => {
				const label = labels[index];
				if (label.leader) doc.save().moveTo(point.cx, point.cy).lineTo(label.x, label.y - 3).lineWidth(0.4).strokeColor(MUTED).stroke().restore();
				doc.save().circle(point.cx, point.cy, 2.2).fill(BRAND).restore();
				doc.font('Helvetica-Bold').fontSize(7).fillColor(INK);
				const w = doc.widthOfString(point.text);
				const x = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2;
				doc.text(point.text, x, label.y - 7, { lineBreak: false });
			});
			doc.font('Helvetica-Bold').fontSize(8.5).fillColor(INK);
			doc.text(printable(text.xLabel), plot.x, plot.y + plot.h + 16, { width: plot.w, align: 'center', lineBreak: false });
			doc.save().rotate(-90, { origin: [MARGIN + 6, plot.y + plot.h / 2] });
			doc.text(printable(text.yLabel), MARGIN + 6 - plot.h / 2, plot.y + plot.h / 2 - 4, { width: plot.h, align: 'center', lineBreak: false });
			doc.restore();
		});
		this.section.add(figure);
		doc.x = MARGIN;
		doc.y = plot.y + plot.h + 34;
		doc.moveDown(0.5);
	}

	/** "Seite n von N" at the foot of every page, outside the structure (an artifact). */
	numberPages(t: Translate, title: string): void {
		const doc = this.doc;
		const range = doc.bufferedPageRange();
		for (let i = range.start; i < range.start + range.count; i += 1) {
			doc.switchToPage(i);
			const bottom = doc.page.margins.bottom;
			doc.page.margins.bottom = 0;
			doc.markContent('Artifact', { type: 'Pagination' });
			doc
				.font('Helvetica')
				.fontSize(8)
				.fillColor(MUTED)
				.text(printable(`${title} – ${t('results.report.page', { page: i + 1 })} / ${range.count}`), MARGIN, doc.page.height - 32, { width: this.width, align: 'center', lineBreak: false });
			doc.endMarkedContent();
			doc.page.margins.bottom = bottom;
		}
	}

	async finish(): Promise<Uint8Array> {
		const chunks: Buffer[] = [];
		this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		const done = new Promise<void>((resolve, reject) => {
			this.doc.on('end', resolve);
			this.doc.on('error', reject);
		});
		this.doc.end();
		await done;
		return new Uint8Array(Buffer.concat(chunks));
	}
}

export interface PdfOptions {
	/** false writes readable content streams (for tests that search the text). */
	compress?: boolean;
}

/**
 * The report a staff council can read: title page, method (k, quantile definition, consensus
 * rule), participation, the largest gaps per horizon, disagreement between groups, consensus, in
 * Delphi rounds the change against the previous round, released open answers, and the appendix tables. Tagged PDF with bookmarks; figures only from the StudyResults.
 */
export async function resultsPdf(input: ExportInput, options: PdfOptions = {}): Promise<DownloadFile> {
	const t = translator(input.locale);
	const { results, setting } = input;
	const decimal = (value: number | null | undefined, digits = 2) => formatDecimal(input.locale, value, digits);
	const percent = (value: number | null | undefined) => formatShare(input.locale, value);
	const allLabel = t('results.allGroups');
	const group = (key: string) => groupLabel(setting, key, allLabel);
	const horizon = (key: string | null) => horizonLabel(setting, key) ?? '';
	const title = (code: string) => setting.competences.find((c) => c.code === code)?.title ?? code;
	// A self-check speaks of conditions and „So ist es bei uns heute“ (issue 16); the roles keep a competence study's words.
	const words = instrumentWords(setting.instrument);
	const item = (measure: 'importance' | 'proficiency', h: string | null) => (measure === 'proficiency' ? t(words.proficiencyMeasure) : t(words.importanceLabel, { horizon: horizon(h) }));
	const quantile = quantileDefinition(t, results.quantileType);
	const rule = { iqr: decimal(setting.consensus.maxIqr, setting.consensus.maxIqr % 1 ? 1 : 0), percent: Math.round(setting.consensus.minAgreement * 100) };
	const hiddenNote = t('results.hiddenGroup', { k: results.minGroupSize });
	const median = (value: number | null) => decimal(value, value !== null && Number.isInteger(value) ? 0 : 2);

	const report = new Report(`${t('results.title')}: ${setting.studyTitle}`, input.locale === 'en' ? 'en-GB' : 'de-DE', options.compress ?? true, input.identity?.colour);
	const sections = {
		method: t('results.report.method'),
		participation: t('results.report.participation'),
		gaps: t('results.report.gaps'),
		matrix: t('results.matrix.title'),
		heatmap: t('results.heatmap.title'),
		disagreement: t('results.report.disagreement'),
		consensus: t('results.report.consensus'),
		...(results.change ? { change: t('results.change.title') } : {}),
		...(input.openAnswers?.length ? { openAnswers: t('freetext.title') } : {}),
		appendix: t('results.report.appendix')
	};

	// Title page (the document opens with it), under the organisation's logo when it has one
	if (input.identity?.logo) report.logo(input.identity.logo, input.identity.name);
	report.startSection(setting.studyTitle, false);
	report.paragraph(t(words.reportSubtitle), { size: 13, color: MUTED });
	report.doc.moveDown(1);
	const facts = [
		...(input.organisation ? [`${t('results.report.organisation')}: ${input.organisation}`] : []),
		`${t('results.file.round')}: ${results.round}`,
		results.participants === null ? t('results.metaParticipantsHidden') : t('results.metaParticipants', { n: results.participants }),
		t('results.metaK', { k: results.minGroupSize }),
		`${t('results.file.quantile')}: ${quantile}`,
		`${t('results.file.created')}: ${formatDate(input.locale, input.createdAt)}`
	];
	for (const fact of facts) report.paragraph(fact, { size: 10.5 });
	report.doc.moveDown(1);
	report.heading(t('results.report.toc'), 2);
	report.list(setting.measureProficiency ? Object.values(sections) : Object.values(sections).filter((s) => s !== sections.gaps && s !== sections.matrix));

	// Method
	report.startSection(sections.method);
	report.paragraph(t('results.method.scale'));
	report.paragraph(t('results.method.k', { k: results.minGroupSize }));
	report.paragraph(t('results.method.quantile', { quantile }));
	report.paragraph(t('results.method.consensus', rule));
	if (setting.measureProficiency) report.paragraph(t(words.methodGap));
	report.paragraph(t('results.disagreement.measureNote'));

	// Participation
	report.startSection(sections.participation);
	report.paragraph(t('results.participation.lead', { round: results.round }));
	report.table(
		[
			{ header: t('results.group'), width: report.width - 120 },
			{ header: t('results.nLong'), width: 120, align: 'right' }
		],
		[
			...results.groups.map((g) => [g.label, g.suppressed ? `${t('results.hidden')}*` : String(g.n)]),
			[t('results.participation.total'), results.participants === null ? t('results.hidden') : String(results.participants)]
		],
		{ size: 10 }
	);
	if (results.groups.some((g) => g.suppressed)) report.paragraph(`* ${hiddenNote}`, { size: 9, color: MUTED });

	// Gaps
	if (setting.measureProficiency) {
		report.startSection(sections.gaps);
		report.paragraph(t(words.gapsLead));
		for (const h of setting.horizons) {
			const rows = results.gaps.filter((g) => g.horizon === h.key && g.rank !== null && g.meanGap !== null).slice(0, 10);
			report.heading(t('results.gaps.horizon', { count: rows.length, horizon: h.label }), 2, rows.length * 22 + 40);
			if (!rows.length) {
				report.paragraph(t('results.gaps.none'));
				continue;
			}
			report.bars(
				rows.map((g) => ({ label: `${g.competence} ${title(g.competence)}`, value: g.meanGap ?? 0, display: decimal(g.meanGap) })),
				t(words.gapsDesc, { values: rows.map((g) => `${g.competence}: ${decimal(g.meanGap)}`).join('; ') })
			);
			report.table(
				[
					{ header: t('results.rank'), width: 34, align: 'right' },
					{ header: t(words.item), width: report.width - 34 - 62 - 56 - 66 - 84 },
					{ header: t('results.meanGap'), width: 62, align: 'right' },
					{ header: t('results.medianGap'), width: 56, align: 'right' },
					{ header: t(words.importanceMeasure), width: 66, align: 'right' },
					{ header: t(words.proficiencyMeasure), width: 84, align: 'right' }
				],
				rows.map((g) => [String(g.rank), `${g.competence} ${title(g.competence)}`, decimal(g.meanGap), decimal(g.medianGap, 1), decimal(g.importanceMean), decimal(g.proficiencyMean)])
			);
		}
		report.paragraph(`${t(words.figureNoteMeans, { quantile })}`, { size: 9, color: MUTED });
	}

	// Priority matrix per horizon, all groups
	if (setting.measureProficiency) {
		report.startSection(sections.matrix);
		report.paragraph(t(words.matrixLead));
		for (const h of setting.horizons) {
			const { points, missing } = matrixPoints(results, setting.competences, h.key);
			report.heading(t('results.matrix.chart', { horizon: h.label, group: allLabel }), 2, points.length ? 450 : 40);
			if (!points.length) {
				report.paragraph(t(words.matrixNone));
				continue;
			}
			const priority = points.filter((p) => p.y >= 3 && p.x < 3).map((p) => p.code);
			report.matrix(points, {
				xLabel: t(words.matrixX),
				yLabel: t('results.matrix.y', { horizon: h.label }),
				quadrants: [t('results.matrix.priority'), t('results.matrix.strength'), t('results.matrix.less'), t('results.matrix.watch')],
				alt: t(words.matrixDesc, { count: points.length, horizon: h.label, priority: priority.length ? priority.join(', ') : t('results.matrix.noneInPriority') }),
				tick: (value) => decimal(value, 1)
			});
			const zoom = zoomedRanges(points);
			if (zoom) report.paragraph(t(words.matrixZoomed, { x: zoom.x.map((v) => decimal(v, 1)).join('–'), y: zoom.y.map((v) => decimal(v, 1)).join('–') }), { size: 9, color: MUTED });
			if (missing.length) report.paragraph(t('results.matrix.missing', { codes: missing.join(', ') }), { size: 9, color: MUTED });
		}
	}

	// Heatmap: importance per competence and group, one coloured table per horizon
	report.startSection(sections.heatmap, true, 'landscape');
	for (const h of setting.horizons) {
		const heat = heatmapRows(results, setting.competences, h.key);
		const columnWidth = Math.min(80, Math.floor((report.width - 180) / Math.max(1, results.groups.length + 1)));
		report.heading(t(words.heatmapCaption, { horizon: h.label }), 2);
		report.paragraph(t(words.reportHeatmapLead, { horizon: h.label, hidden: hiddenNote }), { size: 9, color: MUTED });
		report.table(
			[{ header: t(words.item), width: report.width - columnWidth * heat.columns.length }, ...heat.columns.map((key) => ({ header: group(key), width: columnWidth, align: 'right' as const }))],
			heat.rows.map((row) => [`${row.code} ${row.title}`, ...row.cells.map((cell) => (cell.suppressed || cell.mean === null ? t('results.hidden') : `${decimal(cell.mean, 1)} (${cell.n})`))]),
			{ size: 7.5, cellColours: (row, column) => (column === 0 ? null : heat.rows[row].cells[column - 1].colours) }
		);
	}

	// Disagreement
	report.startSection(sections.disagreement);
	report.paragraph(t(words.disagreementLead));
	const strongest = results.disagreement.slice(0, 20);
	if (!strongest.length) report.paragraph(t('results.disagreement.none'));
	report.list(
		strongest.map(
			(d) =>
				`${d.competence} ${title(d.competence)} – ${item(d.measure, d.horizon)}: ${t('results.disagreement.higher', { higher: group(d.higherGroup), lower: group(d.lowerGroup) })} ${t('results.disagreement.effect', { size: t(`results.magnitude.${d.magnitude}`), delta: decimal(d.delta) })}`
		),
		true
	);
	if (results.disagreement.length > strongest.length) report.paragraph(t('results.disagreement.more', { count: results.disagreement.length - strongest.length }), { size: 9, color: MUTED });
	report.paragraph(t('results.disagreement.measureNote'), { size: 9, color: MUTED });

	// Consensus
	report.startSection(sections.consensus);
	report.paragraph(t('results.consensus.rule', rule));
	const allCells = results.items.map((i) => ({ item: i, cell: i.cells.find((c) => c.group === ALL_GROUPS) }));
	const kinds = [...setting.horizons.map((h) => ({ measure: 'importance' as const, horizon: h.key })), ...(setting.measureProficiency ? [{ measure: 'proficiency' as const, horizon: null }] : [])];
	report.table(
		[
			{ header: t('results.item'), width: report.width - 3 * 90 },
			{ header: t('results.yes'), width: 90, align: 'right' },
			{ header: t('results.no'), width: 90, align: 'right' },
			{ header: t('results.hidden'), width: 90, align: 'right' }
		],
		kinds.map((kind) => {
			const of = allCells.filter(({ item: i }) => i.measure === kind.measure && i.horizon === kind.horizon);
			const count = (test: (c: (typeof of)[number]['cell']) => boolean) => String(of.filter(({ cell }) => test(cell)).length);
			return [item(kind.measure, kind.horizon), count((c) => !!c && !c.suppressed && c.consensus === true), count((c) => !!c && !c.suppressed && c.consensus === false), count((c) => !c || c.suppressed)];
		}),
		{ size: 10 }
	);
	const reached = allCells.filter(({ cell }) => cell && !cell.suppressed && cell.consensus === true);
	report.heading(t('results.report.consensusYes', { count: reached.length }), 2);
	report.list(reached.map(({ item: i }) => `${i.competence} ${title(i.competence)} – ${item(i.measure, i.horizon)}`));
	report.paragraph(t('results.figureNote', { quantile }), { size: 9, color: MUTED });

	// Delphi: change against the previous round, the same blocks as the dashboard (all groups), ten per list
	const delphi = changeBlocks(results, setting, setting.competences, setting.horizons.map((h) => h.key), ALL_GROUPS, 10);
	if (sections.change && delphi) {
		report.startSection(sections.change);
		report.paragraph(t('results.change.lead', { round: results.round, previous: delphi.previousRound, k: results.minGroupSize }));
		const competenceWidth = report.width - 4 * 64;
		for (const block of delphi.blocks) {
			report.heading(item(block.measure, block.horizon), 2, 120);
			report.heading(t('results.change.changed'), 3, 60);
			if (block.changed.length === 0) report.paragraph(t('results.change.noneChanged'));
			else
				report.table(
					[
						{ header: t(words.item), width: competenceWidth + 64 },
						{ header: t('results.change.share'), width: 64, align: 'right' },
						{ header: t('results.change.pairs'), width: 64, align: 'right' },
						{ header: t('results.change.p'), width: 64, align: 'right' }
					],
					block.changed.map((row) => [`${row.code} ${row.title}`, percent(row.changedShare), formatCount(input.locale, row.pairs), formatPValue(input.locale, row.pValue)])
				);
			report.heading(t('results.change.converged'), 3, 60);
			if (block.converged.length === 0) report.paragraph(t('results.change.noneConverged'));
			else
				report.table(
					[
						{ header: t(words.item), width: competenceWidth },
						{ header: t('results.change.cvPrevious'), width: 64, align: 'right' },
						{ header: t('results.change.cvCurrent'), width: 64, align: 'right' },
						{ header: t('results.change.cvChange'), width: 64, align: 'right' },
						{ header: t('results.change.pairs'), width: 64, align: 'right' }
					],
					block.converged.map((row) => [`${row.code} ${row.title}`, decimal(row.cvPrevious), decimal(row.cvCurrent), formatChange(input.locale, row.cvChange, 2), formatCount(input.locale, row.pairs)])
				);
		}
		report.paragraph(t('results.change.note'), { size: 9, color: MUTED });
	}

	// Open answers: only what shownOpenAnswers lets through (released, groups with n ≥ max(k, 8), none hidden)
	if (sections.openAnswers && input.openAnswers) {
		report.startSection(sections.openAnswers);
		report.paragraph(t('freetext.report.lead', { threshold: freeTextMinimumGroupSize(results.minGroupSize) }));
		for (const section of input.openAnswers) {
			report.heading(section.label, 2);
			for (const g of section.groups) {
				report.heading(`${g.label} (${t('freetext.countShown', { count: g.texts.length })})`, 3, 40);
				report.list(g.texts);
			}
		}
	}

	// Appendix
	report.startSection(sections.appendix);
	report.heading(t('results.report.appendixCells'), 2);
	report.table(
		[
			{ header: t('results.file.code'), width: 36 },
			{ header: t('results.item'), width: report.width - 36 - 7 * 47 },
			{ header: t('results.n'), width: 47, align: 'right' },
			{ header: t('results.mean'), width: 47, align: 'right' },
			{ header: 'SD', width: 47, align: 'right' },
			{ header: t('results.median'), width: 47, align: 'right' },
			{ header: t('results.iqr'), width: 47, align: 'right' },
			{ header: t('results.agreement'), width: 47, align: 'right' },
			{ header: t('results.consensus'), width: 47, align: 'right' }
		],
		allCells.map(({ item: i, cell }) => {
			const head = [i.competence, item(i.measure, i.horizon)];
			if (!cell || cell.suppressed) return [...head, t('results.hidden'), '', '', '', '', '', ''];
			return [...head, String(cell.n), decimal(cell.mean), decimal(cell.sd), median(cell.median), median(cell.iqr), percent(cell.agreement), cell.consensus === null ? '–' : cell.consensus ? t('results.yes') : t('results.no')];
		}),
		{ size: 8 }
	);
	report.paragraph(t('results.figureNote', { quantile }), { size: 9, color: MUTED });
	const groupKeys = [...results.groups.map((g) => g.key), ALL_GROUPS];
	const groupWidth = Math.floor((report.width - 40) / groupKeys.length);
	for (const kind of kinds.filter((k) => k.measure === 'proficiency')) {
		const label = item(kind.measure, kind.horizon);
		report.heading(t('results.report.appendixGroups', { item: label }), 2);
		report.table(
			[{ header: t('results.file.code'), width: report.width - groupWidth * groupKeys.length }, ...groupKeys.map((key) => ({ header: group(key), width: groupWidth, align: 'right' as const }))],
			results.items
				.filter((i) => i.measure === kind.measure && i.horizon === kind.horizon)
				.map((i) => [i.competence, ...groupKeys.map((key) => {
					const cell = i.cells.find((c) => c.group === key);
					return !cell || cell.suppressed ? t('results.hidden') : `${decimal(cell.mean, 1)} (${cell.n})`;
				})]),
			{ size: 7.5 }
		);
	}
	report.paragraph(`${t('results.figureNote', { quantile })} ${hiddenNote}.`, { size: 9, color: MUTED });

	report.numberPages(t, setting.studyTitle);
	return { body: await report.finish(), contentType: 'application/pdf', fileName: `${fileStem(input)}.pdf` };
}
