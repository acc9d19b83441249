import { describe, expect, it } from 'vitest';
import { compareSortValues } from './DataTable.tsx';

describe('table sorting', () => {
  it('sorts text the Vietnamese way, numbers inside text as numbers', () => {
    const names = ['Xóm 12', 'xóm 2', 'Đội 1', 'Chi bộ Tổ dân phố số 10', 'Chi bộ Tổ dân phố số 9', 'Ấp Bắc', 'An Bình'];
    expect([...names].sort(compareSortValues)).toEqual(['An Bình', 'Ấp Bắc', 'Chi bộ Tổ dân phố số 9', 'Chi bộ Tổ dân phố số 10', 'Đội 1', 'xóm 2', 'Xóm 12']);
  });

  it('sorts numbers as numbers and puts blanks last', () => {
    expect([10, null, 2, undefined, 33, ''].sort(compareSortValues)).toEqual([2, 10, 33, null, '', undefined]);
  });
});
