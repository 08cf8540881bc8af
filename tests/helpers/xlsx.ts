import ExcelJS from 'exceljs';

/** Every sheet name and every cell of an XLSX file as text, in order: for tests that read a download back. */
export async function xlsxTexts(file: Uint8Array): Promise<string[]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
	const texts: string[] = [];
	workbook.eachSheet((sheet) => {
		texts.push(sheet.name);
		sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
	});
	return texts;
}
