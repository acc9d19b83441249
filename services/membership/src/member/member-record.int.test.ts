import { demoSeed } from '@dangvien/stack/demo-seed';
import { replicateOrgUnits } from '@dangvien/org-replica';
import { callerWith, demoDataSet, demoId, startTestSubgraph, type TestSubgraph } from '@dangvien/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipDatabase } from '../database.ts';
import { membershipSubgraph } from '../subgraph.ts';

let subgraph: TestSubgraph<MembershipDatabase>;
const cell = demoId('unit', 101);
const ids: string[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph(membershipSubgraph);
  await replicateOrgUnits(subgraph.db, demoDataSet().orgUnits);
  for (const [index, name] of ['Nguyễn Văn Một', 'Trần Thị Hai', 'Lê Văn Ba'].entries()) {
    const response = await subgraph.post<{ createMember: { id: string } }>(
      `mutation ($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
      { input: { profile: { fullName: name, dateOfBirth: `198${index}-01-01`, ethnicity: 'Tày' }, cellId: cell, candidateSince: '2018-01-01', admittedOn: '2019-01-01' } },
    );
    expect(response.errors).toBeUndefined();
    ids.push(response.data!.createMember.id);
  }
});
afterAll(async () => subgraph.close());

describe('the member record in the subgraph', () => {
  it('loads the events and the sensitive-data check of many members in one SQL statement each', async () => {
    subgraph.resetQueryLog();
    const response = await subgraph.post<{ _entities: { events: { kind: string }[]; ethnicity: string | null; statusOn: string | null }[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Member { ethnicity statusOn(date: "2018-06-01") events { kind } } } }`,
      { representations: ids.map((id) => ({ __typename: 'Member', id })) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities.map((member) => [member.ethnicity, member.statusOn, member.events.map((event) => event.kind)])).toEqual(
      ids.map(() => ['Tày', 'CANDIDATE', ['CANDIDATE', 'ADMITTED']]),
    );
    expect(subgraph.queries.filter((sql) => sql.includes('from "member_event"'))).toHaveLength(1);
    // One for the members, one for the sensitive-data check.
    expect(subgraph.queries.filter((sql) => sql.includes('from "member"'))).toHaveLength(2);
  });

  it('asks nothing more for a caller whose role never reads sensitive data', async () => {
    subgraph.resetQueryLog();
    const response = await subgraph.post<{ member: { ethnicity: string | null } }>(`query ($id: ID!) { member(id: $id) { ethnicity } }`, { id: ids[0] }, callerWith({ role: 'ANALYST', scopeUnitId: demoId('unit', 1) }));
    expect(response.data!.member).toEqual({ ethnicity: null });
    expect(subgraph.queries.filter((sql) => sql.includes('from "member"'))).toHaveLength(1);
  });

  it('keeps events append-only in the database itself', async () => {
    await expect(subgraph.db.updateTable('member_event').set({ decision_number: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(subgraph.db.deleteFrom('member_event').execute()).rejects.toThrow(/append-only/);
  });

  it('seeds the demo members with their date of birth and sex, their status recorded as known before any event', async () => {
    const fresh = await startTestSubgraph(membershipSubgraph, { seed: demoSeed.membership });
    try {
      const rows = await fresh.db.selectFrom('member').select(['date_of_birth', 'sex', 'status', 'initial_status']).execute();
      expect(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.date_of_birth ?? '') && row.sex !== null && row.initial_status === row.status)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
