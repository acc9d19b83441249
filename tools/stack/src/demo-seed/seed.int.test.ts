import { evaluationSubgraph } from '@dangvien/evaluation';
import { membershipSubgraph } from '@dangvien/membership';
import { organizationSubgraph } from '@dangvien/organization';
import type { SubgraphDefinition } from '@dangvien/server';
import { startTestSubgraph } from '@dangvien/testing';
import type { BaseContext } from '@apollo/server';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { demoDataSet } from '@dangvien/demo-data';
import { demoSeed } from './index.ts';

/** The demo seed writes each subgraph's share once: a second start (a second seed) changes nothing. */
const count = async (db: Kysely<unknown>, table: string): Promise<number> =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n);

/** Seeds a fresh subgraph (as the harness does), then seeds it again, counting `table` after each. */
async function seedTwice<DB, Ctx extends BaseContext>(definition: SubgraphDefinition<DB, Ctx>, table: string): Promise<[number, number]> {
  const subgraph = await startTestSubgraph(definition, { seed: demoSeed[definition.name] });
  try {
    const db = subgraph.db as unknown as Kysely<unknown>;
    const first = await count(db, table);
    await demoSeed[definition.name](db);
    return [first, await count(db, table)];
  } finally {
    await subgraph.close();
  }
}

describe('the demo seed', () => {
  const demo = demoDataSet();
  it("writes organization's share once, and a second seed changes nothing", async () => {
    expect(await seedTwice(organizationSubgraph, 'org_unit')).toEqual([demo.orgUnits.length, demo.orgUnits.length]);
  });
  it("writes membership's share once, and a second seed changes nothing", async () => {
    expect(await seedTwice(membershipSubgraph, 'member')).toEqual([demo.members.length, demo.members.length]);
  });
  it("writes evaluation's share once, and a second seed changes nothing", async () => {
    expect(await seedTwice(evaluationSubgraph, 'review')).toEqual([demo.reviews.length, demo.reviews.length]);
  });
});
