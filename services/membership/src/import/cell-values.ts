import { foldText } from '@dangvien/server';
import type { SheetCell } from '@dangvien/spreadsheet';
import type { PoliticalTheoryLevel, Sex } from '../generated/graphql.ts';

/* Readings of the member register's own columns; dates and text come from @dangvien/spreadsheet. */

/** CCCD: 12 digits; spaces and dots are dropped. An 11-digit number most likely lost its leading 0 in Excel. */
export function readCitizenId(cell: SheetCell): { ok: true; value: string } | { ok: false; problem: string; suggestion: string } {
  const digits = cell.text.replace(/[\s.]/g, '');
  if (/^[0-9]{12}$/.test(digits)) return { ok: true, value: digits };
  if (/^[0-9]{11}$/.test(digits)) {
    return { ok: false, problem: `Số CCCD "${cell.text}" có 11 chữ số.`, suggestion: `Có lẽ Excel đã bỏ số 0 đầu: 0${digits}. Định dạng cột là Văn bản (Text).` };
  }
  return { ok: false, problem: `Số CCCD "${cell.text}" không đúng: phải gồm đúng 12 chữ số.`, suggestion: 'Đối chiếu lại với thẻ căn cước.' };
}

export function readSex(text: string): Sex | null | undefined {
  const folded = foldText(text);
  if (folded === '') return null;
  if (['nam', 'm', 'male'].includes(folded)) return 'MALE';
  if (['nu', 'f', 'female'].includes(folded)) return 'FEMALE';
  return undefined;
}

export const SEX_LABELS: Record<Sex, string> = { MALE: 'Nam', FEMALE: 'Nữ' };

export const THEORY_LEVEL_LABELS: Record<PoliticalTheoryLevel, string> = { SO_CAP: 'Sơ cấp', TRUNG_CAP: 'Trung cấp', CAO_CAP: 'Cao cấp', CU_NHAN: 'Cử nhân' };
const THEORY_LEVELS = Object.keys(THEORY_LEVEL_LABELS) as PoliticalTheoryLevel[];

export function readTheoryLevel(text: string): PoliticalTheoryLevel | null | undefined {
  const folded = foldText(text);
  if (folded === '') return null;
  return THEORY_LEVELS.find((code) => foldText(THEORY_LEVEL_LABELS[code]) === folded || code.toLowerCase() === folded);
}

/** dd/mm/yyyy, as the register is read. */
export function displayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
