import { sql, type Kysely } from 'kysely';

/** The address (trụ sở) of a unit, as unit sheets carry it; the current one only. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE org_unit_address (
    unit_id uuid PRIMARY KEY REFERENCES org_unit (id),
    address text NOT NULL CHECK (address = normalize(address, NFC)),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE org_unit_address`.execute(db);
}
