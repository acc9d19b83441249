import { describe, expect, it } from 'vitest';
import { addDays, sortCounts, sortUnits } from './tree.ts';

describe('sortUnits', () => {
  it('puts committees before cells and compares numbers as numbers, in the Vietnamese alphabet', () => {
    const units = [
      { name: 'Chi bộ 10', kind: 'CELL' as const },
      { name: 'Chi bộ 2', kind: 'CELL' as const },
      { name: 'Đảng bộ xã Xuân Ninh', kind: 'GRASSROOTS_COMMITTEE' as const },
      { name: 'Chi bộ Ấp Bắc', kind: 'CELL' as const },
      { name: 'Chi bộ An Bình', kind: 'CELL' as const },
      { name: 'Chi bộ 1', kind: 'CELL' as const },
      { name: 'Đảng bộ phường 10', kind: 'GRASSROOTS_COMMITTEE' as const },
      { name: 'Đảng bộ phường 9', kind: 'GRASSROOTS_COMMITTEE' as const },
    ];
    expect(sortUnits(units).map((unit) => unit.name)).toEqual([
      'Đảng bộ phường 9',
      'Đảng bộ phường 10',
      'Đảng bộ xã Xuân Ninh',
      'Chi bộ 1',
      'Chi bộ 2',
      'Chi bộ 10',
      'Chi bộ An Bình',
      'Chi bộ Ấp Bắc',
    ]);
  });
});

describe('sortCounts', () => {
  it('orders the counts top-down by kind', () => {
    expect(sortCounts([{ kind: 'CELL', count: 9 }, { kind: 'DISTRICT', count: 1 }, { kind: 'GRASSROOTS_COMMITTEE', count: 3 }]).map((row) => row.kind)).toEqual([
      'DISTRICT',
      'GRASSROOTS_COMMITTEE',
      'CELL',
    ]);
  });
});

describe('addDays', () => {
  it('moves across months and years on the calendar', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});
