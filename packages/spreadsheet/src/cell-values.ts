import type { SheetCell } from './spreadsheet.ts';

/* How a clerk's cell text becomes a stored value: text cleaned to NFC, dates read day first. */

/** Text as stored: NFC, trimmed, inner runs of spaces made one. `changed` says whether the file had it otherwise. */
export function cleanText(raw: string): { value: string; changed: boolean; wasNfd: boolean } {
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  return { value, changed: value !== raw, wasNfd: raw.normalize('NFC') !== raw };
}

export type DateReading = { ok: true; value: string } | { ok: false; problem: string; suggestion: string };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoIfReal(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date as clerks write it: an Excel date cell, dd/mm/yyyy, d/m/yyyy (also with '-' or '.'),
 * yyyy-mm-dd, or an Excel serial number. Day first, as in Vietnam.
 */
export function readDate(cell: SheetCell): DateReading {
  if (cell.date) return { ok: true, value: cell.date.toISOString().slice(0, 10) };
  const text = cell.text.trim();
  if (cell.number !== undefined && Number.isInteger(cell.number) && cell.number > 1 && cell.number < 80_000) {
    return { ok: true, value: new Date(EXCEL_EPOCH_MS + cell.number * 86_400_000).toISOString().slice(0, 10) };
  }
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const parts = dayFirst ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])] : yearFirst ? [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])] : null;
  if (!parts) return { ok: false, problem: `Không đọc được ngày "${text}".`, suggestion: 'Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/03/1990.' };
  const [year, month, day] = parts as [number, number, number];
  const iso = isoIfReal(year, month, day);
  if (!iso) return { ok: false, problem: `Ngày "${text}" không có thật.`, suggestion: 'Kiểm tra lại ngày và tháng (ngày/tháng/năm).' };
  return { ok: true, value: iso };
}
