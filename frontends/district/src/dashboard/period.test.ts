import { describe, expect, it } from 'vitest';
import { duesMonths, formatMoney, formatRate, lastYear, periodFromSearch, periodSearch, thisQuarter, thisYear } from './period.ts';

const today = new Date('2026-12-05T03:00:00Z'); // 5 December 2026, 10:00 in Hà Nội

describe('the period in the address', () => {
  it('reads a valid period and falls back to this year for a missing or wrong one', () => {
    expect(periodFromSearch(new URLSearchParams('from=2025-01-01&to=2025-12-31'), today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodFromSearch(new URLSearchParams(''), today)).toEqual({ from: '2026-01-01', to: '2026-12-05' });
    expect(periodFromSearch(new URLSearchParams('from=2025-12-31&to=2025-01-01'), today)).toEqual(thisYear(today));
    expect(periodFromSearch(new URLSearchParams('from=2025-13-01&to=2025-12-31'), today)).toEqual(thisYear(today));
    expect(periodSearch({ from: '2025-01-01', to: '2025-12-31' })).toBe('?from=2025-01-01&to=2025-12-31');
  });

  it('offers this year, last year and this quarter', () => {
    expect(lastYear(today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(thisQuarter(today)).toEqual({ from: '2026-10-01', to: '2026-12-05' });
    // 20:00 UTC on 31 December is already New Year's Day in Vietnam, whatever the browser's zone.
    expect(thisYear(new Date('2026-12-31T20:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(thisQuarter(new Date(2026, 1, 3))).toEqual({ from: '2026-01-01', to: '2026-02-03' });
  });
});

describe('the months of dues a period covers', () => {
  it('stops at the month before this one, and has none when the period has not ended a month', () => {
    expect(duesMonths({ from: '2025-01-01', to: '2025-12-31' }, today)).toEqual({ fromMonth: '2025-01', toMonth: '2025-12' });
    expect(duesMonths({ from: '2026-01-01', to: '2026-12-05' }, today)).toEqual({ fromMonth: '2026-01', toMonth: '2026-11' });
    expect(duesMonths({ from: '2026-12-01', to: '2026-12-05' }, today)).toBeUndefined();
    expect(duesMonths({ from: '2026-01-01', to: '2026-01-20' }, new Date(2026, 0, 20))).toBeUndefined();
  });

  it('writes money and rates the Vietnamese way', () => {
    expect(formatMoney(1250000)).toBe('1.250.000 đ');
    expect(formatRate(0.875)).toBe('87,5 %');
    expect(formatRate(null)).toBe('—');
  });
});
