import { DomainError } from '@dangvien/server';
import { describe, expect, it } from 'vitest';
import { checkKindAndPeriod } from './transfer.ts';

/** The durations of DOMAIN.md §2: temporary work or residence 3 to 12 months, study 3 to 24 months; official transfers have none. */
describe('transfer kinds and periods', () => {
  const refused = (run: () => unknown, field: string) => {
    expect(run).toThrow(DomainError);
    try {
      run();
    } catch (error) {
      expect((error as DomainError & { extensions: { field: string } }).extensions.field).toBe(field);
    }
  };

  it('accepts temporary stays from 3 months up to the limit, inclusive', () => {
    expect(checkKindAndPeriod('TEMPORARY', 'WORK', '2026-01-31', '2026-04-30')).toBe('2026-04-30');
    expect(checkKindAndPeriod('TEMPORARY', 'RESIDENCE', '2026-03-01', '2027-03-01')).toBe('2027-03-01');
    expect(checkKindAndPeriod('TEMPORARY', 'STUDY', '2026-09-01', '2028-09-01')).toBe('2028-09-01');
  });

  it('refuses stays shorter than 3 months or longer than the limit', () => {
    refused(() => checkKindAndPeriod('TEMPORARY', 'WORK', '2026-03-01', '2026-05-31'), 'temporaryUntil');
    refused(() => checkKindAndPeriod('TEMPORARY', 'WORK', '2026-03-01', '2027-03-02'), 'temporaryUntil');
    refused(() => checkKindAndPeriod('TEMPORARY', 'STUDY', '2026-09-01', '2028-09-02'), 'temporaryUntil');
    refused(() => checkKindAndPeriod('TEMPORARY', 'WORK', '2026-03-01', null), 'temporaryUntil');
  });

  it('matches reasons to kinds', () => {
    expect(checkKindAndPeriod('OFFICIAL', 'RETIREMENT', '2026-03-01', null)).toBeNull();
    refused(() => checkKindAndPeriod('OFFICIAL', 'STUDY', '2026-03-01', null), 'reason');
    refused(() => checkKindAndPeriod('OFFICIAL', 'JOB_CHANGE', '2026-03-01', '2026-09-01'), 'temporaryUntil');
    refused(() => checkKindAndPeriod('TEMPORARY', 'PERMANENT_MOVE', '2026-03-01', '2026-09-01'), 'reason');
  });
});
