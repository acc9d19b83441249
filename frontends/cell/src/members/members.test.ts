import { describe, expect, it } from 'vitest';
import { matchesSearch } from '@dangvien/ui';
import { countTags, lastTwelveMonths, listMembers, nameSortKey, withTag } from './members.ts';
import { profileDefaults, profileInput, profileSchema } from './profile.ts';
import type { MemberList, MemberRecord, RosterMember } from './queries.ts';

const cell = 'cell-1';
const roster = (id: string, fullName: string, status: RosterMember['status']): RosterMember => ({ id, fullName, status, dateOfBirth: '1950-01-01', latestReview: null });

const data: MemberList = {
  orgUnit: {
    id: cell,
    members: [roster('1', 'Trần Văn Bình', 'OFFICIAL'), roster('2', 'Nguyễn Thị Ân', 'PROBATIONARY'), roster('3', 'Lê Văn An', 'EXEMPT'), roster('4', 'Phạm Hữu Long', 'OFFICIAL')],
    temporaryHere: [{ id: '4' }],
    residentWorkingMembers: [
      { id: 'r1', memberId: '9', memberName: 'Đặng Quang Hải', member: null, workplaceCell: { id: 'x', name: 'Chi bộ Sở Tư pháp' } },
    ],
  },
  memberTransfers: [
    // away: a temporary letter from this cell, presented, not back yet
    { id: 't1', kind: 'TEMPORARY', direction: 'WITHIN', memberName: 'Vũ Thị Mai', member: null, fromCell: { id: cell }, toCell: { id: 'y', name: 'Chi bộ xóm 2' }, externalOrganization: null, presentedOn: '2026-06-01', returnedOn: null, temporaryUntil: '2027-01-01' },
    // back already
    { id: 't2', kind: 'TEMPORARY', direction: 'WITHIN', memberName: 'Trần Văn Bình', member: { id: '1' }, fromCell: { id: cell }, toCell: { id: 'y', name: 'Chi bộ xóm 2' }, externalOrganization: null, presentedOn: '2025-01-01', returnedOn: '2025-06-01', temporaryUntil: '2025-07-01' },
    // an official move, and a letter not presented yet: not away
    { id: 't3', kind: 'OFFICIAL', direction: 'WITHIN', memberName: 'Hồ Văn Nam', member: null, fromCell: { id: cell }, toCell: { id: 'y', name: 'Chi bộ xóm 2' }, externalOrganization: null, presentedOn: '2026-01-01', returnedOn: null, temporaryUntil: null },
    { id: 't4', kind: 'TEMPORARY', direction: 'WITHIN', memberName: 'Phạm Hữu Long', member: { id: '4' }, fromCell: { id: 'z' }, toCell: { id: cell, name: 'Chi bộ 1' }, externalOrganization: null, presentedOn: '2026-05-01', returnedOn: null, temporaryUntil: '2027-01-01' },
  ],
};

describe('listMembers', () => {
  const list = listMembers(data, cell);
  it('lists the roster, the working members living here and the members away, by given name', () => {
    expect(list.map((member) => member.fullName)).toEqual(['Lê Văn An', 'Nguyễn Thị Ân', 'Trần Văn Bình', 'Đặng Quang Hải', 'Phạm Hữu Long', 'Vũ Thị Mai']);
  });
  it('tags each with its status and where it does party activity', () => {
    const tags = Object.fromEntries(list.map((member) => [member.fullName, member.tags]));
    expect(tags).toEqual({
      'Lê Văn An': ['exempt'],
      'Nguyễn Thị Ân': ['probationary'],
      'Trần Văn Bình': ['official'],
      'Đặng Quang Hải': ['working213'],
      'Phạm Hữu Long': ['official', 'temporaryHere'],
      'Vũ Thị Mai': ['temporaryAway'],
    });
    expect(list.find((member) => member.fullName === 'Vũ Thị Mai')).toMatchObject({ memberId: null, elsewhere: 'Chi bộ xóm 2' });
  });
  it('counts and filters by tag', () => {
    expect(countTags(list)).toMatchObject({ official: 2, probationary: 1, exempt: 1, working213: 1, temporaryHere: 1, temporaryAway: 1, other: 0 });
    expect(withTag(list, 'official').map((member) => member.fullName)).toEqual(['Trần Văn Bình', 'Phạm Hữu Long']);
    expect(withTag(list, 'all')).toHaveLength(6);
  });
  it('is found by a name typed without diacritics', () => {
    expect(list.filter((member) => matchesSearch(member.fullName, 'nguyen thi an')).map((member) => member.fullName)).toEqual(['Nguyễn Thị Ân']);
    expect(list.filter((member) => matchesSearch(member.fullName, 'dang hai')).map((member) => member.fullName)).toEqual(['Đặng Quang Hải']);
  });
  it('sorts by given name first', () => {
    expect(nameSortKey('Nguyễn Thị  Ân')).toBe('Ân Nguyễn Thị');
  });
});

describe('the record form', () => {
  const schema = profileSchema('2026-12-04');
  const member = { fullName: 'Nguyễn Thị Ân', ethnicity: null, citizenId: null, sex: 'FEMALE', dateOfBirth: '1990-04-12' } as unknown as MemberRecord;
  const values = { ...profileDefaults(member) };

  it('starts from the record, empty boxes for what is not recorded', () => {
    expect(values).toMatchObject({ fullName: 'Nguyễn Thị Ân', sex: 'FEMALE', ethnicity: '', citizenId: '', politicalTheoryLevel: '' });
  });
  it('refuses what the server refuses, in Vietnamese', () => {
    const messages = (changes: Record<string, string>) => {
      const result = schema.safeParse({ ...values, ...changes });
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(messages({})).toEqual([]);
    expect(messages({ citizenId: '0360 9000 1234' })).toEqual([]);
    expect(messages({ citizenId: '12345' })).toEqual(['citizenId: Số CCCD phải gồm đúng 12 chữ số.']);
    expect(messages({ fullName: '  ' })).toEqual(['fullName: Nhập họ và tên.']);
    expect(messages({ dateOfBirth: '2027-01-01' })).toEqual(['dateOfBirth: Ngày sinh không hợp lệ (không sau hôm nay, không trước năm 1900).']);
    expect(messages({ phone: 'abc' })).toEqual(['phone: Số điện thoại không hợp lệ.']);
  });
  it('sends only the boxes changed, an emptied box as null', () => {
    const parsed = schema.parse({ ...values, citizenId: '036 090 001 234', ethnicity: 'Kinh', dateOfBirth: '' });
    expect(profileInput(parsed, { citizenId: true, ethnicity: true, dateOfBirth: true })).toEqual({ citizenId: '036090001234', ethnicity: 'Kinh', dateOfBirth: null });
  });
});

describe('lastTwelveMonths', () => {
  it('goes back eleven months before the current one, across the year', () => {
    expect(lastTwelveMonths('2026-12')).toEqual({ fromMonth: '2026-01', toMonth: '2026-12' });
    expect(lastTwelveMonths('2026-03')).toEqual({ fromMonth: '2025-04', toMonth: '2026-03' });
  });
});
