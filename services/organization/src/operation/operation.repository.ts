import type { Kysely, Transaction } from 'kysely';
import type { OrganizationDatabase } from '../database.ts';
import type { OperationPartRow, OperationRow } from './operation.tables.ts';

export async function insertOperation(
  trx: Transaction<OrganizationDatabase>,
  operation: { id: string; kind: string; subjectId: string; requestedBy: string; parts: readonly { part: string; unitId: string }[] },
): Promise<OperationRow> {
  // Nothing for another subgraph to do (a plan of renames and moves only): complete at once.
  const done = operation.parts.length === 0;
  const row = await trx
    .insertInto('operation')
    .values({ id: operation.id, kind: operation.kind, subject_id: operation.subjectId, status: done ? 'COMPLETED' : 'PENDING', requested_by: operation.requestedBy, completed_at: done ? new Date() : null })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (done) return row;
  await trx
    .insertInto('operation_part')
    .values(operation.parts.map(({ part, unitId }) => ({ operation_id: operation.id, part, unit_id: unitId, status: 'PENDING', detail: null, applied_at: null })))
    .execute();
  return row;
}

/** Marks one subgraph's part for one unit done; the operation completes with its last part. Applying twice changes nothing. */
export async function completePart(trx: Transaction<OrganizationDatabase>, operationId: string, part: string, unitId: string, detail: unknown): Promise<void> {
  // Parts arrive from different feeds in concurrent transactions: lock the operation first, so that the
  // last part to commit sees the others done (else each sees the other still pending, and the
  // operation stays PENDING for ever).
  await trx.selectFrom('operation').select('id').where('id', '=', operationId).forUpdate().execute();
  await trx
    .updateTable('operation_part')
    .set({ status: 'COMPLETED', detail: JSON.stringify(detail), applied_at: new Date() })
    .where('operation_id', '=', operationId)
    .where('part', '=', part)
    .where('unit_id', '=', unitId)
    .where('status', '=', 'PENDING')
    .execute();
  const pending = await trx.selectFrom('operation_part').select('part').where('operation_id', '=', operationId).where('status', '=', 'PENDING').executeTakeFirst();
  if (!pending) {
    await trx.updateTable('operation').set({ status: 'COMPLETED', completed_at: new Date() }).where('id', '=', operationId).where('status', '=', 'PENDING').execute();
  }
}

export function findOperationsByIds(db: Kysely<OrganizationDatabase>, ids: readonly string[]): Promise<OperationRow[]> {
  return db.selectFrom('operation').selectAll().where('id', 'in', ids).execute();
}

export function findPartsOf(db: Kysely<OrganizationDatabase>, operationIds: readonly string[]): Promise<OperationPartRow[]> {
  return db.selectFrom('operation_part').selectAll().where('operation_id', 'in', operationIds).orderBy('part').orderBy('unit_id').execute();
}
