import ExcelJS from 'exceljs';

/** For tests (which need not depend on exceljs): a one-sheet .xlsx, base64-encoded. */
export async function xlsxBase64(headers: readonly string[], rows: readonly (readonly (string | number | Date | null)[])[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The cell values of the first sheet of a base64 .xlsx, row by row (dates as Date). */
export async function xlsxRows(contentBase64: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
