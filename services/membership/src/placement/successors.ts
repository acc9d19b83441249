import type { Transaction } from 'kysely';
import type { MembershipDatabase } from '../database.ts';

/**
 * Notes which units took over from a unit that ended (every part of a split), so the records of its
 * members who had left stay readable by the successors (member/record-scope.ts). Idempotent: a replayed
 * event writes nothing twice.
 */
export async function recordSuccessors(trx: Transaction<MembershipDatabase>, unitId: string, successorIds: readonly string[], effectiveDate: string): Promise<void> {
  const rows = [...new Set(successorIds)].filter((id) => id !== unitId).map((successor_id) => ({ unit_id: unitId, successor_id, effective_date: effectiveDate }));
  if (rows.length === 0) return;
  await trx.insertInto('unit_successor').values(rows).onConflict((conflict) => conflict.doNothing()).execute();
}
