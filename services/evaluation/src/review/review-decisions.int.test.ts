import { createKysely, migrateToLatest } from '@dangvien/db';
import { createTestDatabase, type TestDatabase } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.ts';

/**
 * Grades decided before decisions were kept: the migration that adds the history gives each decided
 * review one decision (as recorded then) and none to a review without a grade.
 */
const BACKFILL = '2026_12_05_17_22_00_review_decisions_and_reopening';
let database: TestDatabase;
let db: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the schema of a past migration

beforeAll(async () => {
  database = await createTestDatabase('review_decisions_backfill');
  db = createKysely(database.url);
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('the decision history of reviews decided before it existed', () => {
  it('holds one decision per decided review, none for an ungraded one', async () => {
    const names = Object.keys(migrations).sort();
    const before = Object.fromEntries(names.filter((name) => name < BACKFILL).map((name) => [name, migrations[name]!]));
    await migrateToLatest(db, before);
    await sql`INSERT INTO review (id, member_id, year, score, grade, period, rule_set_id) VALUES
      ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', 2025, 82, 'GOOD', 'YEAR', '40000000-0000-4000-8000-000000000366'),
      ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000b2', 2025, NULL, NULL, 'YEAR', NULL)`.execute(db);
    await migrateToLatest(db, migrations);
    const decisions = await sql<{ review_id: string; grade: string; score: number; rule_set_id: string; decided_by: string }>`
      SELECT review_id, grade, score, rule_set_id, decided_by FROM review_decision ORDER BY id`.execute(db);
    expect(decisions.rows).toEqual([
      { review_id: '00000000-0000-4000-8000-0000000000a1', grade: 'GOOD', score: 82, rule_set_id: '40000000-0000-4000-8000-000000000366', decided_by: 'Dữ liệu trước khi lưu lịch sử xếp loại' },
    ]);
    await expect(sql`DELETE FROM review_decision`.execute(db)).rejects.toThrow(/append-only/);
  });
});
