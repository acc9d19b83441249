import { Readable } from 'node:stream';
import { DomainError } from '@dangvien/server';
import ExcelJS from 'exceljs';

/** One cell as read from the file: the text a clerk sees, and the date when Excel stored a date. */
export interface SheetCell {
  text: string;
  date?: Date;
  number?: number;
}

export interface Sheet {
  headers: string[];
  /** Data rows under the header row; `rowNumber` is the row as the spreadsheet program numbers it. */
  rows: { rowNumber: number; cells: SheetCell[] }[];
}

export interface SpreadsheetFile {
  name: string;
  contentBase64: string;
}

/** Rows a file may hold: the request body limit is sized for about this many (docs/import.md). */
export const MAX_IMPORT_ROWS = 20_000;

function cellOf(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), date: value };
  if (typeof value === 'number') return { text: String(value), number: value };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'x' : '' };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((part) => part.text).join('') };
    if ('result' in value) return cellOf(value.result as ExcelJS.CellValue);
    if ('text' in value) return { text: String(value.text) };
  }
  return { text: String(value) };
}

/** Reads the first sheet of an .xlsx or .csv file; the first non-empty row is the header row. */
export async function readSpreadsheet(file: SpreadsheetFile): Promise<Sheet> {
  const buffer = Buffer.from(file.contentBase64, 'base64');
  if (buffer.length === 0) throw new DomainError('BAD_USER_INPUT', 'Tệp rỗng.', { field: 'file' });
  const workbook = new ExcelJS.Workbook();
  let worksheet: ExcelJS.Worksheet | undefined;
  const lowerName = file.name.toLowerCase();
  try {
    if (lowerName.endsWith('.csv')) {
      // Cells stay text: exceljs would otherwise read 05/03/1990 as 3 May and drop a CCCD's leading zero.
      const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
      worksheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value, parserOptions: { delimiter: detectDelimiter(text) } });
    } else if (lowerName.endsWith('.xlsx')) {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      worksheet = workbook.worksheets[0];
    } else {
      throw new DomainError('BAD_USER_INPUT', 'Chỉ nhận tệp Excel (.xlsx) hoặc .csv.', { field: 'file.name' });
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('BAD_USER_INPUT', 'Không đọc được tệp: tệp hỏng hoặc không đúng định dạng .xlsx/.csv.', { field: 'file' });
  }
  if (!worksheet) throw new DomainError('BAD_USER_INPUT', 'Tệp không có trang tính nào.', { field: 'file' });
  const rows: { rowNumber: number; cells: SheetCell[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: SheetCell[] = [];
    for (let column = 1; column < values.length; column++) cells.push(cellOf(values[column]));
    if (cells.some((cell) => cell.text.trim() !== '')) rows.push({ rowNumber, cells });
  });
  const [header, ...data] = rows;
  if (!header) throw new DomainError('BAD_USER_INPUT', 'Tệp không có dữ liệu.', { field: 'file' });
  if (data.length > MAX_IMPORT_ROWS) throw new DomainError('BAD_USER_INPUT', `Tệp có ${data.length} dòng, quá ${MAX_IMPORT_ROWS} dòng: chia thành nhiều tệp.`, { field: 'file' });
  const headers = header.cells.map((cell, index) => cell.text.normalize('NFC').replace(/\s+/g, ' ').trim() || `Cột ${index + 1}`);
  return { headers, rows: data };
}

/** Vietnamese Excel saves CSV with ';' where ',' is the decimal separator. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Writes one sheet as .xlsx and returns it base64-encoded. */
export async function writeWorkbook(build: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dangvien';
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** A problem an import found in one row of a sheet, as the member and unit imports report it (the GraphQL `ImportProblem`). */
export type { ImportProblem } from '@dangvien/contracts';
