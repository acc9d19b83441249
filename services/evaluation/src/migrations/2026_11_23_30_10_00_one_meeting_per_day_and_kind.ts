import { sql, type Kysely } from 'kysely';

/** One minutes per cell, day and kind: recording the same meeting twice would count its attendance twice. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE UNIQUE INDEX meeting_cell_day_kind_unique ON meeting (cell_id, held_on, kind)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX meeting_cell_day_kind_unique`.execute(db);
}
