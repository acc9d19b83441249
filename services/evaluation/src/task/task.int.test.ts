import { callerWith, demoDataSet, demoId, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDatabase } from '../database.ts';
import type { TaskSummary } from '../generated/graphql.ts';
import { startEvaluationWithDemoPlacements } from '../testing.ts';

/** A cell's task through the subgraph: assigned to a member of its roster, reviewed, counted; refused for someone off the roster. */
const demo = demoDataSet();
const cell = demoId('unit', 101);
const [holder] = demo.members.filter((member) => member.cellId === cell && member.status === 'OFFICIAL');
const stranger = demo.members.find((member) => member.cellId === demoId('unit', 102) && member.status === 'OFFICIAL')!;
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });

let subgraph: TestSubgraph<EvaluationDatabase>;
beforeAll(async () => {
  subgraph = await startEvaluationWithDemoPlacements();
});
afterAll(async () => subgraph?.close());

const ASSIGN = `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id title area startsOn endsOn asOf assignee { id } done overdue unattended cell { id } } }`;
const REVIEW = `mutation ($input: ReviewTaskInput!) { reviewTask(input: $input) { result reviewedOn member { id } } }`;
const TASKS = `query ($unitId: ID!, $asOf: String) { tasks(unitId: $unitId, asOf: $asOf) { id done assignments { member { id } assignedOn endedOn } reviews { result } } }`;
const SUMMARY = `query ($unitId: ID!) { taskSummary(unitId: $unitId, year: 2025) { unitId year period total done overdue unattended } }`;
type Assigned = { assignTask: { id: string } };

describe('tasks of a cell', () => {
  it('assigns a task to a member of the roster, reviews it, and counts it done', async () => {
    const input = { cellId: cell, memberId: holder!.id, title: 'Vận động hộ gia đình', area: 'Tổ dân phố 3', startsOn: '2025-02-01', endsOn: '2025-06-30' };
    const assigned = await subgraph.post<{ assignTask: Record<string, unknown> }>(ASSIGN, { input }, secretary);
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data!.assignTask).toMatchObject({ title: input.title, area: input.area, startsOn: '2025-02-01', endsOn: '2025-06-30', asOf: '2025-02-01', assignee: { id: holder!.id }, done: false, overdue: false, unattended: null, cell: { id: cell } });
    const taskId = String(assigned.data!.assignTask.id);

    const reviewed = await subgraph.post(REVIEW, { input: { taskId, reviewedOn: '2025-06-15', result: 'DONE' } }, secretary);
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data).toEqual({ reviewTask: { result: 'DONE', reviewedOn: '2025-06-15', member: { id: holder!.id } } });

    const tasks = await subgraph.post<{ tasks: { id: string; done: boolean }[] }>(TASKS, { unitId: cell, asOf: '2025-07-01' }, secretary);
    expect(tasks.data!.tasks).toEqual([{ id: taskId, done: true, assignments: [{ member: { id: holder!.id }, assignedOn: '2025-02-01', endedOn: null }], reviews: [{ result: 'DONE' }] }]);
    const summary = await subgraph.post<{ taskSummary: TaskSummary }>(SUMMARY, { unitId: cell }, secretary);
    expect(summary.data!.taskSummary).toEqual({ unitId: cell, year: 2025, period: 'YEAR', total: 1, done: 1, overdue: 0, unattended: 0 });
  });

  it('refuses a member who is not on the cell’s roster', async () => {
    const response = await subgraph.post<Assigned>(ASSIGN, { input: { cellId: cell, memberId: stranger.id, title: 'Nhiệm vụ', area: 'Tổ 1', startsOn: '2025-03-01' } }, secretary);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ON_ROSTER' });
  });
});

describe('an assignment sent again by an offline client', () => {
  const count = async (table: 'task' | 'task_assignment' | 'audit_log') => Number((await subgraph.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({ tasks: await count('task'), assignments: await count('task_assignment'), audit: await count('audit_log') });
  const input = (extra: Record<string, unknown> = {}) => ({ cellId: cell, memberId: holder!.id, title: 'Theo dõi hộ nghèo', households: ['Hộ ông Nguyễn Văn Ba'], startsOn: '2026-03-01', ...extra });
  const key = '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60';

  it('creates one task and one audit record for an assignment delivered twice with its key', async () => {
    const before = await counts();
    const first = await subgraph.post<{ assignTask: { id: string } }>(ASSIGN, { input: input({ clientRequestId: key }) }, secretary);
    expect(first.errors).toBeUndefined();
    const again = await subgraph.post<{ assignTask: { id: string } }>(ASSIGN, { input: input({ clientRequestId: key }) }, secretary);
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await counts()).toEqual({ tasks: before.tasks + 1, assignments: before.assignments + 1, audit: before.audit + 1 });
    const tasks = await subgraph.post<{ tasks: { id: string }[] }>(TASKS, { unitId: cell, asOf: '2026-03-01' }, secretary);
    expect(tasks.data!.tasks.filter((task) => task.id === first.data!.assignTask.id)).toHaveLength(1);
  });

  it('refuses the key for another cell’s task, changing nothing; without a key each call is a new task, as before', async () => {
    const before = await counts();
    const otherSecretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: demoId('unit', 102) });
    const reused = await subgraph.post(ASSIGN, { input: input({ cellId: demoId('unit', 102), memberId: stranger.id, clientRequestId: key }) }, otherSecretary);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'clientRequestId' });
    expect(reused.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưộệốờ]/i);
    expect(await counts()).toEqual(before);
    for (let time = 0; time < 2; time++) expect((await subgraph.post(ASSIGN, { input: input() }, secretary)).errors).toBeUndefined();
    expect(await counts()).toEqual({ tasks: before.tasks + 2, assignments: before.assignments + 2, audit: before.audit + 2 });
  });
});
