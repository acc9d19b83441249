import { sql, type QueryExecutorProvider } from 'kysely';
import { DomainError } from './errors.ts';

/**
 * Before a new dated rule (a regulation valid from a date until the next one's) is inserted into
 * `table` (columns `code`, `valid_from`): it must start after the newest rule, so no period gets two
 * rules and what was already decided keeps the rule it was decided under, and its code must be new.
 * Locks the table until the transaction ends, so two administrators adding rules are checked in turn.
 */
export async function requireNextDatedRule(trx: QueryExecutorProvider, table: string, code: string, validFrom: string): Promise<void> {
  await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const newest = await sql<{ code: string; valid_from: string }>`SELECT code, valid_from FROM ${sql.table(table)} ORDER BY valid_from DESC LIMIT 1`.execute(trx);
  const latest = newest.rows[0];
  if (latest && validFrom <= latest.valid_from) throw new DomainError('CONFLICT', `Quy định mới phải có hiệu lực sau ${latest.code} (từ ngày ${latest.valid_from}).`, { field: 'validFrom' });
  const taken = await sql`SELECT 1 FROM ${sql.table(table)} WHERE code = ${code}`.execute(trx);
  if (taken.rows.length > 0) throw new DomainError('CONFLICT', `Đã có quy định ${code}.`, { field: 'code' });
}
