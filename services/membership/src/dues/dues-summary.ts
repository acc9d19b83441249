import { sql, type Kysely } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import { withoutJit } from '../statistics/no-jit.ts';
import { duesLedgerSql } from './dues-ledger.ts';

export interface DuesFigures {
  due: number;
  paid: number;
  owed: number;
  membersInArrears: number;
}

export interface DuesSummaryRows {
  total: DuesFigures;
  byChild: (DuesFigures & { unitId: string })[];
}

const NOTHING: DuesFigures = { due: 0, paid: 0, owed: 0, membersInArrears: 0 };

/**
 * Dues of the members placed in `unitId`'s subtree (today's tree, as `duesArrears` counts them) for
 * the months `fromMonth` to `toMonth` (YYYY-MM-01): the total and each unit directly below, summed by
 * the database in one statement (GROUPING SETS), not member by member in the service or the browser.
 */
export async function duesSummary(db: Kysely<MembershipDatabase>, unitId: string, fromMonth: string, toMonth: string): Promise<DuesSummaryRows> {
  // Only members with a dues basis by the last month owe anything: the ledger need not derive the others' status month by month.
  const withBasis = sql<boolean>`m.cell_id IN (SELECT id FROM tree) AND EXISTS (SELECT 1 FROM member_dues_basis b WHERE b.member_id = m.id AND b.valid_from <= ${toMonth}::date)`;
  const result = await withoutJit(db, (trx) =>
    sql<{ unit_id: string | null; is_total: boolean; due: string; paid: string; owed: string; members_in_arrears: number }>`
      WITH RECURSIVE live AS (
        SELECT id, parent_id FROM org_unit_replica
        WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)
      ), tree(id, child_id) AS (
        SELECT id, NULL::uuid FROM live WHERE id = ${unitId}::uuid
        UNION
        SELECT live.id, coalesce(tree.child_id, live.id) FROM live JOIN tree ON live.parent_id = tree.id
      )
      SELECT tree.child_id::text AS unit_id, GROUPING(tree.child_id) = 1 AS is_total,
        coalesce(sum(ledger.due), 0) AS due, coalesce(sum(ledger.paid), 0) AS paid,
        coalesce(sum(greatest(ledger.due - ledger.paid, 0)), 0) AS owed,
        count(DISTINCT ledger.member_id) FILTER (WHERE ledger.due > ledger.paid)::integer AS members_in_arrears
      FROM (${duesLedgerSql(withBasis, fromMonth, toMonth)}) ledger
      JOIN tree ON tree.id = ledger.cell_id
      GROUP BY GROUPING SETS ((tree.child_id), ())`.execute(trx),
  );
  const figures = (row: (typeof result.rows)[number]): DuesFigures => ({ due: Number(row.due), paid: Number(row.paid), owed: Number(row.owed), membersInArrears: row.members_in_arrears });
  const total = result.rows.find((row) => row.is_total);
  return {
    total: total ? figures(total) : NOTHING,
    // Members placed in the unit itself (a cell's own) belong to no unit below it.
    byChild: result.rows.filter((row) => !row.is_total && row.unit_id !== null).map((row) => ({ unitId: row.unit_id!, ...figures(row) })),
  };
}
