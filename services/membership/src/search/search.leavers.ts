import { sql, type RawBuilder } from 'kysely';
import { recordWithinScopes } from '../member/record-scope.ts';

/**
 * SQL condition: a member who left is readable by a caller holding `scopeIds`: the one rule for the
 * records of members who left (`recordWithinScopes`, docs/permissions.md). Checked row by row, so it is
 * meant for the few rows a page reads, after cheaper conditions.
 */
export function leaverReadable(memberId: RawBuilder<unknown>, scopeIds: readonly string[]): RawBuilder<boolean> {
  if (scopeIds.length === 0) return sql<boolean>`FALSE`;
  return sql<boolean>`EXISTS (SELECT 1 FROM member leaver WHERE leaver.id = ${memberId} AND ${recordWithinScopes('leaver', scopeIds)})`;
}
