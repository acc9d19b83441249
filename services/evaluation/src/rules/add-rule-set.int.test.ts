import type { Caller } from '@dangvien/auth';
import { callerWith, dataOf, demoId } from '@dangvien/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '@dangvien/stack/federation';

/**
 * A new grading regulation is added as dated configuration by an administrator of the whole tree,
 * validated field by field; the rule sets the migrations wrote keep working beside it.
 */
const province = demoId('unit', 1);
const committee = demoId('unit', 10);
const admin = callerWith({ role: 'ADMIN', scopeUnitId: province });
const districtAdmin = callerWith({ role: 'ADMIN', scopeUnitId: demoId('unit', 2) });
const ward = callerWith({ role: 'WARD_COMMITTEE', scopeUnitId: committee });

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation(() => admin);
});
afterAll(async () => federation?.close());

const post = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => federation.post<T>(query, variables);
const as = <T>(who: Caller, run: () => Promise<T>): Promise<T> => federation.as(who, run);

const ADD = `mutation ($input: AddReviewRuleSetInput!) { addReviewRuleSet(input: $input) { id code validFrom excellentQuotaPercent goodMinScore } }`;
const RULE_SETS = `{ ruleSets { code validFrom } }`;
const OPEN = `mutation ($input: OpenReviewCycleInput!) { openReviewCycle(input: $input) { ruleSet { code excellentQuotaPercent } } }`;
const valid = {
  code: '999-QĐ/TW',
  name: 'Quy định 999-QĐ/TW về kiểm điểm và đánh giá, xếp loại chất lượng',
  validFrom: '2027-01-01',
  excellentMinScore: 90,
  goodMinScore: 75,
  completedMinScore: 50,
  excellentRequiresAllTasks: true,
  excellentMinExceededPercent: 30,
  excellentQuotaPercent: 25,
  residenceCommentRequired: true,
};
const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(federation.evaluation.db)).rows[0]!.n);
const counts = async () => ({ ruleSets: await count('rule_set'), audit: await count('audit_log') });

describe('adding a rule set', () => {
  it.each([
    ['a quota above 100%', { excellentQuotaPercent: 120 }, 'BAD_USER_INPUT', 'excellentQuotaPercent'],
    ['a negative share of tasks exceeded', { excellentMinExceededPercent: -1 }, 'BAD_USER_INPUT', 'excellentMinExceededPercent'],
    ['a score above 100', { excellentMinScore: 101 }, 'BAD_USER_INPUT', 'excellentMinScore'],
    ['good above excellent', { goodMinScore: 95 }, 'BAD_USER_INPUT', 'goodMinScore'],
    ['completed above good', { completedMinScore: 80 }, 'BAD_USER_INPUT', 'completedMinScore'],
    ['a date that does not exist', { validFrom: '2027-02-30' }, 'BAD_USER_INPUT', 'validFrom'],
    ['no name', { name: '  ' }, 'BAD_USER_INPUT', 'name'],
    ['a date before the newest set’s (366, 2025-08-30)', { validFrom: '2024-01-01' }, 'CONFLICT', 'validFrom'],
    ['the newest set’s own date (two sets the same day)', { validFrom: '2025-08-30' }, 'CONFLICT', 'validFrom'],
    ['a code already used', { code: '366-QĐ/TW' }, 'CONFLICT', 'code'],
  ])('refuses %s, and nothing changes', async (_case, change, code, field) => {
    const before = await counts();
    const response = await post(ADD, { input: { ...valid, ...change } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(response.errors?.[0]?.message).toMatch(/[ạảãáàâăđêôơưốủệ]/i);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a ward committee', ward],
    ['an administrator of one district (the regulation is national)', districtAdmin],
  ])('refuses %s, and nothing changes', async (_case, who) => {
    const before = await counts();
    const response = await as(who, () => post(ADD, { input: valid }));
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('adds a valid set after the newest, audited; cycles open under the set valid for their period', async () => {
    const before = await counts();
    const added = dataOf(await post<{ addReviewRuleSet: { code: string; validFrom: string; excellentQuotaPercent: number; goodMinScore: number } }>(ADD, { input: valid })).addReviewRuleSet;
    expect(added).toMatchObject({ code: '999-QĐ/TW', validFrom: '2027-01-01', excellentQuotaPercent: 25, goodMinScore: 75 });
    expect(await counts()).toEqual({ ruleSets: before.ruleSets + 1, audit: before.audit + 1 });
    const listed = dataOf(await post<{ ruleSets: { code: string; validFrom: string }[] }>(RULE_SETS)).ruleSets;
    expect(listed.map((set) => set.code)).toEqual(['132-QĐ/TW', '124-QĐ/TW', '366-QĐ/TW', '999-QĐ/TW']);
    const opened = async (year: number) =>
      dataOf(await as(ward, () => post<{ openReviewCycle: { ruleSet: { code: string; excellentQuotaPercent: number } } }>(OPEN, { input: { unitId: committee, year, period: 'YEAR', closesOn: `${year}-12-31` } }))).openReviewCycle.ruleSet;
    expect(await opened(2026)).toEqual({ code: '366-QĐ/TW', excellentQuotaPercent: 20 });
    expect(await opened(2027)).toEqual({ code: '999-QĐ/TW', excellentQuotaPercent: 25 });
  });
});
