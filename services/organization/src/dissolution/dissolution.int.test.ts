import type { Caller } from '@dangvien/auth';
import { subtreeUnitIds } from '@dangvien/org-replica';
import { consistencyReport } from '@dangvien/stack';
import { demoDataSet, demoId, callerWith, postGraphQL, TEST_EVENT_FEED_SECRET } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * Dissolving a unit spans the three subgraphs through domain events: organization ends it, membership
 * moves its members, evaluation updates its copy; the operation is pending until both have applied.
 */
const demo = demoDataSet();
const committee = demo.orgUnits.find((unit) => unit.kind === 'GRASSROOTS_COMMITTEE')!;
const [dissolvedCell, successorCell] = demo.orgUnits.filter((unit) => unit.parentId === committee.id);
const movedMembers = demo.members.filter((member) => member.cellId === dissolvedCell!.id).map((member) => member.id).sort();
const otherCommittee = demo.orgUnits.find((unit) => unit.kind === 'GRASSROOTS_COMMITTEE' && unit.id !== committee.id)!;
const districtBoard = callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: demoId('unit', 2) });
const caller: Caller = districtBoard;

let federation: TestFederation;
let organization: TestFederation['organization'];
let membership: TestFederation['organization'];
let evaluation: TestFederation['organization'];
let gateway: TestFederation['gateway'];
const urls = () => federation.urls();
const catchUpAll = () => federation.catchUp();

beforeAll(async () => {
  federation = await startTestFederation(() => caller);
  ({ organization, membership, evaluation, gateway } = federation);
});
afterAll(async () => federation?.close());

const DISSOLVE = `mutation ($input: DissolveOrgUnitInput!) {
  dissolveOrgUnit(input: $input) { id status parts { subgraph status detail } }
}`;
const OPERATION = `query ($id: ID!) { operation(id: $id) { status parts { subgraph status detail } } }`;
type OperationReply = { id: string; status: string; parts: { subgraph: string; status: string; detail: string | null }[] };

