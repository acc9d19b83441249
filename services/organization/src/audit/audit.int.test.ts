import { demoSeed } from '@dangvien/stack/demo-seed';
import { callerWith, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDatabase } from '../database.ts';
import { organizationSubgraph } from '../subgraph.ts';

/** The organization audit log: what changed, by whom, readable by district boards and administrators inside their subtrees. */
let subgraph: TestSubgraph<OrganizationDatabase>;
const unit = (n: number) => demoId('unit', n);
const admin = callerWith({ role: 'ADMIN', scopeUnitId: unit(1) });

beforeAll(async () => {
  subgraph = await startTestSubgraph(organizationSubgraph, { seed: demoSeed.organization });
  const renamed = await subgraph.post(
    `mutation ($input: RenameOrgUnitInput!) { renameOrgUnit(input: $input) { id } }`,
    { input: { id: unit(101), name: 'Chi bộ Khu dân cư số 1', effectiveDate: '2020-01-01', decisionNumber: '101-QĐ/ĐU' } },
    admin,
  );
  expect(renamed.errors).toBeUndefined();
});
afterAll(async () => subgraph?.close());

const LOG = `query ($entityId: ID, $first: Int) { organizationAuditLog(entityId: $entityId, first: $first) { operation entityType entityId actor actorRoles before after } }`;
type LogReply = { organizationAuditLog: { operation: string; entityType: string; entityId: string; actor: string; actorRoles: string[]; before: string | null; after: string | null }[] };

describe('the organization audit log', () => {
  it('shows a district board the changes inside its district, with who made them and the state before and after', async () => {
    const board = await subgraph.post<LogReply>(LOG, { entityId: unit(101) }, callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(2) }));
    expect(board.errors).toBeUndefined();
    expect(board.data!.organizationAuditLog).toHaveLength(1);
    const [record] = board.data!.organizationAuditLog;
    expect(record).toMatchObject({ operation: 'renameOrgUnit', entityType: 'OrgUnit', entityId: unit(101), actorRoles: ['ADMIN'] });
    expect(record!.actor).toContain(admin.subject);
    expect(JSON.parse(record!.after!)).toMatchObject({ name: 'Chi bộ Khu dân cư số 1', effectiveDate: '2020-01-01' });
  });

  it('shows nothing outside the reader’s subtrees, nor to roles that do not read the log', async () => {
    const otherDistrict = await subgraph.post<LogReply>(LOG, { entityId: unit(101) }, callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: unit(3) }));
    expect(otherDistrict.data).toEqual({ organizationAuditLog: [] });
    const secretary = await subgraph.post<LogReply>(LOG, {}, callerWith({ role: 'CELL_SECRETARY', scopeUnitId: unit(101) }));
    expect(secretary.data).toEqual({ organizationAuditLog: [] });
  });

  it('refuses a page size outside 1 to 500', async () => {
    const response = await subgraph.post<LogReply>(LOG, { first: 0 }, admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
