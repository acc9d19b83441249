import { sql, type RawBuilder } from 'kysely';
import type { MemberStatus } from '../generated/graphql.ts';
import { recordWithinScopes } from '../member/record-scope.ts';

/** Statuses of members who left the Party's ranks (died, expelled, names removed, left). */
export const GONE: readonly MemberStatus[] = ['LEFT', 'DECEASED'];

/** SQL condition: the member (status, cell) has left: a gone status, or no cell (transferred out of the system). */
export function hasLeft(status: RawBuilder<unknown>, cellId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${status} IN (${sql.join(GONE)}) OR ${cellId} IS NULL)`;
}

/**
 * SQL condition: a member who left is readable by a caller holding `scopeIds`: the one rule for the
 * records of members who left (`recordWithinScopes`, docs/permissions.md). Checked row by row, so it is
 * meant for the few rows a page reads, after cheaper conditions.
 */
export function leaverReadable(memberId: RawBuilder<unknown>, scopeIds: readonly string[]): RawBuilder<boolean> {
  if (scopeIds.length === 0) return sql<boolean>`FALSE`;
  return sql<boolean>`EXISTS (SELECT 1 FROM member leaver WHERE leaver.id = ${memberId} AND ${recordWithinScopes('leaver', scopeIds)})`;
}
