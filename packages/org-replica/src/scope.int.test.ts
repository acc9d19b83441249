import { createKysely, todayInVietnam } from '@dangvien/db';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgReplicaTables } from './replica.ts';
import { subtreeUnitIds } from './replica.ts';
import { inReplicaSubtrees, inReplicaSubtreeWithin, scopeSweepCondition, unitsWithinScopes, withinReplicaScopes } from './scope.ts';

/**
 * Every way of checking scope against the replica answers what listing the subtree answers
 * (`subtreeUnitIds`), on a dated tree with two tops, a unit that moved and one that ended.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [P, Q, W1, W2, W3, C1, C2, C3, C4] = [1, 2, 11, 12, 13, 101, 102, 103, 104].map(id) as [string, string, string, string, string, string, string, string, string];
const ALL = [P, Q, W1, W2, W3, C1, C2, C3, C4];
const PAST = '2019-06-01';
const today = todayInVietnam();

let database: TestDatabase;
let db: Kysely<OrgReplicaTables & { thing: { unit_id: string } }>;

beforeAll(async () => {
  database = await createTestDatabase('org_replica_scope');
  db = createKysely(database.url);
  // The replica table as the consumers' migrations create it, and rows that belong to units.
  await sql`CREATE TABLE org_unit_replica (row_id bigserial PRIMARY KEY, id uuid NOT NULL, code text NOT NULL, name text NOT NULL, kind text NOT NULL, parent_id uuid, valid_from date, valid_to date)`.execute(db);
  await sql`CREATE INDEX org_unit_replica_id_idx ON org_unit_replica (id)`.execute(db);
  await sql`CREATE INDEX org_unit_replica_parent_idx ON org_unit_replica (parent_id)`.execute(db);
  await sql`CREATE TABLE thing (unit_id uuid NOT NULL)`.execute(db);
  const version = (unit: string, parent: string | null, from: string | null = null, to: string | null = null) => ({ id: unit, code: unit.slice(-3), name: unit.slice(-3), kind: parent ? 'CELL' : 'PROVINCE', parent_id: parent, valid_from: from, valid_to: to });
  await db
    .insertInto('org_unit_replica')
    .values([
      version(P, null),
      version(Q, null),
      version(W1, P),
      version(W2, P),
      version(W3, Q),
      version(C1, W1),
      version(C2, W2),
      version(C3, W1, null, '2020-01-01'), // moved from W1 to W2
      version(C3, W2, '2020-01-01'),
      version(C4, W1, null, '2019-01-01'), // ended
    ])
    .execute();
  await db.insertInto('thing').values(ALL.map((unit) => ({ unit_id: unit }))).execute();
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const SCOPES: string[][] = [[P], [W1], [W2], [C3], [W1, Q], [P, Q], [C4], []];
const sorted = (ids: Iterable<string>) => [...ids].sort();
const truth = async (scopes: readonly string[], asOf?: string) => sorted(await subtreeUnitIds(db, scopes, asOf));
const thingsWhere = async (condition: RawBuilder<boolean>) => sorted((await db.selectFrom('thing').select('unit_id').where(condition).execute()).map((row) => row.unit_id));

describe('scope checks against the replica', () => {
  it('unitsWithinScopes walks up to the same answer as listing the subtree, today and on a past day', async () => {
    for (const scopes of SCOPES) {
      for (const day of [PAST, today]) expect(sorted(await unitsWithinScopes(db, ALL, scopes, day)), `${scopes} on ${day}`).toEqual(await truth(scopes, day));
    }
    expect(await truth([W1], PAST)).toContain(C3); // the move is seen: C3 was under W1 in 2019…
    expect(await truth([W1])).not.toContain(C3); // …and is not today
  });

  it('inReplicaSubtrees and withinReplicaScopes select the rows of the listed subtree', async () => {
    for (const scopes of SCOPES) {
      expect(await thingsWhere(inReplicaSubtrees('thing.unit_id', scopes)), String(scopes)).toEqual(await truth(scopes));
      expect(await thingsWhere(withinReplicaScopes('thing.unit_id', scopes)), String(scopes)).toEqual(await truth(scopes));
    }
  });

  it('inReplicaSubtreeWithin is the unit’s subtree cut to the caller’s scopes', async () => {
    for (const unit of [P, W1, W2, C3, Q]) {
      for (const scopes of SCOPES) {
        const readable = await truth(scopes);
        const expected = (await truth([unit])).filter((row) => readable.includes(row));
        expect(await thingsWhere(inReplicaSubtreeWithin('thing.unit_id', unit, scopes)), `${unit} within ${scopes}`).toEqual(expected);
      }
    }
  });

  it('scopeSweepCondition gives the same rows whether it lists the scope, takes every live unit or lists it in SQL', async () => {
    for (const scopes of SCOPES) {
      for (const listedUnits of [2000, 1]) {
        expect(await thingsWhere(await scopeSweepCondition(db, 'thing.unit_id', scopes, listedUnits)), `${scopes}, listing up to ${listedUnits}`).toEqual(await truth(scopes));
      }
    }
  });
});
