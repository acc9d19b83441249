import { compareVietnameseNames, compareVietnameseText } from '@dangvien/ui';
import type { MemberStatus } from '../generated/graphql.ts';
import type { CellTask, TaskRosterMember } from './queries.ts';

export type TaskState = 'unattended' | 'overdue' | 'done' | 'ongoing';

/** The one state a secretary should see first: a forgotten task (sót việc) before an overdue one. */
export function taskState(task: Pick<CellTask, 'done' | 'overdue' | 'unattended'>): TaskState {
  if (task.unattended) return 'unattended';
  if (task.overdue) return 'overdue';
  if (task.done) return 'done';
  return 'ongoing';
}

const ORDER: Record<TaskState, number> = { unattended: 0, overdue: 1, ongoing: 2, done: 3 };
export const TASK_STATES = Object.keys(ORDER) as TaskState[];

/** Tasks needing action first, then by title in Vietnamese order. */
export function sortTasks(tasks: readonly CellTask[]): CellTask[] {
  return [...tasks].sort((a, b) => ORDER[taskState(a)] - ORDER[taskState(b)] || compareVietnameseText(a.title, b.title));
}

/** The tasks in the four lists the page shows, in that order: sót việc, quá hạn, đang thực hiện, đã hoàn thành. */
export function groupTasks(tasks: readonly CellTask[]): Record<TaskState, CellTask[]> {
  const groups: Record<TaskState, CellTask[]> = { unattended: [], overdue: [], ongoing: [], done: [] };
  for (const task of sortTasks(tasks)) groups[taskState(task)].push(task);
  return groups;
}

const ON_ROSTER: readonly MemberStatus[] = ['OFFICIAL', 'PROBATIONARY'];

/** Who can be given a task: members taking part in party life (exempt members are not), by given name. */
export function assignableMembers(members: readonly TaskRosterMember[]): TaskRosterMember[] {
  return members.filter((member) => ON_ROSTER.includes(member.status)).sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
}

/** The assignment in force (the last one, not ended). */
export function currentAssignment(task: Pick<CellTask, 'assignments'>): CellTask['assignments'][number] | undefined {
  return task.assignments.findLast((assignment) => assignment.endedOn == null) ?? task.assignments.at(-1);
}

/** The latest review, if any (reviews come oldest first). */
export function latestReview(task: Pick<CellTask, 'reviews'>): CellTask['reviews'][number] | undefined {
  return task.reviews.at(-1);
}

/** The households box holds one household a line; blank lines are dropped. */
export function householdList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
