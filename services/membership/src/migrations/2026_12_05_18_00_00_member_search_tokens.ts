import { sql, type Kysely } from 'kysely';

/**
 * Name search for callers over whole provinces or the whole country (issue 23). The trigram index finds
 * every match in the country (60,000 members for "van hung") before the scope and the Vietnamese order
 * cut them to a page: 205 ms for a province, 1.4 s for the country at p95. Here each member has one row
 * per distinct word of the folded name, carrying the page's sort key and the top unit (province) of its
 * cell, so a search reads each matching word's rows already in Vietnamese order and stops after a page.
 *
 * - member_search_word: every word that ever occurred (a few thousand): which words contain a fragment.
 * - member_search_token: (word, given name, whole name, id) in the "vi-x-icu" order; the index carries
 *   what the filters need (province, cell, status, folded name), so a page is read from the index alone.
 * - top_unit_id: the top of the tree (parent null) above the member's cell, along the units' open
 *   versions (the tree as last recorded); null when the cell is in no tree. Kept by the database, like
 *   `full_name_folded`: triggers on member (every way of writing one: API, imports, bulk COPY) and on
 *   org_unit_replica (the organization's events: a unit moved to another province, ended, the 2025 reform).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // An index over 20 million rows (national scale) sorts faster with more memory; this transaction only.
  await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(db);
  await sql`CREATE TABLE member_search_word (word text PRIMARY KEY)`.execute(db);
  await sql`CREATE TABLE member_search_token (
    member_id uuid NOT NULL,
    word text NOT NULL,
    given_name text COLLATE "vi-x-icu" NOT NULL,
    full_name text COLLATE "vi-x-icu" NOT NULL,
    full_name_folded text NOT NULL,
    status text NOT NULL,
    cell_id uuid,
    top_unit_id uuid,
    PRIMARY KEY (member_id, word)
  )`.execute(db);

  // The top above a unit along open versions; null when a unit on the way has none (ended) or the walk is too deep.
  await sql`CREATE FUNCTION member_search_top(unit uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM org_unit_replica WHERE id = unit AND valid_to IS NULL
      UNION ALL
      SELECT r.id, r.parent_id, up.depth + 1 FROM up JOIN org_unit_replica r ON r.id = up.parent_id AND r.valid_to IS NULL WHERE up.depth < 64
    )
    SELECT id FROM up WHERE parent_id IS NULL LIMIT 1
  $$`.execute(db);

  // Rows for the members in the transition table "changed" (a set: one statement per COPY or UPDATE).
  const insertTokens = (from: string) => `
    INSERT INTO member_search_word (word)
      SELECT DISTINCT w FROM ${from}, regexp_split_to_table(m.full_name_folded, '\\s+') w WHERE w <> '' ORDER BY w
      ON CONFLICT DO NOTHING;
    INSERT INTO member_search_token (member_id, word, given_name, full_name, full_name_folded, status, cell_id, top_unit_id)
      SELECT m.id, w.word, m.given_name, m.full_name, m.full_name_folded, m.status, m.cell_id, tops.top
      FROM ${from}
      CROSS JOIN LATERAL (SELECT DISTINCT w AS word FROM regexp_split_to_table(m.full_name_folded, '\\s+') w WHERE w <> '') w
      LEFT JOIN (SELECT c.cell_id, member_search_top(c.cell_id) AS top FROM (SELECT DISTINCT m.cell_id FROM ${from} WHERE m.cell_id IS NOT NULL) c) tops ON tops.cell_id = m.cell_id;`;
  await sql
    .raw(
      `CREATE FUNCTION member_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${insertTokens('new_members m')}
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  // Only members whose name, status or cell changed are rewritten (a phone number changes nothing here).
  const changed = `(SELECT n.* FROM new_members n JOIN old_members o ON o.id = n.id
    WHERE (o.full_name, o.status, o.cell_id) IS DISTINCT FROM (n.full_name, n.status, n.cell_id)) m`;
  await sql
    .raw(
      `CREATE FUNCTION member_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM member_search_token t USING ${changed} WHERE t.member_id = m.id;
        ${insertTokens(changed)}
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql`CREATE FUNCTION member_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM member_search_token t USING old_members m WHERE t.member_id = m.id;
      RETURN NULL;
    END $$`.execute(db);
  // A unit's open version changed (created, moved, ended): its subtree's members get their top again.
  await sql`CREATE FUNCTION member_search_tree_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      WITH RECURSIVE subtree(id) AS (
        SELECT DISTINCT id FROM changed_units
        UNION
        SELECT child.id FROM org_unit_replica child JOIN subtree ON child.parent_id = subtree.id WHERE child.valid_to IS NULL
      ), tops AS (
        SELECT subtree.id AS cell_id, member_search_top(subtree.id) AS top FROM subtree
      )
      UPDATE member_search_token t SET top_unit_id = tops.top
      FROM tops JOIN member m ON m.cell_id = tops.cell_id
      WHERE t.member_id = m.id AND t.top_unit_id IS DISTINCT FROM tops.top;
      RETURN NULL;
    END $$`.execute(db);

  // Existing members, set-based (5.7 million at national scale), before the triggers exist.
  await sql.raw(insertTokens('member m')).execute(db);
  await sql`CREATE INDEX member_search_token_order_idx ON member_search_token (word, given_name, full_name, member_id) INCLUDE (top_unit_id, cell_id, status, full_name_folded)`.execute(db);

  await sql`CREATE TRIGGER member_search_inserted AFTER INSERT ON member REFERENCING NEW TABLE AS new_members FOR EACH STATEMENT EXECUTE FUNCTION member_search_inserted()`.execute(db);
  await sql`CREATE TRIGGER member_search_updated AFTER UPDATE ON member REFERENCING OLD TABLE AS old_members NEW TABLE AS new_members FOR EACH STATEMENT EXECUTE FUNCTION member_search_updated()`.execute(db);
  await sql`CREATE TRIGGER member_search_deleted AFTER DELETE ON member REFERENCING OLD TABLE AS old_members FOR EACH STATEMENT EXECUTE FUNCTION member_search_deleted()`.execute(db);
  // A trigger with transition tables serves one event: one for inserted versions, one for changed ones.
  await sql`CREATE TRIGGER member_search_tree_inserted AFTER INSERT ON org_unit_replica REFERENCING NEW TABLE AS changed_units FOR EACH STATEMENT EXECUTE FUNCTION member_search_tree_changed()`.execute(db);
  await sql`CREATE TRIGGER member_search_tree_updated AFTER UPDATE ON org_unit_replica REFERENCING NEW TABLE AS changed_units FOR EACH STATEMENT EXECUTE FUNCTION member_search_tree_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER member_search_tree_updated ON org_unit_replica`.execute(db);
  await sql`DROP TRIGGER member_search_tree_inserted ON org_unit_replica`.execute(db);
  await sql`DROP TRIGGER member_search_deleted ON member`.execute(db);
  await sql`DROP TRIGGER member_search_updated ON member`.execute(db);
  await sql`DROP TRIGGER member_search_inserted ON member`.execute(db);
  await sql`DROP FUNCTION member_search_tree_changed(), member_search_deleted(), member_search_updated(), member_search_inserted(), member_search_top(uuid)`.execute(db);
  await sql`DROP TABLE member_search_token, member_search_word`.execute(db);
}
