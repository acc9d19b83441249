import { describe, expect, it } from 'vitest';
import { commentOfYear, sortForComment } from './residence.ts';
import { commentSchema, movedSchema } from './schemas.ts';

const comment = (year: number) => ({ year, comment: 'Gương mẫu', frontCommitteeOpinion: 'Nhất trí', recordedOn: `${year}-11-20`, deliveredOn: null });
const problems = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('Regulation 213 at the residence', () => {
  it('finds the year’s comment and lists those still waiting for it first, by given name', () => {
    const members = [
      { memberName: 'Trần Văn Bình', comments: [comment(2025)] },
      { memberName: 'Lê Thị An', comments: [comment(2026)] },
      { memberName: 'Phạm Văn Cường', comments: [] },
    ];
    expect(commentOfYear(members[1]!, 2026)?.year).toBe(2026);
    expect(commentOfYear(members[0]!, 2026)).toBeUndefined();
    expect(sortForComment(members, 2026).map((member) => member.memberName)).toEqual(['Trần Văn Bình', 'Phạm Văn Cường', 'Lê Thị An']);
  });

  it('a comment needs the Front committee’s opinion and is written in its year, not after today', () => {
    const schema = commentSchema(2026, '2026-12-04');
    expect(schema.safeParse({ comment: 'Gương mẫu', frontCommitteeOpinion: 'Nhất trí', recordedOn: '2026-12-04' }).success).toBe(true);
    expect(problems(schema.safeParse({ comment: ' ', frontCommitteeOpinion: '', recordedOn: '2026-12-05' }))).toEqual({
      comment: 'Ghi nhận xét của chi bộ nơi cư trú.',
      frontCommitteeOpinion: 'Ghi ý kiến của Ban công tác Mặt trận khu dân cư.',
      recordedOn: 'Ngày nhận xét chưa đến.',
    });
    expect(problems(schema.safeParse({ comment: 'a', frontCommitteeOpinion: 'b', recordedOn: '2025-12-30' })).recordedOn).toBe(
      'Nhận xét của năm 2026 phải ghi trong năm đó (trước kiểm điểm cuối năm).',
    );
  });

  it('a move is dated between the introduction and today', () => {
    const schema = movedSchema('2026-03-01', '2026-12-04');
    expect(schema.safeParse({ occurredOn: '2026-11-30', note: '' }).success).toBe(true);
    expect(problems(schema.safeParse({ occurredOn: '2026-02-01', note: '' })).occurredOn).toBe('Ngày chuyển đi phải từ ngày 01/03/2026 (ngày giới thiệu về nơi cư trú).');
    expect(problems(schema.safeParse({ occurredOn: '2026-12-05', note: '' })).occurredOn).toBe('Ngày chuyển đi chưa đến.');
  });
});
