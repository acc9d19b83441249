import { MUTATION_ROLES, type Caller, type Role } from '@dangvien/auth';
import { demoDataSet, demoId } from '@dangvien/demo-data';
import { callerWith, postGraphQL } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * The authorization matrix: for each role, each entity type (OrgUnit, Member, Review) and each path
 * (root query, list, nested field, `_entities` sent straight to the owning subgraph as the gateway
 * would, mutation), what is inside the caller's subtree works and what is outside returns nothing
 * and reveals nothing.
 */
const demo = demoDataSet();
const unit = (n: number): string => demoId('unit', n);
const memberOf = (cellId: string): string => demo.members.find((member) => member.cellId === cellId)!.id;
const reviewOf = (memberId: string): string => demo.reviews.find((review) => review.memberId === memberId)!.id;

interface Case {
  role: Role;
  scope: string;
  inCell: string;
  outCell: string;
}
const CASES: Case[] = [
  { role: 'CELL_SECRETARY', scope: unit(101), inCell: unit(101), outCell: unit(111) },
  { role: 'CELL_COMMITTEE', scope: unit(101), inCell: unit(101), outCell: unit(102) },
  { role: 'WARD_COMMITTEE', scope: unit(10), inCell: unit(102), outCell: unit(111) },
  { role: 'DISTRICT_BOARD', scope: unit(2), inCell: unit(111), outCell: unit(131) },
  { role: 'ANALYST', scope: unit(2), inCell: unit(121), outCell: unit(131) },
  { role: 'PROVINCIAL_SYSTEM', scope: unit(3), inCell: unit(131), outCell: unit(101) },
  { role: 'ADMIN', scope: unit(3), inCell: unit(132), outCell: unit(103) },
];
const RESTRUCTURING: readonly Role[] = MUTATION_ROLES.dissolveOrgUnit;

let federation: TestFederation;
let caller: Caller = callerWith();
beforeAll(async () => {
  federation = await startTestFederation(() => caller);
});
afterAll(async () => federation?.close());

