import { stringify } from 'csv-stringify/sync';
import { spreadsheetNumber } from '../../../format/numbers';
import { protectFromFormula } from '../../../format/spreadsheet';
import type { DownloadFile } from '../../http/download';
import { AppError } from '../../errors';
import { buildSheets, fileStem, headerRows, SHEET_KEYS, type CellValue, type Column, type ExportInput, type SheetKey } from './sheets';

function csvValue(value: CellValue, column: Column): string {
	if (value === null) return '';
	if (typeof value === 'string') return protectFromFormula(value);
	switch (column.kind) {
		case 'count':
			return String(Math.round(value));
		case 'share':
			return spreadsheetNumber(value * 100, 1);
		default:
			return spreadsheetNumber(value, 3);
	}
}

/**
 * One view of a round as CSV that German Excel and LibreOffice open without an import dialogue:
 * UTF-8 with BOM, `;` between fields, decimal comma, CRLF. The header rows name the study, the
 * round, k and the quantile definition; a blank line separates them from the table. Shares are
 * written as percentages (72,4), with "(%)" in the column header.
 */
export function resultsCsv(input: ExportInput, sheetKey: SheetKey = 'einzelwerte'): DownloadFile {
	const sheet = buildSheets(input).find((s) => s.key === sheetKey);
	if (!sheet) throw new AppError('conflict', `Die Ansicht „${sheetKey}“ gibt es erst ab Runde 2: Sie vergleicht eine Runde mit der vorigen.`, [{ path: 'ansicht', message: SHEET_KEYS.join(', ') }]);
	const records: string[][] = [
		...headerRows(input).map(([label, value]) => [protectFromFormula(label), protectFromFormula(value)]),
		[],
		sheet.columns.map((c) => protectFromFormula(c.kind === 'share' ? `${c.header} (%)` : c.header)),
		...sheet.rows.map((row) => row.map((value, index) => csvValue(value, sheet.columns[index])))
	];
	const body = stringify(records, { delimiter: ';', record_delimiter: 'windows', bom: true });
	return { body, contentType: 'text/csv; charset=utf-8', fileName: `${fileStem(input)}-${sheetKey}.csv` };
}
