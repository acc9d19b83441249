import { describe, expect, it } from 'vitest';
import { committeeOf, memberFixPath, staleAlertFixPath, type ModulePaths } from './links.ts';

const paths: ModulePaths = {
  wardPath: (committeeId, ...segments) => ['/ward', committeeId, ...segments].join('/'),
  cellPath: (cellId, ...segments) => ['/cell', cellId, ...segments].join('/'),
};
const cell = { id: 'c1', kind: 'CELL', parent: { id: 'w1' } };
const ward = { id: 'w1', kind: 'GRASSROOTS_COMMITTEE', parent: { id: 'd1' } };

describe('where a data-quality item is fixed', () => {
  it('a member in a cell: the cell module’s member page (the profile is edited there)', () => {
    expect(memberFixPath(paths, 'm1', cell)).toBe('/cell/c1/members/m1');
    expect(memberFixPath(paths, 'm1', { id: 'g1', kind: 'GRASSROOTS_CELL' })).toBe('/cell/g1/members/m1');
  });

  it('a member recorded at a committee: the ward module’s member page, where a transfer to a cell starts', () => {
    expect(memberFixPath(paths, 'm1', ward)).toBe('/ward/w1/members/m1');
    expect(memberFixPath(paths, 'm1', null)).toBeUndefined();
  });

  it('stale alerts: tasks and meetings in the cell module, review cycles in the committee’s grading', () => {
    expect(staleAlertFixPath(paths, 'UNATTENDED_TASK', cell)).toBe('/cell/c1/tasks');
    expect(staleAlertFixPath(paths, 'NO_MEETING_LAST_MONTH', cell)).toBe('/cell/c1/meetings');
    expect(staleAlertFixPath(paths, 'CYCLE_OVERDUE', ward)).toBe('/ward/w1/grading');
    expect(committeeOf(cell)).toBe('w1');
  });
});
