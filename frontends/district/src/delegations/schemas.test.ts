import { describe, expect, it } from 'vitest';
import { ratingSchema, todayInVietnam } from './schemas.ts';

const dayAfter = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const rating = (ratedOn: string) => ratingSchema.safeParse({ grade: 'GOOD', comment: '', ratedOn, decisionNumber: '5-KL/HU' });

describe('the rating form refuses what the server refuses', () => {
  it('a rating dated after today, with the server’s message naming the date', () => {
    const tomorrow = dayAfter(todayInVietnam(), 1);
    const result = rating(tomorrow);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['ratedOn', `Ngày đánh giá ${tomorrow.split('-').reverse().join('/')} chưa đến.`]]);
  });

  it('accepts a rating dated today or earlier', () => {
    expect(rating(todayInVietnam()).success).toBe(true);
    expect(rating('2018-12-30').success).toBe(true);
  });
});
