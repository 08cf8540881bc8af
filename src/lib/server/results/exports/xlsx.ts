import ExcelJS from 'exceljs';
import { translator } from '../../../i18n';
import type { DownloadFile } from '../../http/download';
import { protectFromFormula } from '../../../format/spreadsheet';
import { buildSheets, fileStem, headerRows, type ColumnKind, type ExportInput } from './sheets';

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, count: '0', decimal: '0.00', share: '0.0%' };

/**
 * One workbook, one sheet per view (Teilnahme, Lücken, Einzelwerte, Unterschiede, Konsens, from
 * round 2 Veränderung). Each
 * sheet starts with the header rows (study, round, k, quantile definition, …), then the table
 * with a frozen, filterable header row. Figures are real numbers, so Excel shows them with the
 * reader's decimal separator; hidden cells are empty with the status "ausgeblendet".
 */
export async function resultsXlsx(input: ExportInput): Promise<DownloadFile> {
	const t = translator(input.locale);
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Stadtwissen';
	workbook.created = input.createdAt;
	workbook.title = `${t('results.title')}: ${input.setting.studyTitle}`;
	const header = headerRows(input);
	for (const sheet of buildSheets(input)) {
		const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
		for (const [label, value] of header) {
			const row = worksheet.addRow([protectFromFormula(label), protectFromFormula(value)]);
			row.getCell(1).font = { bold: true };
		}
		worksheet.addRow([]);
		const headerRow = worksheet.addRow(sheet.columns.map((c) => c.header));
		headerRow.font = { bold: true };
		headerRow.alignment = { wrapText: true, vertical: 'top' };
		headerRow.eachCell((cell) => {
			cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EEEC' } };
			cell.border = { bottom: { style: 'thin' } };
		});
		for (const values of sheet.rows) {
			worksheet.addRow(values.map((value) => (typeof value === 'string' ? protectFromFormula(value) : value)));
		}
		sheet.columns.forEach((column, index) => {
			const target = worksheet.getColumn(index + 1);
			target.width = Math.max(column.width, index === 0 ? 24 : 0);
			const format = NUMBER_FORMATS[column.kind];
			if (format) {
				for (let r = headerRow.number + 1; r <= worksheet.rowCount; r += 1) worksheet.getCell(r, index + 1).numFmt = format;
			}
		});
		worksheet.views = [{ state: 'frozen', ySplit: headerRow.number, xSplit: 0 }];
		worksheet.autoFilter = { from: { row: headerRow.number, column: 1 }, to: { row: headerRow.number, column: sheet.columns.length } };
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return {
		body: new Uint8Array(buffer),
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		fileName: `${fileStem(input)}.xlsx`
	};
}
