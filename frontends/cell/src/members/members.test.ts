import { describe, expect, it } from 'vitest';
import { visibleMembers } from './members.ts';
import type { CellMember } from './queries.ts';

const member = (id: string, fullName: string): CellMember => ({ id, fullName, status: 'OFFICIAL', latestReview: null });
const members = [
  member('1', 'Trần Văn Bình'),
  member('2', 'Nguyễn Văn An'),
  member('3', 'Đặng Thị Ân'),
  member('4', 'Lê Văn An'),
];
const names = (list: CellMember[]) => list.map((m) => m.fullName);

describe('visibleMembers', () => {
  it('sorts by given name, then family name', () => {
    expect(names(visibleMembers(members, ''))).toEqual(['Lê Văn An', 'Nguyễn Văn An', 'Đặng Thị Ân', 'Trần Văn Bình']);
  });

  it('finds names typed without diacritics', () => {
    expect(names(visibleMembers(members, 'nguyen van an'))).toEqual(['Nguyễn Văn An']);
    expect(names(visibleMembers(members, 'dang'))).toEqual(['Đặng Thị Ân']);
    expect(names(visibleMembers(members, 'an'))).toEqual(['Lê Văn An', 'Nguyễn Văn An', 'Đặng Thị Ân']);
  });
});
