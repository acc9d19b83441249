import { describe, expect, it } from 'vitest';
import { reopenInput, reopenSchema } from './reopen.ts';

describe('reopening a closed review cycle', () => {
  it('requires a reason', () => {
    const blank = reopenSchema.safeParse({ reason: '  ' });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Nhập lý do mở lại kỳ đánh giá.' });
  });

  it('sends the trimmed reason with the cycle', () => {
    const values = reopenSchema.parse({ reason: ' Kỷ luật ghi nhận muộn ' });
    expect(reopenInput('c-1', values)).toEqual({ cycleId: 'c-1', reason: 'Kỷ luật ghi nhận muộn' });
  });

  it('refuses a reason longer than 1000 characters', () => {
    expect(reopenSchema.safeParse({ reason: 'x'.repeat(1001) }).success).toBe(false);
  });
});
