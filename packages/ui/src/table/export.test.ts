import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { nodeText, sheetRows, xlsxFileName } from './export-text.ts';

describe('nodeText', () => {
  it('keeps strings and lone numbers as they are', () => {
    expect(nodeText('Chi bộ Tổ dân phố số 1')).toBe('Chi bộ Tổ dân phố số 1');
    expect(nodeText(12)).toBe(12);
    expect(nodeText(0)).toBe(0);
    expect(nodeText(null)).toBeNull();
    expect(nodeText(false)).toBeNull();
  });

  it('reads the text of elements, nested and in fragments, as the browser shows it', () => {
    const badge = createElement('span', { className: 'dv-badge' }, 'Hoàn thành tốt nhiệm vụ');
    expect(nodeText(badge)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(nodeText(createElement(Fragment, null, 'Điểm ', createElement('strong', null, 85), ' / 100'))).toBe('Điểm 85 / 100');
    expect(nodeText([createElement('span', { key: 'a' }, 'a'), null, createElement('span', { key: 'b' }, 7)])).toBe('a7');
  });
});

describe('sheetRows', () => {
  it('puts the headers first, then each row in column order', () => {
    const columns = [
      { header: 'Họ và tên', value: (row: { name: string; score: number }) => row.name },
      { header: 'Điểm', value: (row: { name: string; score: number }) => row.score },
    ];
    expect(sheetRows(columns, [{ name: 'Đỗ Minh Mai', score: 95 }, { name: 'Lê Kim Mai', score: 72 }])).toEqual([
      ['Họ và tên', 'Điểm'],
      ['Đỗ Minh Mai', 95],
      ['Lê Kim Mai', 72],
    ]);
  });
});

describe('xlsxFileName', () => {
  it('ends in .xlsx once and drops characters file systems refuse', () => {
    expect(xlsxFileName('xep-loai-2026')).toBe('xep-loai-2026.xlsx');
    expect(xlsxFileName('no/đảng phí: 2026.xlsx')).toBe('no-đảng phí- 2026.xlsx');
    expect(xlsxFileName('  ')).toBe('bang.xlsx');
  });
});
