import { sql, type Kysely } from 'kysely';

/** Frozen copy of the search folding at the time of this migration (lowercase, no diacritics, đ → d). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The effective-dated tree: parent links and names valid from (inclusive) to (exclusive; null = open).
 * org_unit keeps identity, kind, code and lifetime; each existing unit becomes one version.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE org_unit_version (
    version_id bigserial PRIMARY KEY,
    unit_id uuid NOT NULL REFERENCES org_unit (id),
    parent_id uuid REFERENCES org_unit (id),
    name text NOT NULL CHECK (name = normalize(name, NFC)),
    name_folded text NOT NULL,
    valid_from date,
    valid_to date,
    change text NOT NULL CHECK (change IN ('CREATED', 'RENAMED', 'MOVED')),
    decision_number text,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
  )`.execute(db);
  await sql`CREATE INDEX org_unit_version_unit_idx ON org_unit_version (unit_id, valid_from)`.execute(db);
  await sql`CREATE INDEX org_unit_version_parent_idx ON org_unit_version (parent_id)`.execute(db);
  await sql`CREATE INDEX org_unit_version_folded_idx ON org_unit_version (name_folded, unit_id)`.execute(db);
  // At most one open version per unit.
  await sql`CREATE UNIQUE INDEX org_unit_version_open_idx ON org_unit_version (unit_id) WHERE valid_to IS NULL`.execute(db);

  const units = await sql<{ id: string; parent_id: string | null; name: string; established_on: string | null; ended_on: string | null }>`
    SELECT id, parent_id, name, established_on::text AS established_on, ended_on::text AS ended_on FROM org_unit`.execute(db);
  for (let start = 0; start < units.rows.length; start += 1000) {
    const batch = units.rows.slice(start, start + 1000);
    await db
      .insertInto('org_unit_version')
      .values(
        batch.map((unit) => ({
          unit_id: unit.id,
          parent_id: unit.parent_id,
          name: unit.name,
          name_folded: fold(unit.name),
          valid_from: unit.established_on,
          valid_to: unit.ended_on,
          change: 'CREATED',
          decision_number: null,
        })),
      )
      .execute();
  }
  await sql`DROP INDEX IF EXISTS org_unit_parent_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS org_unit_kind_idx`.execute(db);
  await sql`ALTER TABLE org_unit DROP COLUMN parent_id, DROP COLUMN name`.execute(db);
  await sql`ALTER TABLE org_unit ADD COLUMN established_decision text`.execute(db);
  await sql`CREATE INDEX org_unit_kind_idx ON org_unit (kind)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE org_unit DROP COLUMN established_decision, ADD COLUMN parent_id uuid REFERENCES org_unit (id), ADD COLUMN name text`.execute(db);
  await sql`UPDATE org_unit SET parent_id = latest.parent_id, name = latest.name FROM (
    SELECT DISTINCT ON (unit_id) unit_id, parent_id, name FROM org_unit_version ORDER BY unit_id, valid_from DESC NULLS LAST
  ) latest WHERE latest.unit_id = org_unit.id`.execute(db);
  await sql`ALTER TABLE org_unit ALTER COLUMN name SET NOT NULL`.execute(db);
  await sql`DROP TABLE org_unit_version`.execute(db);
  await sql`DROP INDEX org_unit_kind_idx`.execute(db);
  await sql`CREATE INDEX org_unit_kind_idx ON org_unit (kind, name)`.execute(db);
  await sql`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id)`.execute(db);
}
