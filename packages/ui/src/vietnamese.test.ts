import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, compareVietnameseText, foldDiacritics, formatDate, matchesSearch } from './vietnamese.ts';

describe('foldDiacritics', () => {
  it('removes tones and vowel marks and lower-cases', () => {
    expect(foldDiacritics('Nguyễn Văn Ấn')).toBe('nguyen van an');
    expect(foldDiacritics('Phạm Thị Hường')).toBe('pham thi huong');
    expect(foldDiacritics('Ơn Ưu Ỷ')).toBe('on uu y');
  });

  it('maps đ and Đ to d', () => {
    expect(foldDiacritics('Đặng Đình Đức')).toBe('dang dinh duc');
    expect(foldDiacritics('đảng viên')).toBe('dang vien');
  });

  it('treats precomposed and decomposed input alike and collapses spaces', () => {
    expect(foldDiacritics('Nguye\u0302\u0303n  Va\u0306n ')).toBe('nguyen van');
  });
});

describe('matchesSearch', () => {
  it('finds names typed without diacritics', () => {
    expect(matchesSearch('Nguyễn Văn A', 'nguyen van a')).toBe(true);
    expect(matchesSearch('Trần Thị Đào', 'dao')).toBe(true);
    expect(matchesSearch('Trần Thị Đào', 'tran dao')).toBe(true);
    expect(matchesSearch('Trần Thị Đào', 'nguyen')).toBe(false);
  });

  it('matches the start of words, not any substring', () => {
    expect(matchesSearch('Nguyễn Văn Ân', 'an')).toBe(true);
    expect(matchesSearch('Lê Thị Anh', 'an')).toBe(true);
    expect(matchesSearch('Trần Văn Bình', 'an')).toBe(false);
    expect(matchesSearch('Trần Văn Bình', 'tr bi')).toBe(true);
  });

  it('matches everything for an empty query', () => {
    expect(matchesSearch('Lê Văn Bình', '  ')).toBe(true);
  });
});

describe('compareVietnameseNames', () => {
  const sort = (names: string[]) => [...names].sort(compareVietnameseNames);

  it('sorts by given name first, not by family name', () => {
    expect(sort(['Nguyễn Văn Bình', 'Trần Thị An', 'Lê Văn Cường'])).toEqual([
      'Trần Thị An',
      'Nguyễn Văn Bình',
      'Lê Văn Cường',
    ]);
  });

  it('breaks ties on given name by family and middle names', () => {
    expect(sort(['Trần Thị Lan', 'Nguyễn Văn Lan', 'Nguyễn Thị Lan'])).toEqual([
      'Nguyễn Thị Lan',
      'Nguyễn Văn Lan',
      'Trần Thị Lan',
    ]);
  });

  it('follows the Vietnamese alphabet where code-point order does not', () => {
    // Code points put Á, Â, Đ after every plain Latin letter.
    expect(sort(['Lê Văn Bình', 'Phạm Thị Ánh', 'Hoàng Đức', 'Vũ Văn Dũng', 'Hà Thị Ân'])).toEqual([
      'Phạm Thị Ánh',
      'Hà Thị Ân',
      'Lê Văn Bình',
      'Vũ Văn Dũng',
      'Hoàng Đức',
    ]);
  });

  it('orders the letters a, ă, â and d, đ as the alphabet does', () => {
    expect(sort(['X Ân', 'X Ăn', 'X An'])).toEqual(['X An', 'X Ăn', 'X Ân']);
    expect(sort(['X Đào', 'X Dung'])).toEqual(['X Dung', 'X Đào']);
  });

  it('returns 0 only for identical names', () => {
    expect(compareVietnameseNames('Nguyễn Văn A', 'Nguyễn Văn A')).toBe(0);
    expect(compareVietnameseNames('Nguyễn Văn A', 'Nguyễn Văn Á')).not.toBe(0);
  });
});

describe('compareVietnameseText', () => {
  it('sorts unit names alphabetically with numbers in numeric order', () => {
    expect(['Chi bộ 10', 'Chi bộ Đông', 'Chi bộ 2', 'Chi bộ Ân Phú'].sort(compareVietnameseText)).toEqual([
      'Chi bộ 2',
      'Chi bộ 10',
      'Chi bộ Ân Phú',
      'Chi bộ Đông',
    ]);
  });
});

describe('formatDate', () => {
  it('formats ISO dates as dd/MM/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('1999-12-31')).toBe('31/12/1999');
  });

  it('keeps the written calendar date of a timestamp', () => {
    expect(formatDate('2025-01-05T23:30:00-07:00')).toBe('05/01/2025');
  });

  it('formats Date objects in local time', () => {
    expect(formatDate(new Date(2024, 1, 29))).toBe('29/02/2024');
  });

  it('returns an empty string for missing or invalid input', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('hôm qua')).toBe('');
    expect(formatDate(new Date('invalid'))).toBe('');
  });
});
