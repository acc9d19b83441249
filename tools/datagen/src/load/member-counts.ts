import { createKysely, type SubgraphName } from '@dangvien/db';
import { sql, type Kysely } from 'kysely';

/** Statuses that make someone a member of a unit today (the deceased and those who left are history). */
const ACTIVE = ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'];

export interface UnitCountComparison {
  unitId: string;
  name: string;
  /** Membership's members counted along organization's own tree. */
  organizationTree: number | null;
  /** Membership's members counted along membership's replica of the tree. */
  membershipReplica: number | null;
  /** Evaluation's member replica counted along evaluation's replica of the tree. */
  evaluationReplica: number | null;
  /** Organization's copy of placements (for the committee rule) counted along organization's tree. */
  organizationPlacements: number | null;
}

export interface MemberCountReport {
  units: number;
  members: number;
  /** Units whose four counts differ (null: the unit is missing from that tree). */
  mismatches: UnitCountComparison[];
  ok: boolean;
}

interface Edge {
  id: string;
  parent_id: string | null;
  name: string;
}

/**
 * Members per unit (the unit and everything under it, as the tree stands today), computed four ways
 * straight from the databases: membership's members along organization's tree, along membership's
 * replica, evaluation's member replica along evaluation's replica, and organization's copy of
 * placements (dated: today's rows) along its own tree. Equal everywhere when the
 * subgraphs, their replicas and the event bookkeeping agree (after a bulk load, or with no lag).
 */
export async function memberCountReport(databaseUrls: Record<SubgraphName, string>): Promise<MemberCountReport> {
  const [organization, membership, evaluation] = [databaseUrls.organization, databaseUrls.membership, databaseUrls.evaluation].map((url) => createKysely<unknown>(url, { maxConnections: 1 }));
  try {
    const liveToday = sql`(valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)`;
    const organizationTree = await rows<Edge>(organization!, sql`SELECT unit_id AS id, parent_id, name FROM org_unit_version WHERE ${liveToday}`);
    const membershipTree = await rows<Edge>(membership!, sql`SELECT id, parent_id, name FROM org_unit_replica WHERE ${liveToday}`);
    const evaluationTree = await rows<Edge>(evaluation!, sql`SELECT id, parent_id, name FROM org_unit_replica WHERE ${liveToday}`);
    const membersPerCell = await cellCounts(membership!, sql`SELECT cell_id, count(*)::int AS n FROM member WHERE status = ANY(${ACTIVE}) AND cell_id IS NOT NULL GROUP BY cell_id`);
    const replicaPerCell = await cellCounts(evaluation!, sql`SELECT cell_id, count(*)::int AS n FROM member_replica WHERE status = ANY(${ACTIVE}) AND cell_id IS NOT NULL GROUP BY cell_id`);
    const placementsPerCell = await cellCounts(organization!, sql`SELECT cell_id, count(*)::int AS n FROM member_placement_replica WHERE status = ANY(${ACTIVE}) AND cell_id IS NOT NULL AND ${liveToday} GROUP BY cell_id`);

    const a = rollUp(organizationTree, membersPerCell);
    const b = rollUp(membershipTree, membersPerCell);
    const c = rollUp(evaluationTree, replicaPerCell);
    const d = rollUp(organizationTree, placementsPerCell);
    const names = new Map([...evaluationTree, ...membershipTree, ...organizationTree].map((edge) => [edge.id, edge.name]));
    const mismatches: UnitCountComparison[] = [];
    for (const [unitId, name] of names) {
      const counts = { organizationTree: a.get(unitId) ?? null, membershipReplica: b.get(unitId) ?? null, evaluationReplica: c.get(unitId) ?? null, organizationPlacements: d.get(unitId) ?? null };
      if (new Set(Object.values(counts)).size > 1) mismatches.push({ unitId, name, ...counts });
    }
    // Members whose cell is in no tree are counted nowhere: report them under the cell id.
    for (const [label, perCell, tree] of [['membership', membersPerCell, organizationTree], ['evaluation', replicaPerCell, evaluationTree]] as const) {
      const known = new Set(tree.map((edge) => edge.id));
      for (const [cellId, n] of perCell) {
        if (!known.has(cellId)) mismatches.push({ unitId: cellId, name: `(chi bộ không có trong cây: ${n} đảng viên ở ${label})`, organizationTree: null, membershipReplica: null, evaluationReplica: null, organizationPlacements: null });
      }
    }
    const members = [...membersPerCell.values()].reduce((sum, n) => sum + n, 0);
    return { units: names.size, members, mismatches, ok: mismatches.length === 0 };
  } finally {
    await Promise.all([organization!.destroy(), membership!.destroy(), evaluation!.destroy()]);
  }
}

async function rows<T>(db: Kysely<unknown>, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

async function cellCounts(db: Kysely<unknown>, query: ReturnType<typeof sql>): Promise<Map<string, number>> {
  return new Map((await rows<{ cell_id: string; n: number }>(db, query)).map((row) => [row.cell_id, Number(row.n)]));
}

/** Each unit's count: its own members plus its descendants', walking the tree from the leaves (no recursion: trees are deep enough to matter at national scale only in width). */
function rollUp(tree: readonly Edge[], perCell: ReadonlyMap<string, number>): Map<string, number> {
  const totals = new Map(tree.map((edge) => [edge.id, perCell.get(edge.id) ?? 0]));
  const parentOf = new Map(tree.map((edge) => [edge.id, edge.parent_id]));
  const children = new Map<string, number>();
  for (const edge of tree) if (edge.parent_id) children.set(edge.parent_id, (children.get(edge.parent_id) ?? 0) + 1);
  // Kahn's order: a unit is added to its parent once all its children have been added to it.
  const ready = tree.filter((edge) => !children.has(edge.id)).map((edge) => edge.id);
  while (ready.length > 0) {
    const id = ready.pop()!;
    const parent = parentOf.get(id);
    if (!parent || !totals.has(parent)) continue;
    totals.set(parent, totals.get(parent)! + totals.get(id)!);
    const left = children.get(parent)! - 1;
    children.set(parent, left);
    if (left === 0) ready.push(parent);
  }
  return totals;
}

export function formatMemberCountReport(report: MemberCountReport, limit = 20): string {
  const lines = [`Đơn vị: ${report.units}; đảng viên (dự bị, chính thức, miễn sinh hoạt): ${report.members}`];
  if (report.ok) {
    lines.push('OK: số đảng viên từng đơn vị khớp giữa cây tổ chức, bản sao ở membership và evaluation, và bản sao phân công ở organization.');
    return lines.join('\n');
  }
  lines.push(`KHÔNG KHỚP ở ${report.mismatches.length} đơn vị:`, 'đơn vị                                    cây tổ chức  bản sao membership  bản sao evaluation  bản sao organization');
  for (const row of report.mismatches.slice(0, limit)) {
    const show = (n: number | null): string => (n === null ? '—' : String(n));
    lines.push(`${row.name.slice(0, 40).padEnd(41)} ${show(row.organizationTree).padStart(11)} ${show(row.membershipReplica).padStart(19)} ${show(row.evaluationReplica).padStart(19)} ${show(row.organizationPlacements).padStart(21)}`);
  }
  if (report.mismatches.length > limit) lines.push(`… và ${report.mismatches.length - limit} đơn vị khác.`);
  return lines.join('\n');
}
