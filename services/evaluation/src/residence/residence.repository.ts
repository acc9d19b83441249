import { sql, type RawBuilder } from 'kysely';

/**
 * SQL condition: the member in `memberColumn` is a working member linked to a residence (Regulation
 * 213) at some time in `year` and the residence's comment for that year has not been recorded.
 */
export function lacksResidenceComment(memberColumn: string, year: number): RawBuilder<boolean> {
  const member = sql.ref(memberColumn);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return sql<boolean>`(
    (
      (SELECT residence_cell_id FROM residence_link AS link WHERE link.member_id = ${member} AND link.valid_from <= ${end}::date ORDER BY link.valid_from DESC, link.seq DESC LIMIT 1) IS NOT NULL
      OR EXISTS (SELECT 1 FROM residence_link AS link WHERE link.member_id = ${member} AND link.residence_cell_id IS NOT NULL AND link.valid_from BETWEEN ${start}::date AND ${end}::date)
    )
    AND NOT EXISTS (SELECT 1 FROM residence_comment WHERE residence_comment.member_id = ${member} AND residence_comment.year = ${year})
  )`;
}
