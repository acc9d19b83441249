// Pure helpers for Vietnamese text: search folding, name order, dates.

const collator = new Intl.Collator('vi', { sensitivity: 'base' });
const tieBreaker = new Intl.Collator('vi', { sensitivity: 'variant' });
const textCollator = new Intl.Collator('vi', { numeric: true });

/** Vietnamese alphabetical order for unit names and other labels; numbers compare as numbers. */
export function compareVietnameseText(a: string, b: string): number {
  return textCollator.compare(a, b);
}

/** Lower-cases and strips tones and vowel marks so "Nguyễn Văn Ấn" matches "nguyen van an". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // đ/Đ are letters of their own, not d plus a combining mark, so NFD leaves them.
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when every word of the query starts a word of the text, ignoring case and diacritics:
 * "an" finds "Ân" and "Anh" but not "Trần" (a plain substring match would).
 */
export function matchesSearch(text: string, query: string): boolean {
  const words = foldDiacritics(text).split(' ');
  return foldDiacritics(query)
    .split(' ')
    .every((part) => words.some((word) => word.startsWith(part)));
}

function splitName(fullName: string): { given: string; rest: string } {
  const words = fullName.trim().split(/\s+/);
  const given = words.pop() ?? '';
  return { given, rest: words.join(' ') };
}

/**
 * Vietnamese lists sort by given name (the last word), then by family and middle names,
 * using the Vietnamese alphabet (a ă â b c d đ e ê …), not code points.
 */
export function compareVietnameseNames(a: string, b: string): number {
  const left = splitName(a);
  const right = splitName(b);
  return (
    collator.compare(left.given, right.given) ||
    collator.compare(left.rest, right.rest) ||
    tieBreaker.compare(a, b)
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** dd/MM/yyyy. Takes the calendar date of an ISO string as written, so no time zone shifts it. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const dd = String(value.getDate()).padStart(2, '0');
    const mm = String(value.getMonth() + 1).padStart(2, '0');
    return `${dd}/${mm}/${String(value.getFullYear())}`;
  }
  const match = ISO_DATE.exec(value);
  if (!match) return '';
  const [yyyy, mm, dd] = match.slice(1) as [string, string, string];
  return `${dd}/${mm}/${yyyy}`;
}

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today on the records' calendar, YYYY-MM-DD: Vietnam's day, as the subgraphs count it (a date after
 * it is refused), whatever the browser's zone (not UTC, which is yesterday before 7 am in Vietnam).
 */
export function todayInVietnam(now: Date = new Date()): string {
  return VIETNAM_DAY.format(now);
}

/** This year in Vietnam: the year of `todayInVietnam`, whatever the browser's own zone. */
export function thisYearInVietnam(now: Date = new Date()): number {
  return Number(todayInVietnam(now).slice(0, 4));
}