const counts = async () => ({
  audit: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(organization.db)).rows[0]!.n),
  events: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM outbox_event`.execute(organization.db)).rows[0]!.n),
});

describe('dissolving a unit across subgraphs', () => {
  it('starts with every replica equal to its source and no lag', async () => {
    const report = await consistencyReport(urls(), TEST_EVENT_FEED_SECRET);
    expect(report.replicas.every((check) => check.matches)).toBe(true);
    expect(report.replicas.find((check) => check.what === 'tree')!.replicaRows).toBe(demo.orgUnits.length);
    expect(report.ok).toBe(true);
  });

  it.each([
    ['a committee that still has cells', () => ({ id: committee.id, successorId: otherCommittee.id, effectiveDate: '2025-07-01', decisionNumber: '12-QĐ/HU' }), 'CONFLICT'],
    ['an impossible date', () => ({ id: dissolvedCell!.id, successorId: successorCell!.id, effectiveDate: '2025-02-30', decisionNumber: '12-QĐ/HU' }), 'BAD_USER_INPUT'],
    ['a date before the unit was established', () => ({ id: dissolvedCell!.id, successorId: successorCell!.id, effectiveDate: '1980-01-01', decisionNumber: '12-QĐ/HU' }), 'BAD_USER_INPUT'],
    ['the unit as its own successor', () => ({ id: dissolvedCell!.id, successorId: dissolvedCell!.id, effectiveDate: '2025-07-01', decisionNumber: '12-QĐ/HU' }), 'BAD_USER_INPUT'],
    ['no decision number', () => ({ id: dissolvedCell!.id, successorId: successorCell!.id, effectiveDate: '2025-07-01', decisionNumber: '  ' }), 'BAD_USER_INPUT'],
    ['a unit that does not exist', () => ({ id: demoId('unit', 9999), successorId: successorCell!.id, effectiveDate: '2025-07-01', decisionNumber: '12-QĐ/HU' }), 'NOT_FOUND'],
  ])('refuses %s with a clear error, and changes, publishes and audits nothing', async (_case, input, code) => {
    const before = await counts();
    const response = await postGraphQL(gateway.url, DISSOLVE, { input: input() });
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơư]/i); // Vietnamese, for the clerk
    expect(await counts()).toEqual(before);
  });

  it('refuses a caller whose scope does not hold the unit, without revealing that it exists', async () => {
    const response = await federation.as(callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: otherCommittee.id }), () =>
      postGraphQL(gateway.url, DISSOLVE, {
        input: { id: dissolvedCell!.id, successorId: successorCell!.id, effectiveDate: '2025-07-01', decisionNumber: '12-QĐ/HU' },
      }),
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is pending until every part has applied, then completed, with every member moved exactly once', async () => {
    // Hold evaluation back, to see the operation wait for it.
    await Promise.all(evaluation.consumers.map((consumer) => consumer.stop()));
    evaluation.consumers.length = 0;
    const response = await postGraphQL<{ dissolveOrgUnit: OperationReply }>(gateway.url, DISSOLVE, {
      input: { id: dissolvedCell!.id, successorId: successorCell!.id, effectiveDate: '2025-07-01', decisionNumber: '15-QĐ/ĐU' },
    });
    expect(response.errors).toBeUndefined();
    const operationId = response.data!.dissolveOrgUnit.id;
    expect(response.data!.dissolveOrgUnit.status).toBe('PENDING');

    for (const consumer of [...membership.consumers, ...organization.consumers]) await consumer.catchUp();
    for (const consumer of organization.consumers) await consumer.catchUp();
    const halfway = await postGraphQL<{ operation: OperationReply }>(gateway.url, OPERATION, { id: operationId });
    expect(halfway.data!.operation.status).toBe('PENDING');
    expect(halfway.data!.operation.parts).toEqual([
      { subgraph: 'evaluation', status: 'PENDING', detail: null },
      { subgraph: 'membership', status: 'COMPLETED', detail: JSON.stringify({ moved: movedMembers.length }) },
    ]);

    evaluation.connect(urls());
    await catchUpAll();
    const done = await postGraphQL<{ operation: OperationReply }>(gateway.url, OPERATION, { id: operationId });
    expect(done.data!.operation.status).toBe('COMPLETED');

    const placements = await sql<{ member_id: string }>`
      SELECT member_id FROM member_placement WHERE operation_id = ${operationId} ORDER BY member_id`.execute(membership.db);
    expect(placements.rows.map((row) => row.member_id)).toEqual(movedMembers);
    const successor = await postGraphQL<{ orgUnit: { members: { id: string }[] } }>(gateway.url, 'query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id } } }', {
      id: successorCell!.id,
    });
    expect(successor.data!.orgUnit.members.map((member) => member.id)).toEqual(expect.arrayContaining(movedMembers));
    const committeeNow = await postGraphQL<{ orgUnit: { children: { id: string }[] } }>(gateway.url, 'query ($id: ID!) { orgUnit(id: $id) { children { id } } }', {
      id: committee.id,
    });
    expect(committeeNow.data!.orgUnit.children.map((child) => child.id)).not.toContain(dissolvedCell!.id);
    expect((await consistencyReport(urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(true);
    const audits = await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log WHERE operation = 'moveMember'`.execute(membership.db);
    expect(Number(audits.rows[0]!.n)).toBe(movedMembers.length);
  });

  it('lets the district board read who changed what, and nobody outside or below it', async () => {
    const AUDIT = `query ($unit: ID!, $member: ID!) {
      organizationAuditLog(entityId: $unit) { operation entityType entityId actor actorRoles after }
      membershipAuditLog(entityId: $member) { operation entityId before after }
    }`;
    const variables = { unit: dissolvedCell!.id, member: movedMembers[0] };
    const board = await postGraphQL<{ organizationAuditLog: { operation: string; actor: string; actorRoles: string[]; after: string }[]; membershipAuditLog: { operation: string; before: string }[] }>(
      gateway.url,
      AUDIT,
      variables,
    );
    expect(board.errors).toBeUndefined();
    expect(board.data!.organizationAuditLog).toHaveLength(1);
    expect(board.data!.organizationAuditLog[0]).toMatchObject({ operation: 'dissolveOrgUnit', actorRoles: ['DISTRICT_BOARD'] });
    expect(board.data!.organizationAuditLog[0]!.actor).toContain(districtBoard.subject);
    expect(JSON.parse(board.data!.organizationAuditLog[0]!.after)).toMatchObject({ endedOn: '2025-07-01', successorId: successorCell!.id });
    expect(board.data!.membershipAuditLog).toEqual([
      expect.objectContaining({ operation: 'moveMember', before: JSON.stringify({ cellId: dissolvedCell!.id }) }),
    ]);
    for (const other of [callerWith({ role: 'DISTRICT_BOARD', scopeUnitId: otherCommittee.id }), callerWith({ role: 'CELL_SECRETARY', scopeUnitId: successorCell!.id })]) {
      const response = await federation.as(other, () => postGraphQL(gateway.url, AUDIT, variables));
      expect(response.data).toEqual({ organizationAuditLog: [], membershipAuditLog: [] });
    }
  });

  it('answers "the units under this committee as of a date" from the local replica, before and after the dissolution', async () => {
    const before = await subtreeUnitIds(membership.db, [committee.id], '2025-06-30');
    const after = await subtreeUnitIds(membership.db, [committee.id], '2025-07-01');
    expect(before).toContain(dissolvedCell!.id);
    expect(after).not.toContain(dissolvedCell!.id);
    expect(after).toContain(successorCell!.id);
    // Before the cells were established (1990), the committee had none.
    expect(await subtreeUnitIds(membership.db, [committee.id], '1985-01-01')).toEqual([committee.id]);
  });

  it('refuses to dissolve the same unit twice', async () => {
    const response = await postGraphQL(gateway.url, DISSOLVE, {
      input: { id: dissolvedCell!.id, successorId: successorCell!.id, effectiveDate: '2025-08-01', decisionNumber: '16-QĐ/ĐU' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('merges several units into one as a single operation, each member moved once', async () => {
    const [first, second, into] = demo.orgUnits.filter((unit) => unit.parentId === otherCommittee.id);
    const MERGE = `mutation ($input: MergeOrgUnitsInput!) { mergeOrgUnits(input: $input) { id status parts { subgraph status unit { id } } } }`;
    const refused = await postGraphQL(gateway.url, MERGE, { input: { ids: [first!.id, first!.id], intoId: into!.id, effectiveDate: '2025-07-01', decisionNumber: '20-QĐ/ĐU' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const intoItself = await postGraphQL(gateway.url, MERGE, { input: { ids: [first!.id, into!.id], intoId: into!.id, effectiveDate: '2025-07-01', decisionNumber: '20-QĐ/ĐU' } });
    expect(intoItself.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const merged = demo.members.filter((member) => member.cellId === first!.id || member.cellId === second!.id).map((member) => member.id).sort();
    const response = await postGraphQL<{ mergeOrgUnits: { id: string; status: string; parts: { subgraph: string; unit: { id: string } }[] } }>(gateway.url, MERGE, {
      input: { ids: [first!.id, second!.id], intoId: into!.id, effectiveDate: '2025-07-01', decisionNumber: '21-QĐ/ĐU' },
    });
    expect(response.errors).toBeUndefined();
    const operation = response.data!.mergeOrgUnits;
    expect(operation.status).toBe('PENDING');
    expect(operation.parts).toHaveLength(4); // membership and evaluation, for each merged unit
    await catchUpAll();
    const done = await postGraphQL<{ operation: OperationReply }>(gateway.url, OPERATION, { id: operation.id });
    expect(done.data!.operation.status).toBe('COMPLETED');
    const placements = await sql<{ member_id: string }>`
      SELECT member_id FROM member_placement WHERE operation_id = ${operation.id} ORDER BY member_id`.execute(membership.db);
    expect(placements.rows.map((row) => row.member_id)).toEqual(merged);
    const into_ = await postGraphQL<{ orgUnit: { members: { id: string }[] } }>(gateway.url, 'query ($id: ID!) { orgUnit(id: $id) { members(first: 100) { id } } }', { id: into!.id });
    expect(into_.data!.orgUnit.members.map((member) => member.id)).toEqual(expect.arrayContaining(merged));
    expect((await consistencyReport(urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(true);
  });

  it('rebuilds the same replicas when the whole history is replayed into empty ones', async () => {
    const before = await consistencyReport(urls(), TEST_EVENT_FEED_SECRET);
    const placementsBefore = (await sql<{ n: string }>`SELECT count(*) AS n FROM member_placement`.execute(membership.db)).rows[0]!.n;
    for (const subgraph of [membership, evaluation]) {
      await sql`DELETE FROM org_unit_replica`.execute(subgraph.db);
      await sql`DELETE FROM consumer_position WHERE producer = 'organization'`.execute(subgraph.db);
    }
    await sql`DELETE FROM member_replica`.execute(evaluation.db);
    await sql`DELETE FROM consumer_position WHERE producer = 'membership'`.execute(evaluation.db);
    expect((await consistencyReport(urls(), TEST_EVENT_FEED_SECRET)).ok).toBe(false);
    await catchUpAll();
    const after = await consistencyReport(urls(), TEST_EVENT_FEED_SECRET);
    expect(after.ok).toBe(true);
    expect(after.replicas).toEqual(before.replicas);
    // Replaying moved nobody again.
    expect((await sql<{ n: string }>`SELECT count(*) AS n FROM member_placement`.execute(membership.db)).rows[0]!.n).toBe(placementsBefore);
  });
});
