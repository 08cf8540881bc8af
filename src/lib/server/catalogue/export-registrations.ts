import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { answerColumns } from '../../domain/catalogue/registration-questions';
import { dayAndTime } from '../../format/berlin-time';
import { slugify } from '../../format/slug';
import { protectFromFormula } from '../../format/spreadsheet';
import { translator } from '../../i18n';
import { TARGET_GROUPS, type TargetGroup } from '../../schemas/catalogue';
import { can } from '../auth/actor';
import { AppError } from '../errors';
import type { DownloadFile } from '../http/download';
import { getOwnSession } from './get-own-session';
import { sessionRegistrations } from './list-session-registrations';
import type { Organiser } from './catalogue-context';

export const REGISTRATION_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type RegistrationExportFormat = (typeof REGISTRATION_EXPORT_FORMATS)[number];

/**
 * A session's registrations as a table, German headers, in the order of the session's page (seats,
 * waiting list, the rest), one column per own registration question of the module. The privacy projection of the list holds here too: facilitators get no
 * e-mail column at all. Erased registrations keep their row (status, attendance) without a name.
 */
async function registrationTable(ctx: Organiser, sessionId: string) {
	const { module, session } = await getOwnSession(ctx, sessionId);
	const registrations = await sessionRegistrations(ctx, session.id);
	const t = translator('de');
	const withEmail = can(ctx.actor, 'org.manage');
	const group = (key: string) => ((TARGET_GROUPS as readonly string[]).includes(key) ? t(`cat.group.${key as TargetGroup}`) : key);
	let waiting = 0;
	const questions = module.registrationQuestions;
	const header = ['Nr.', 'Name', ...(withEmail ? ['E-Mail'] : []), 'Organisation', 'Gruppe', 'Status', 'Platz auf der Warteliste', 'Anwesend', 'Bedarfe (Barrierefreiheit)', ...questions.map((q) => q.label)];
	const rows = registrations.map((r, i) => {
		const erased = r.anonymisedAt !== null;
		return [
			String(i + 1),
			erased ? 'gelöscht' : r.name,
			...(withEmail ? [erased ? '' : (r.email ?? '')] : []),
			r.organisation,
			group(r.groupKey),
			t(`cat.reg.${r.status}`),
			r.status === 'waitlisted' ? String(++waiting) : '',
			r.attended ? 'ja' : 'nein',
			r.accessibilityNeeds,
			...answerColumns(questions, r.answers).map((a) => a.answer)
		];
	});
	const stem = `anmeldungen-${slugify(module.title, 'termin').slice(0, 50)}-${session.startsAt.toISOString().slice(0, 10)}`;
	return { title: `${module.title}, ${dayAndTime('de', session.startsAt)}`, header, rows, stem };
}

/**
 * The registrations of one of the organisation's sessions as CSV (UTF-8 with BOM, `;`, CRLF — what
 * German Excel opens without a dialogue) or XLSX (frozen, filterable header). Every text a person
 * typed passes the formula neutraliser: "=HYPERLINK(…)" stays text in the organiser's Excel.
 */
export async function exportRegistrations(ctx: Organiser, sessionId: string, format: string): Promise<DownloadFile> {
	if (!(REGISTRATION_EXPORT_FORMATS as readonly string[]).includes(format)) {
		throw new AppError('not_found', `Diese Datei gibt es nicht. Die Anmeldungen gibt es als ${REGISTRATION_EXPORT_FORMATS.join(' und ').toUpperCase()}.`);
	}
	const table = await registrationTable(ctx, sessionId);
	const cells = (row: string[]) => row.map(protectFromFormula);
	if (format === 'csv') {
		const body = stringify([cells(table.header), ...table.rows.map(cells)], { delimiter: ';', record_delimiter: 'windows', bom: true });
		return { body, contentType: 'text/csv; charset=utf-8', fileName: `${table.stem}.csv` };
	}
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Stadtwissen';
	workbook.created = ctx.now;
	workbook.title = protectFromFormula(`Anmeldungen: ${table.title}`);
	const sheet = workbook.addWorksheet('Anmeldungen');
	const headerRow = sheet.addRow(cells(table.header));
	headerRow.font = { bold: true };
	headerRow.eachCell((cell) => {
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EEEC' } };
		cell.border = { bottom: { style: 'thin' } };
	});
	for (const row of table.rows) sheet.addRow(cells(row));
	table.header.forEach((title, index) => {
		sheet.getColumn(index + 1).width = title === 'Nr.' ? 6 : Math.max(14, title.length + 2);
	});
	sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
	const buffer = await workbook.xlsx.writeBuffer();
	return { body: new Uint8Array(buffer), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${table.stem}.xlsx` };
}