const query = <T>(text: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(federation.gateway.url, text, variables);
/** What membership answers about units and members, asked the way the gateway asks. */
const MEMBERSHIP_ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on OrgUnit { id members(first: 100) { id } }
  ... on Member { id fullName }
} }`;

describe.each(CASES)('$role over its subtree', ({ role, scope, inCell, outCell }) => {
  const inMember = memberOf(inCell);
  const outMember = memberOf(outCell);
  beforeAll(() => {
    caller = callerWith({ role, scopeUnitId: scope });
  });

  it('OrgUnit: a root query finds a unit inside and nothing outside', async () => {
    const response = await query<{ inside: { id: string } | null; outside: unknown }>(
      'query ($in: ID!, $out: ID!) { inside: orgUnit(id: $in) { id } outside: orgUnit(id: $out) { id name } }',
      { in: inCell, out: outCell },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ inside: { id: inCell }, outside: null });
  });

  it('OrgUnit: lists hold only units inside, and the scope root has no visible parent', async () => {
    const response = await query<{ orgUnits: { id: string }[]; orgUnit: { parent: unknown }; rootOrgUnits: { id: string }[] }>(
      'query ($scope: ID!) { orgUnits(kind: CELL) { id } orgUnit(id: $scope) { parent { id } } rootOrgUnits { id } }',
      { scope },
    );
    const cells = response.data!.orgUnits.map((cell) => cell.id);
    expect(cells).toContain(inCell);
    expect(cells).not.toContain(outCell);
    expect(response.data!.orgUnit.parent).toBeNull();
    expect(response.data!.rootOrgUnits).toEqual([{ id: scope }]);
  });

  it('Member: root query and nested members inside; nothing outside', async () => {
    const response = await query<{ inside: { id: string; cell: { id: string } }; outside: unknown; cell: { members: { id: string }[] }; other: unknown }>(
      `query ($in: ID!, $out: ID!, $inCell: ID!, $outCell: ID!) {
        inside: member(id: $in) { id cell { id } } outside: member(id: $out) { id fullName }
        cell: orgUnit(id: $inCell) { members(first: 100) { id } } other: orgUnit(id: $outCell) { members(first: 100) { id } }
      }`,
      { in: inMember, out: outMember, inCell, outCell },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.inside).toEqual({ id: inMember, cell: { id: inCell } });
    expect(response.data!.outside).toBeNull();
    expect(response.data!.cell.members.map((member) => member.id)).toContain(inMember);
    expect(response.data!.other).toBeNull();
  });

  it('Review: root query and nested reviews inside; nothing outside', async () => {
    const response = await query<{ inside: { id: string } | null; outside: unknown; member: { reviews: { id: string }[] } }>(
      'query ($in: ID!, $out: ID!, $member: ID!) { inside: review(id: $in) { id } outside: review(id: $out) { id score } member(id: $member) { reviews { id } } }',
      { in: reviewOf(inMember), out: reviewOf(outMember), member: inMember },
    );
    expect(response.data!.inside).toEqual({ id: reviewOf(inMember) });
    expect(response.data!.outside).toBeNull();
    expect(response.data!.member.reviews.map((review) => review.id)).toContain(reviewOf(inMember));
  });

  it('_entities sent straight to each subgraph: inside resolves, outside is null or empty', async () => {
    const callerNow = callerWith({ role, scopeUnitId: scope });
    const organization = await federation.organization.post<{ _entities: ({ id: string } | null)[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { id name } } }',
      { r: [inCell, outCell].map((id) => ({ __typename: 'OrgUnit', id })) },
      callerNow,
    );
    expect(organization.data!._entities.map((entity) => entity?.id ?? null)).toEqual([inCell, null]);
    const membership = await federation.membership.post<{ _entities: ({ id?: string; members?: { id: string }[] } | null)[] }>(
      MEMBERSHIP_ENTITIES,
      { representations: [{ __typename: 'Member', id: inMember }, { __typename: 'Member', id: outMember }, { __typename: 'OrgUnit', id: outCell }] },
      callerNow,
    );
    expect(membership.data!._entities[0]).toMatchObject({ id: inMember });
    expect(membership.data!._entities[1]).toBeNull();
    expect(membership.data!._entities[2]).toEqual({ id: outCell, members: [] });
    const evaluation = await federation.evaluation.post<{ _entities: { reviews: { id: string }[]; latestReview: unknown }[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { reviews { id } latestReview { id } } } }',
      { r: [inMember, outMember].map((id) => ({ __typename: 'Member', id })) },
      callerNow,
    );
    expect(evaluation.data!._entities[0]!.reviews.length).toBeGreaterThan(0);
    expect(evaluation.data!._entities[1]).toEqual({ reviews: [], latestReview: null });
  });

  it(`mutation: ${RESTRUCTURING.includes(role) ? 'allowed inside' : 'refused as forbidden inside'}, not found outside`, async () => {
    const DISSOLVE = 'mutation ($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { id } }';
    // A date before the unit existed: the request passes authorization, then fails validation, changing nothing.
    const inside = await query(DISSOLVE, { input: { id: inCell, successorId: outCell, effectiveDate: '1980-01-01', decisionNumber: '1-QĐ' } });
    expect(inside.errors?.[0]?.extensions?.code).toBe(RESTRUCTURING.includes(role) ? 'BAD_USER_INPUT' : 'FORBIDDEN');
    const outside = await query(DISSOLVE, { input: { id: outCell, successorId: inCell, effectiveDate: '2025-07-01', decisionNumber: '1-QĐ' } });
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(outside.errors?.[0]?.message).toBe('Không tìm thấy đơn vị.');
  });
});

describe('a caller without any grant', () => {
  beforeAll(() => {
    caller = callerWith();
  });

  it('sees nothing at all', async () => {
    const cell = unit(101);
    const member = memberOf(cell);
    const response = await query(
      'query ($cell: ID!, $member: ID!, $review: ID!) { orgUnit(id: $cell) { id } orgUnits(kind: CELL) { id } rootOrgUnits { id } member(id: $member) { id } review(id: $review) { id } }',
      { cell, member, review: reviewOf(member) },
    );
    expect(response.data).toEqual({ orgUnit: null, orgUnits: [], rootOrgUnits: [], member: null, review: null });
  });
});
