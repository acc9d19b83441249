/** The months a year's dues page covers: January to December, or to the month before today (YYYY-MM-DD, Vietnam's day) in the current year. */
export function monthRange(year: number, today: string): { fromMonth: string; toMonth: string } | undefined {
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) return undefined;
  const lastMonth = year < thisYear ? 12 : Number(today.slice(5, 7)) - 1; // the month before this one
  if (lastMonth === 0) return undefined; // January: no month of the year has ended
  return { fromMonth: `${year}-01`, toMonth: `${year}-${String(lastMonth).padStart(2, '0')}` };
}

/** Đồng, the Vietnamese way: 1.250.000 đ. */
export function formatMoney(amount: number): string {
  return `${Math.round(amount).toLocaleString('vi-VN').replace(/,/g, '.')} đ`;
}

/** "2026-03" → "03/2026". */
export function monthLabel(month: string): string {
  const [year, mm] = month.split('-');
  return `${mm}/${year}`;
}

/** Share collected, in percent with one decimal ("96,4 %"); blank when nothing was due. */
export function collectedShare(paid: number, due: number): string {
  if (due <= 0) return '';
  return `${(Math.round((Math.min(paid, due) / due) * 1000) / 10).toLocaleString('vi-VN')} %`;
}

/** Rate (0–1) as a Vietnamese percentage with one decimal, or a dash without data. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`;
}
