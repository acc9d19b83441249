import { xlsxFileName, type ExportValue } from './export-text.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel refuses sheet names longer than 31 characters or with []:*?/\ in them. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]+/g, ' ').slice(0, 31).trim() || 'Sheet1';

/**
 * Writes rows (the first is the header) to an .xlsx and saves it through the browser's download.
 * exceljs (~1 MB) is loaded here, on the first export, never with the page.
 */
export async function downloadXlsx(fileName: string, title: string, rows: readonly ExportValue[][]): Promise<void> {
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(title));
  for (const row of rows) sheet.addRow(row.map((value) => value ?? null));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(...rows.map((row) => String(row[index] ?? '').length));
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = xlsxFileName(fileName);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
