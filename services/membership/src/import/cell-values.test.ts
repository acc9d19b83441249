import { describe, expect, it } from 'vitest';
import { cleanText, readDate } from '@dangvien/spreadsheet';
import { readCitizenId, readSex } from './cell-values.ts';
import { headerSetKey, suggestMapping } from './columns.ts';

describe('reading cells as clerks write them', () => {
  it('reads dates day first, in the forms Vietnamese spreadsheets use, and refuses impossible ones', () => {
    expect(readDate({ text: '05/03/1990' })).toEqual({ ok: true, value: '1990-03-05' });
    expect(readDate({ text: '5/3/1990' })).toEqual({ ok: true, value: '1990-03-05' });
    expect(readDate({ text: '05-03-1990' })).toEqual({ ok: true, value: '1990-03-05' });
    expect(readDate({ text: '1990-03-05' })).toEqual({ ok: true, value: '1990-03-05' });
    expect(readDate({ text: '', date: new Date(Date.UTC(1990, 2, 5)) })).toEqual({ ok: true, value: '1990-03-05' });
    expect(readDate({ text: '32874', number: 32874 })).toEqual({ ok: true, value: '1990-01-01' });
    expect(readDate({ text: '31/02/1990' })).toMatchObject({ ok: false, problem: expect.stringContaining('không có thật') });
    expect(readDate({ text: 'tháng 3' })).toMatchObject({ ok: false });
  });

  it('reads a CCCD of 12 digits and explains the 11-digit one Excel made', () => {
    expect(readCitizenId({ text: '0361 9000 0022' })).toEqual({ ok: true, value: '036190000022' });
    expect(readCitizenId({ text: '36190000022', number: 36190000022 })).toMatchObject({ ok: false, suggestion: expect.stringContaining('036190000022') });
    expect(readCitizenId({ text: '12345' })).toMatchObject({ ok: false });
  });

  it('normalizes text to NFC with single spaces and says when it did', () => {
    expect(cleanText('  Trần   Thị Bình '.normalize('NFD'))).toEqual({ value: 'Trần Thị Bình', changed: true, wasNfd: true });
    expect(cleanText('Trần Thị Bình')).toEqual({ value: 'Trần Thị Bình', changed: false, wasNfd: false });
    expect([readSex('Nữ'), readSex('NAM'), readSex(''), readSex('?')]).toEqual(['FEMALE', 'MALE', null, undefined]);
  });

  it('maps headers ignoring diacritics and case, each field once; the remembered key ignores order', () => {
    expect(suggestMapping(['HO VA TEN', 'Ngày sinh', 'Họ tên', 'Số CCCD:'])).toEqual([
      { header: 'HO VA TEN', field: 'FULL_NAME' },
      { header: 'Ngày sinh', field: 'DATE_OF_BIRTH' },
      { header: 'Họ tên', field: null },
      { header: 'Số CCCD:', field: 'CITIZEN_ID' },
    ]);
    expect(headerSetKey(['Ngày sinh', 'Họ và tên'])).toBe(headerSetKey(['HO VA TEN', 'ngay sinh']));
  });
});
