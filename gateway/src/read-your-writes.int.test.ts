import { callerWith, demoId } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Read-your-writes across subgraphs, as a clerk works: a cell created in organization, then at once a
 * member in it (membership reads its copy of the tree), then at once a task for that member (evaluation
 * reads its copies of the tree and the roster). No waiting between the requests: the second and third
 * mutations catch their subgraph's copies up when what they look for is not there yet.
 */
const board = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => board);
});
afterAll(async () => federation?.close());

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

describe('read-your-writes', () => {
  it('a cell, then a member in it, then a task for the member, each right after the other', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const cell = await federation.post<{ createOrgUnit: { id: string } }>(`mutation ($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`, {
        input: { code: `ND-XT-RYW-${attempt}`, name: `Chi bộ Trường Tiểu học Mới ${attempt}`, kind: 'GRASSROOTS_CELL', category: 'SCHOOL', parentId: demoId('unit', 2), establishedOn: '2020-01-01', decisionNumber: `${attempt}-QĐ/HU` },
      });
      expect(cell.errors).toBeUndefined();
      const member = await federation.post<{ createMember: { id: string } }>(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
        input: { profile: { fullName: `Nguyễn Văn Mới ${attempt}`, dateOfBirth: '1980-01-01' }, cellId: cell.data!.createOrgUnit.id, admittedOn: '2021-05-19' },
      });
      expect(member.errors).toBeUndefined();
      // The new cell's secretary (a grant on a cell organization made a moment ago).
      const secretary = callerWith({ role: 'CELL_SECRETARY', scopeUnitId: cell.data!.createOrgUnit.id });
      const task = await federation.as(secretary, () => federation.post<{ assignTask: { id: string } }>(`mutation ($input: AssignTaskInput!) { assignTask(input: $input) { id } }`, {
        input: { cellId: cell.data!.createOrgUnit.id, memberId: member.data!.createMember.id, title: 'Vận động hộ gia đình phân loại rác', area: 'Khu phố 1', startsOn: today },
      }));
      expect(task.errors).toBeUndefined();
    }
  });

  it('a unit that does not exist is still not found (the catch-up changes nothing)', async () => {
    const member = await federation.post(`mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { profile: { fullName: 'Nguyễn Văn Lạc', dateOfBirth: '1980-01-01' }, cellId: '10000000-0000-4000-8000-0000000fffff', admittedOn: '2021-05-19' },
    });
    expect(member.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
