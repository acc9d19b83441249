import { callerWith, demoDataSet, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Tasks whose holder left (issue 19), through the gateway: cell 101 gives tasks to four members; one
 * dies, one is expelled, one is transferred out of the system. The cell's lists, its alerts and a
 * reassignment of the task of the member who left still answer with every holder's name, without a
 * "Cannot return null for non-nullable field Member.fullName": the records of members who left stay
 * readable by the cell that held them and its superiors (member/record-scope.ts in membership).
 * Then the cell is dissolved, and the ward and district still read its leavers.
 */
const demo = demoDataSet();
const unit = (n: number) => demoId('unit', n);
const cell = unit(101);
const admin = callerWith({ role: 'ADMIN', scopeUnitId: unit(1) });
const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell });
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: unit(10) });
const district = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) });
const [died, expelled, transferred, stays] = demo.members.filter((member) => member.cellId === cell && member.status === 'OFFICIAL');

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => admin);
});
afterAll(async () => federation?.close());

const ASSIGN = `mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id } }`;
const REASSIGN = `mutation ($input: ReassignTaskInput!) { reassignTask(input: $input) { id assignee { id fullName } assignments { member { id fullName status } endedOn } } }`;
const TASKS = `query ($unitId: ID!, $asOf: String) { tasks(unitId: $unitId, asOf: $asOf) {
  id title unattended assignee { id fullName status } assignments { member { id fullName } } reviews { member { id fullName } }
} }`;
const ALERTS = `query ($unitId: ID!, $asOf: String) { evaluationAlerts(unitId: $unitId, asOf: $asOf, kinds: [UNATTENDED_TASK]) { kind member { id fullName status } task { id title } } }`;
const RECORD = `mutation ($input: RecordMemberEventInput!) { recordMemberEvent(input: $input) { id } }`;
const ISSUE = `mutation ($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id } }`;
const DISSOLVE = `mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id } }`;
interface TaskRow {
  id: string;
  title: string;
  unattended: string | null;
  assignee: { id: string; fullName: string; status: string } | null;
  assignments: { member: { id: string; fullName: string } }[];
}
interface AlertRow { kind: string; member: { id: string; fullName: string; status: string } | null; task: { id: string; title: string } | null }

async function ok<T>(who: ReturnType<typeof callerWith>, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await federation.as(who, () => federation.post<T>(query, variables));
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const tasks: Record<'died' | 'expelled' | 'transferred', string> = { died: '', expelled: '', transferred: '' };

beforeAll(async () => {
  for (const [key, member] of [['died', died], ['expelled', expelled], ['transferred', transferred]] as const) {
    const assigned = await ok<{ assignTask: { id: string } }>(secretary, ASSIGN, { input: { cellId: cell, memberId: member!.id, title: `Theo dõi tổ ${key}`, area: 'Tổ dân phố 2', startsOn: '2026-01-05' } });
    tasks[key] = assigned.assignTask.id;
  }
  await ok(admin, RECORD, { input: { memberId: died!.id, kind: 'DIED', occurredOn: '2026-02-10' } });
  await ok(admin, RECORD, { input: { memberId: expelled!.id, kind: 'DISCIPLINE', occurredOn: '2026-02-20', decisionNumber: '05-QĐ/UBKT', details: { disciplineLevel: 'EXPULSION' } } });
  await ok(admin, ISSUE, { input: { memberId: transferred!.id, kind: 'OFFICIAL', reason: 'JOB_CHANGE', externalOrganization: 'Đảng bộ tỉnh Thái Bình', letterNumber: '07-GGT/ĐU', letterIssuedOn: '2026-03-01' } });
  await federation.catchUp();
});

describe('tasks whose holder left', () => {
  it('lists the cell’s tasks with every holder’s name, each left unattended', async () => {
    const listed = await ok<{ tasks: TaskRow[] }>(secretary, TASKS, { unitId: cell, asOf: '2026-04-01' });
    const byId = new Map(listed.tasks.map((task) => [task.id, task]));
    expect(byId.get(tasks.died)).toMatchObject({ unattended: 'LEFT', assignee: { id: died!.id, fullName: died!.fullName, status: 'DECEASED' } });
    expect(byId.get(tasks.expelled)).toMatchObject({ unattended: 'LEFT', assignee: { id: expelled!.id, fullName: expelled!.fullName, status: 'LEFT' } });
    expect(byId.get(tasks.transferred)).toMatchObject({ unattended: 'MOVED', assignee: { id: transferred!.id, fullName: transferred!.fullName } });
    expect(byId.get(tasks.transferred)!.assignments).toEqual([{ member: { id: transferred!.id, fullName: transferred!.fullName } }]);
  });

  it('raises the unattended-task alerts with the names of those who left', async () => {
    const alerts = await ok<{ evaluationAlerts: AlertRow[] }>(secretary, ALERTS, { unitId: cell, asOf: '2026-04-01' });
    expect(alerts.evaluationAlerts.map((alert) => [alert.task!.id, alert.member!.fullName]).sort()).toEqual(
      [
        [tasks.died, died!.fullName],
        [tasks.expelled, expelled!.fullName],
        [tasks.transferred, transferred!.fullName],
      ].sort(),
    );
  });

  it('answers a reassignment away from a member who left as the success it is', async () => {
    const reassigned = await ok<{ reassignTask: { id: string; assignee: { id: string }; assignments: { member: { id: string; fullName: string; status: string }; endedOn: string | null }[] } }>(secretary, REASSIGN, {
      input: { taskId: tasks.transferred, memberId: stays!.id, reassignedOn: '2026-03-05' },
    });
    expect(reassigned.reassignTask.assignee.id).toBe(stays!.id);
    expect(reassigned.reassignTask.assignments).toEqual([
      { member: { id: transferred!.id, fullName: transferred!.fullName, status: 'OFFICIAL' }, endedOn: '2026-03-05' },
      { member: { id: stays!.id, fullName: stays!.fullName, status: 'OFFICIAL' }, endedOn: null },
    ]);
  });

  it('still answers for the ward and the district once the cell is dissolved, and they still read its leavers', async () => {
    await ok(admin, DISSOLVE, { input: { id: cell, successorId: unit(102), effectiveDate: '2026-06-01', decisionNumber: '40-QĐ/ĐU' } });
    await federation.catchUp();
    for (const who of [ward, district]) {
      const scope = who === ward ? unit(10) : unit(2);
      await ok<{ tasks: TaskRow[] }>(who, TASKS, { unitId: scope, asOf: '2026-05-01' });
      await ok<{ evaluationAlerts: AlertRow[] }>(who, ALERTS, { unitId: scope, asOf: '2026-05-01' });
      for (const member of [died, expelled, transferred]) {
        const read = await ok<{ member: { id: string; fullName: string } | null }>(who, `query ($id: ID!) { member(id: $id) { id fullName } }`, { id: member!.id });
        expect(read.member).toEqual({ id: member!.id, fullName: member!.fullName });
      }
    }
  });
});
