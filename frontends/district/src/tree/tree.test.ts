import { describe, expect, it } from 'vitest';
import { countByKind, type TreeUnit } from './tree.ts';

describe('countByKind', () => {
  it('counts every level of the tree, top-down by kind', () => {
    const roots: TreeUnit[] = [
      {
        id: 'd',
        name: 'Đảng bộ huyện Xuân Trường',
        kind: 'DISTRICT',
        children: [
          { id: 'w1', name: 'Đảng bộ xã Xuân Ngọc', kind: 'GRASSROOTS_COMMITTEE', children: [
            { id: 'c1', name: 'Chi bộ xóm 1', kind: 'CELL' },
            { id: 'c2', name: 'Chi bộ xóm 2', kind: 'CELL' },
          ] },
          { id: 'g1', name: 'Chi bộ Trường THPT', kind: 'GRASSROOTS_CELL', children: [] },
          { id: 'w2', name: 'Đảng bộ thị trấn', kind: 'GRASSROOTS_COMMITTEE', children: [{ id: 'c3', name: 'Chi bộ khu 1', kind: 'CELL' }] },
        ],
      },
    ];
    expect(countByKind(roots)).toEqual([
      { kind: 'DISTRICT', count: 1 },
      { kind: 'GRASSROOTS_COMMITTEE', count: 2 },
      { kind: 'GRASSROOTS_CELL', count: 1 },
      { kind: 'CELL', count: 3 },
    ]);
  });

  it('is empty for no units', () => {
    expect(countByKind([])).toEqual([]);
  });
});
