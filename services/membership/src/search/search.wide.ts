import { withinReplicaScopes } from '@dangvien/org-replica';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MembershipDatabase } from '../database.ts';
import type { MemberRow } from '../member/member.tables.ts';
import { GONE, hasLeftBy } from '../member/record-scope.ts';
import { leaverReadable } from './search.leavers.ts';
import type { MemberSearch } from './search.tables.ts';

/** A LIKE pattern's metacharacters taken literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (match) => `\\${match}`);

/** Where a wide search looks: whole trees by their top unit (a province; every top: the country), and listed cells besides. */
export interface WideScope {
  tops: readonly string[];
  /** The caller's scopes hold every top of today's tree: any unit in a tree will do. */
  everyTop: boolean;
  listedUnits: readonly string[];
}

/**
 * Which words of `member_search_word` lead to the matches of a folded name fragment, and the condition
 * every match must meet besides. One piece ("linh", "an"): the words containing it (every row of those
 * words matches). Several ("van hung"): a fragment spanning words ends one word with its first piece and
 * starts a word with its last one; the words starting with the last piece lead (in a Vietnamese name the
 * given name, the least common word: "hung" before "van"), checked against the whole fragment.
 */
function wordsFor(foldedName: string): { wordPattern: string; recheck: string | null } {
  const pieces = foldedName.split(' ');
  if (pieces.length === 1) return { wordPattern: `%${escapeLike(foldedName)}%`, recheck: null };
  const last = pieces.at(-1)!;
  // A last piece of one letter (still typing) would lead through most words: the first piece leads instead.
  const wordPattern = last.length >= 2 ? `${escapeLike(last)}%` : `%${escapeLike(pieces[0]!)}`;
  return { wordPattern, recheck: `%${escapeLike(foldedName)}%` };
}

/**
 * A page of a name search over wide scopes, from `member_search_token`: for each word that leads to
 * matches, its rows in Vietnamese order (the index's order) up to a page, filtered on what the index
 * carries; then the union of those short lists, in order, without repeats. The cost follows the page
 * size and the number of leading words, not the number of matches in the country. Each row also says
 * whether today's tree confirms it is in scope (the top kept on the rows follows the tree as last
 * recorded: a move dated in the future shows early); the caller falls back to the exact search if not.
 */
export async function searchWide(
  db: Kysely<MembershipDatabase>,
  search: MemberSearch & { foldedName: string },
  scope: WideScope,
): Promise<{ rows: (MemberRow & { in_scope: boolean })[] }> {
  const { wordPattern, recheck } = wordsFor(search.foldedName);
  const limit = search.first + 1;
  const conditions: RawBuilder<boolean>[] = [];
  const inTrees = scope.everyTop
    ? sql<boolean>`token.top_unit_id IS NOT NULL`
    : sql<boolean>`(token.top_unit_id = ANY(${[...scope.tops]}::uuid[])${scope.listedUnits.length > 0 ? sql` OR token.cell_id = ANY(${[...scope.listedUnits]}::uuid[])` : sql``})`;
  const current = sql<boolean>`(token.status NOT IN (${sql.join(GONE)}) AND token.cell_id IS NOT NULL AND ${inTrees})`;
  conditions.push(search.includeLeft ? sql<boolean>`(${current} OR (${hasLeftBy(sql`token.status`, sql`token.cell_id`, sql`token.member_id`)} AND ${leaverReadable(sql`token.member_id`, search.readableScopes)}))` : current);
  if (recheck) conditions.push(sql<boolean>`token.full_name_folded LIKE ${recheck}`);
  if (search.status) conditions.push(sql<boolean>`token.status = ${search.status}`);
  if (search.after) {
    conditions.push(
      sql<boolean>`(token.given_name, token.full_name, token.member_id) > (${search.after.given_name} COLLATE "vi-x-icu", ${search.after.full_name} COLLATE "vi-x-icu", ${search.after.id}::uuid)`,
    );
  }
  // The planner, guessing that few rows pass the filters, would collect every row of a word by bitmap and
  // sort them (350 ms for "van hung" at province scale) instead of reading the index in order (0.2 ms);
  // and, costing the whole of each word's rows at national scale, it would compile the statement (JIT:
  // 7 to 200 ms) for a page read in 3 ms.
  const result = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
    await sql`SET LOCAL jit = off`.execute(trx);
    return sql<MemberRow & { in_scope: boolean }>`
    WITH hits AS (
      SELECT hit.* FROM member_search_word lead_word
      CROSS JOIN LATERAL (
        SELECT token.member_id, token.given_name, token.full_name FROM member_search_token token
        WHERE token.word = lead_word.word AND ${sql.join(conditions, sql` AND `)}
        ORDER BY token.given_name, token.full_name, token.member_id
        LIMIT ${limit}
      ) hit
      WHERE lead_word.word LIKE ${wordPattern}
    ), page AS (
      SELECT DISTINCT ON (given_name, full_name, member_id) member_id, given_name, full_name FROM hits
      ORDER BY given_name, full_name, member_id
      LIMIT ${limit}
    )
    SELECT member.*,
      (${hasLeftBy(sql`member.status`, sql`member.cell_id`, sql`member.id`)} OR ${withinReplicaScopes('member.cell_id', search.readableScopes)}) AS in_scope
    FROM page JOIN member ON member.id = page.member_id
    ORDER BY page.given_name, page.full_name, page.member_id`.execute(trx);
  });
  return { rows: result.rows };
}
