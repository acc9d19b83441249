import { describe, expect, it } from 'vitest';
import { monthsInclusive, monthStart, shiftMonth } from './months.ts';

describe('months', () => {
  it('reads YYYY-MM and nothing else', () => {
    expect(monthStart('2026-03')).toBe('2026-03-01');
    expect(monthStart('2026-13')).toBeNull();
    expect(monthStart('2026-3')).toBeNull();
    expect(monthStart('2026-03-01')).toBeNull();
  });

  it('shifts across years both ways', () => {
    expect(shiftMonth('2026-12-01', 1)).toBe('2027-01-01');
    expect(shiftMonth('2026-01-01', -1)).toBe('2025-12-01');
    expect(shiftMonth('2026-06-01', 12)).toBe('2027-06-01');
  });

  it('counts both ends: 12 months from June to May, 13 to June', () => {
    expect(monthsInclusive('2026-06-01', '2027-05-01')).toBe(12);
    expect(monthsInclusive('2026-06-01', '2027-06-01')).toBe(13);
    expect(monthsInclusive('2026-06-01', '2026-06-01')).toBe(1);
  });
});
