import { describe, expect, it } from 'vitest';
import type { CellTask } from './queries.ts';
import { sortTasks, taskState } from './tasks.ts';

const task = (title: string, change: Partial<CellTask> = {}): CellTask => ({
  id: title,
  title,
  area: null,
  households: [],
  startsOn: '2026-01-05',
  endsOn: null,
  assignee: null,
  done: false,
  overdue: false,
  unattended: null,
  ...change,
});

describe('tasks', () => {
  it('shows a forgotten task (sót việc) before anything else, even when overdue', () => {
    expect(taskState(task('x', { unattended: 'MOVED', overdue: true }))).toBe('unattended');
    expect(taskState(task('x', { overdue: true }))).toBe('overdue');
    expect(taskState(task('x', { done: true }))).toBe('done');
    expect(taskState(task('x'))).toBe('ongoing');
  });

  it('lists forgotten, then overdue, then ongoing, then done tasks, by title within each', () => {
    const sorted = sortTasks([task('Đ', { done: true }), task('B'), task('A', { overdue: true }), task('Ă', { unattended: 'EXEMPT' }), task('Â')]);
    expect(sorted.map((item) => item.title)).toEqual(['Ă', 'A', 'Â', 'B', 'Đ']);
  });
});
