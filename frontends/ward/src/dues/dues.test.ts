import { describe, expect, it } from 'vitest';
import { collectedShare, formatMoney, formatRate, monthLabel, monthRange } from './dues.ts';

describe('monthRange', () => {
  it('covers the whole of an earlier year and the ended months of this one', () => {
    expect(monthRange(2025, '2026-12-05')).toEqual({ fromMonth: '2025-01', toMonth: '2025-12' });
    expect(monthRange(2026, '2026-12-05')).toEqual({ fromMonth: '2026-01', toMonth: '2026-11' });
    expect(monthRange(2026, '2026-01-20')).toBeUndefined();
    expect(monthRange(2027, '2026-12-05')).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes money, months and rates the Vietnamese way', () => {
    expect(formatMoney(1250000)).toBe('1.250.000 đ');
    expect(formatMoney(0)).toBe('0 đ');
    expect(monthLabel('2026-03')).toBe('03/2026');
    expect(collectedShare(90, 100)).toBe('90 %');
    expect(collectedShare(2, 3)).toBe('66,7 %');
    expect(collectedShare(0, 0)).toBe('');
    expect(formatRate(0.875)).toBe('87,5 %');
    expect(formatRate(null)).toBe('—');
  });
});
