import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, Column, Row } from './rows.ts';

export type ExportFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Writes rows to a stream as they come; `end` finishes the file. */
export interface FileWriter {
  write(rows: readonly Row[]): Promise<void>;
  end(): Promise<void>;
}

const csvCell = (value: CellValue | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Waits for the stream to drain when it asks to: a slow client slows the job, not the gateway's memory. */
const writeText = (stream: Writable, text: string) =>
  new Promise<void>((resolve, reject) => {
    if (stream.write(text)) return resolve();
    const drained = () => {
      stream.off('error', failed);
      resolve();
    };
    const failed = (error: Error) => {
      stream.off('drain', drained);
      reject(error);
    };
    stream.once('drain', drained);
    stream.once('error', failed);
  });

/** RFC 4180 CSV, UTF-8 with a byte-order mark so Excel shows Vietnamese diacritics. */
function csvWriter(stream: Writable, columns: readonly Column[]): FileWriter {
  let started = false;
  return {
    async write(rows) {
      const head = started ? '' : `\uFEFF${columns.map((column) => csvCell(column.header)).join(',')}\r\n`;
      started = true;
      await writeText(stream, head + rows.map((row) => `${columns.map((column) => csvCell(row[column.key])).join(',')}\r\n`).join(''));
    },
    async end() {
      if (!started) await this.write([]);
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}

/** .xlsx written row by row (exceljs's streaming writer): the workbook is never whole in memory. */
function xlsxWriter(stream: Writable, columns: readonly Column[]): FileWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet('Kết quả', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: Math.min(60, Math.max(10, column.header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async write(rows) {
      for (const row of rows) sheet.addRow(columns.map((column) => row[column.key] ?? null)).commit();
      // Lets the zip stream flush before the next page is asked for.
      await new Promise((resolve) => setImmediate(resolve));
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function fileWriter(format: ExportFormat, stream: Writable, columns: readonly Column[]): FileWriter {
  return format === 'csv' ? csvWriter(stream, columns) : xlsxWriter(stream, columns);
}
