import pg from 'pg';
import type { Caller } from '@dangvien/auth';
import { foldText } from '@dangvien/server';

/** What the workload is drawn from, read once from the loaded databases. */
export interface Fixture {
  /** The top of today's tree (after the 2025 reform the grassroots sit under the province). */
  rootId: string;
  cellIds: string[];
  memberIds: string[];
  /** Folded fragments of real names (given names and "family given" pairs), as a clerk types them. */
  searchTerms: string[];
  caller: Caller;
}

// The inputs are drawn with the demo data's generator, so every target gets the same inputs in the same order.
export { seededRandom } from '@dangvien/demo-data';

/** Today's units in the subtrees of `rootIds` (roots included), from the organization database; only cells when asked. */
export async function subtreeUnits(organization: pg.Client, rootIds: readonly string[], cellsOnly = false): Promise<string[]> {
  const result = await organization.query<{ unit_id: string }>(
    `WITH RECURSIVE tree AS (
       SELECT unit_id FROM org_unit_version WHERE unit_id = ANY($1::uuid[]) AND valid_to IS NULL
       UNION ALL SELECT v.unit_id FROM org_unit_version v JOIN tree ON v.parent_id = tree.unit_id AND v.valid_to IS NULL)
     SELECT tree.unit_id FROM tree JOIN org_unit u ON u.id = tree.unit_id WHERE NOT $2 OR u.kind IN ('CELL', 'GRASSROOTS_CELL')`,
    [rootIds, cellsOnly],
  );
  return result.rows.map((row) => row.unit_id);
}

export async function readFixture(databaseUrls: Record<'organization' | 'membership', string>, sample = 200): Promise<Fixture> {
  const organization = new pg.Client({ connectionString: databaseUrls.organization });
  const membership = new pg.Client({ connectionString: databaseUrls.membership });
  await Promise.all([organization.connect(), membership.connect()]);
  try {
    const root = await organization.query<{ unit_id: string }>(
      `SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
       WHERE v.valid_to IS NULL AND v.parent_id IS NULL AND u.ended_on IS NULL ORDER BY u.code LIMIT 1`,
    );
    const rootId = root.rows[0]?.unit_id;
    if (!rootId) throw new Error('no root unit: is the data loaded?');
    // The caller's subtree: at national scale there are 34 tops and the caller holds the first, so the
    // workload is drawn from inside it (a roster outside it would answer null, fast and meaningless).
    const units = await subtreeUnits(organization, [rootId]);
    // Cells with at least five active members, the busiest first: a clerk's everyday roster.
    const cells = await membership.query<{ cell_id: string }>(
      `SELECT cell_id FROM member WHERE status IN ('PROBATIONARY','OFFICIAL','EXEMPT') AND cell_id = ANY($2::uuid[])
       GROUP BY cell_id HAVING count(*) >= 5 ORDER BY md5(cell_id::text) LIMIT $1`,
      [sample, units],
    );
    const members = await membership.query<{ id: string; full_name: string; given_name: string }>(
      `SELECT id, full_name, given_name FROM member WHERE status IN ('PROBATIONARY','OFFICIAL','EXEMPT') AND cell_id = ANY($2::uuid[]) ORDER BY md5(id::text) LIMIT $1`,
      [sample, units],
    );
    const searchTerms = members.rows.map((row, index) => {
      const words = foldText(row.full_name).split(' ');
      return index % 2 === 0 && words.length > 2 ? `${words.at(-2)} ${words.at(-1)}` : foldText(row.given_name);
    });
    return {
      rootId,
      cellIds: cells.rows.map((row) => row.cell_id),
      memberIds: members.rows.map((row) => row.id),
      searchTerms,
      caller: {
        subject: 'bench',
        name: 'Benchmark',
        grants: [
          { role: 'DISTRICT_BOARD', scopeUnitId: rootId },
          { role: 'CELL_SECRETARY', scopeUnitId: rootId },
        ],
      },
    };
  } finally {
    await Promise.all([organization.end(), membership.end()]);
  }
}
