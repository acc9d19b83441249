import { compareVietnameseText } from '@dangvien/ui';
import type { CellTask } from './queries.ts';

export type TaskState = 'unattended' | 'overdue' | 'done' | 'ongoing';

/** The one state a secretary should see first: a forgotten task (sót việc) before an overdue one. */
export function taskState(task: Pick<CellTask, 'done' | 'overdue' | 'unattended'>): TaskState {
  if (task.unattended) return 'unattended';
  if (task.overdue) return 'overdue';
  if (task.done) return 'done';
  return 'ongoing';
}

const ORDER: Record<TaskState, number> = { unattended: 0, overdue: 1, ongoing: 2, done: 3 };

/** Tasks needing action first, then by title in Vietnamese order. */
export function sortTasks(tasks: readonly CellTask[]): CellTask[] {
  return [...tasks].sort((a, b) => ORDER[taskState(a)] - ORDER[taskState(b)] || compareVietnameseText(a.title, b.title));
}
