import type { Insertable, Kysely, Updateable } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberImportJob } from '../generated/tables.ts';
import type { ColumnMapping } from './columns.ts';
import { storedMapping, type ImportJobRow } from './import.tables.ts';

/** The mapping this user chose last time for the same set of headers, if any. */
export async function findStoredMapping(db: Kysely<MembershipDatabase>, actorSubject: string, headerKey: string): Promise<ColumnMapping[] | null> {
  const stored = await db.selectFrom('import_column_mapping').select('mapping').where('actor_subject', '=', actorSubject).where('header_key', '=', headerKey).executeTakeFirst();
  return stored ? storedMapping(stored.mapping) : null;
}

/** Remembers the user's mapping for this set of headers (the newest choice wins). */
export async function saveMapping(db: Kysely<MembershipDatabase>, actorSubject: string, headerKey: string, mapping: readonly ColumnMapping[]): Promise<void> {
  await db
    .insertInto('import_column_mapping')
    .values({ actor_subject: actorSubject, header_key: headerKey, mapping: JSON.stringify(mapping) })
    .onConflict((conflict) => conflict.columns(['actor_subject', 'header_key']).doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: new Date() }))
    .execute();
}

export function insertImportJob(db: Kysely<MembershipDatabase>, job: Insertable<MemberImportJob>): Promise<ImportJobRow> {
  return db.insertInto('member_import_job').values(job).returningAll().executeTakeFirstOrThrow();
}

/** Changes a job (status, counts, report); outside any import transaction, so a poll sees the progress before the commit. */
export function updateImportJob(db: Kysely<MembershipDatabase>, id: string, changes: Updateable<MemberImportJob>): Promise<ImportJobRow> {
  return db.updateTable('member_import_job').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A job, only for the user who started it. */
export function findImportJobOf(db: Kysely<MembershipDatabase>, actorSubject: string, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('member_import_job').selectAll().where('id', '=', id).where('actor_subject', '=', actorSubject).executeTakeFirst();
}
