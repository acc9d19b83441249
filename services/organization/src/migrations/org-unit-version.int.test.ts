import { createKysely, migrateToLatest } from '@dangvien/db';
import { createTestDatabase, demoId } from '@dangvien/testing';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from './index.ts';

describe('the migration to effective-dated versions', () => {
  it('turns each existing unit into one version (an ended one closed on its end date), and back', async () => {
    const database = await createTestDatabase('org_unit_version_migration');
    const db: Kysely<any> = createKysely(database.url);
    try {
      const names = Object.keys(migrations);
      const before = Object.fromEntries(names.slice(0, names.indexOf('2026_11_22_12_00_00_create_org_unit_version')).map((name) => [name, migrations[name]!]));
      await migrateToLatest(db, before);
      const [province, cell, ended] = [demoId('unit', 1), demoId('unit', 101), demoId('unit', 102)];
      await sql`INSERT INTO org_unit (id, code, name, kind, parent_id, established_on) VALUES
        (${province}, 'ND', 'Đảng bộ tỉnh Nam Định', 'PROVINCE', NULL, NULL),
        (${cell}, 'C1', 'Chi bộ Tổ dân phố số 1', 'CELL', ${province}, '1990-02-03')`.execute(db);
      await sql`INSERT INTO org_unit (id, code, name, kind, parent_id, established_on, ended_on, successor_id, end_decision)
        VALUES (${ended}, 'C2', 'Chi bộ Tổ dân phố số 2', 'CELL', ${province}, '1990-02-03', '2019-04-16', ${cell}, '9-QĐ')`.execute(db);

      await migrateToLatest(db, migrations);
      const versions = await sql<{ unit_id: string; parent_id: string | null; name: string; name_folded: string; valid_from: string | null; valid_to: string | null; change: string }>`
        SELECT unit_id, parent_id, name, name_folded, valid_from::text, valid_to::text, change FROM org_unit_version ORDER BY unit_id`.execute(db);
      expect(versions.rows).toEqual([
        { unit_id: province, parent_id: null, name: 'Đảng bộ tỉnh Nam Định', name_folded: 'dang bo tinh nam dinh', valid_from: null, valid_to: null, change: 'CREATED' },
        { unit_id: cell, parent_id: province, name: 'Chi bộ Tổ dân phố số 1', name_folded: 'chi bo to dan pho so 1', valid_from: '1990-02-03', valid_to: null, change: 'CREATED' },
        { unit_id: ended, parent_id: province, name: 'Chi bộ Tổ dân phố số 2', name_folded: 'chi bo to dan pho so 2', valid_from: '1990-02-03', valid_to: '2019-04-16', change: 'CREATED' },
      ]);
      const columns = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns WHERE table_name = 'org_unit'`.execute(db);
      expect(columns.rows.map((row) => row.column_name)).not.toContain('parent_id');

      await migrations['2026_11_22_12_00_00_create_org_unit_version']!.down!(db);
      const restored = await sql<{ id: string; name: string; parent_id: string | null }>`SELECT id, name, parent_id FROM org_unit ORDER BY id`.execute(db);
      expect(restored.rows).toEqual([
        { id: province, name: 'Đảng bộ tỉnh Nam Định', parent_id: null },
        { id: cell, name: 'Chi bộ Tổ dân phố số 1', parent_id: province },
        { id: ended, name: 'Chi bộ Tổ dân phố số 2', parent_id: province },
      ]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
