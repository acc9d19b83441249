import { readableScopes, type Caller } from '@dangvien/auth';
import { inReplicaSubtreeWithin, unitsWithinScopes, withinReplicaScopes } from '@dangvien/org-replica';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { EvaluationDatabase } from '../database.ts';
import type { Grade, ReviewPeriod, ReviewSubject } from '../generated/graphql.ts';
import type { GradeProposal, Review, ReviewCycle, ReviewDecision } from '../generated/tables.ts';
import { lacksResidenceComment } from '../residence/residence.repository.ts';
import type { ReviewRow } from '../review/review.tables.ts';
import { ancestorsOf } from '../scope/scope.ts';
import type { GradeProposalRow, MemberReplicaRow, ReviewCycleRow, SelfReviewRow } from './cycle.tables.ts';

type Db = Kysely<EvaluationDatabase>;

/** The cycle, locked for the rest of the transaction (two decisions on one cycle run one after the other). */
export async function lockCycle(db: Db, cycleId: string): Promise<ReviewCycleRow | undefined> {
  return sql<ReviewCycleRow>`SELECT * FROM review_cycle WHERE id = ${cycleId} FOR UPDATE`.execute(db).then((result) => result.rows[0]);
}

/** Cycles the caller may see: of organizations inside their subtrees, or containing one of their grants. */
export async function visibleCycles(db: Db, caller: Caller, filter: { ids?: string[]; unitId?: string; year?: number }): Promise<ReviewCycleRow[]> {
  let query = db.selectFrom('review_cycle').selectAll();
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  const rows = await query.orderBy('year', 'desc').orderBy('period', 'desc').execute();
  if (rows.length === 0) return [];
  const readable = await unitsWithinScopes(db, rows.map((row) => row.unit_id), readableScopes(caller));
  const aboveGrants = new Set(await ancestorsOf(db, caller.grants.map((grant) => grant.scopeUnitId)));
  return rows.filter((row) => readable.has(row.unit_id) || aboveGrants.has(row.unit_id));
}

/**
 * The unit whose cycles a unit's readers mean: a cell or party group below a grassroots organization
 * (a ward's party committee) stands for that organization, which is where its members cycles are
 * opened; any other unit (a grassroots organization, a district) for itself. The tree as it stands today.
 */
export async function cycleUnitFor(db: Db, unitId: string): Promise<string> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up(id, parent_id, kind, depth) AS (
      SELECT unit.id, unit.parent_id, unit.kind, 0 FROM org_unit_replica unit
      WHERE unit.id = ${unitId}::uuid AND (unit.valid_from IS NULL OR unit.valid_from <= current_date) AND (unit.valid_to IS NULL OR unit.valid_to > current_date)
      UNION ALL
      SELECT parent.id, parent.parent_id, parent.kind, up.depth + 1 FROM up
      JOIN org_unit_replica parent ON parent.id = up.parent_id
        AND (parent.valid_from IS NULL OR parent.valid_from <= current_date) AND (parent.valid_to IS NULL OR parent.valid_to > current_date)
      WHERE up.kind IN ('CELL', 'PARTY_GROUP') AND up.depth < 64
    )
    SELECT id FROM up ORDER BY depth DESC LIMIT 1`.execute(db);
  return result.rows[0]?.id ?? unitId;
}

/** Where a cycle's lists look: members in the caller's subtrees, or of one unit's subtree (a cell) within them; a member counts in their cell of today. */
function memberCellCondition(caller: Caller, cellId: string | undefined) {
  const scopes = readableScopes(caller);
  return cellId ? inReplicaSubtreeWithin('member_replica.cell_id', cellId, scopes) : withinReplicaScopes('member_replica.cell_id', scopes);
}

/** Self-reviews of a cycle for members the caller may read (of one cell when given), by submission time. */
export function selfReviewsOfCycle(db: Db, caller: Caller, cycleId: string, cellId?: string): Promise<SelfReviewRow[]> {
  return db
    .selectFrom('self_review')
    .innerJoin('member_replica', 'member_replica.member_id', 'self_review.member_id')
    .selectAll('self_review')
    .where('self_review.cycle_id', '=', cycleId)
    .where(memberCellCondition(caller, cellId))
    .orderBy('self_review.submitted_at')
    .orderBy('self_review.member_id')
    .execute();
}

/** The cells' proposals in a cycle for members the caller may read (of one cell when given), by proposal time. */
export function proposalsOfCycle(db: Db, caller: Caller, cycleId: string, cellId?: string): Promise<GradeProposalRow[]> {
  return db
    .selectFrom('grade_proposal')
    .innerJoin('member_replica', 'member_replica.member_id', 'grade_proposal.member_id')
    .selectAll('grade_proposal')
    .where('grade_proposal.cycle_id', '=', cycleId)
    .where(memberCellCondition(caller, cellId))
    .orderBy('grade_proposal.proposed_at')
    .orderBy('grade_proposal.member_id')
    .execute();
}

/** Kind and name of a unit as it stands today in the replica of the tree. */
export function currentUnit(db: Db, unitId: string): Promise<{ kind: string; name: string } | undefined> {
  return db.selectFrom('org_unit_replica').select(['kind', 'name']).where('id', '=', unitId).where('valid_to', 'is', null).executeTakeFirst();
}

export function findCycleOfPeriod(db: Db, unitId: string, year: number, period: ReviewPeriod, subject: ReviewSubject): Promise<{ id: string } | undefined> {
  return db.selectFrom('review_cycle').select('id').where('unit_id', '=', unitId).where('year', '=', year).where('period', '=', period).where('subject', '=', subject).executeTakeFirst();
}

export function insertCycle(db: Db, cycle: Insertable<ReviewCycle>): Promise<ReviewCycleRow> {
  return db.insertInto('review_cycle').values(cycle).returningAll().executeTakeFirstOrThrow();
}

/** Closes a cycle, keeping who closed it and the unit of the grant they closed it with (its level). */
export function closeCycle(db: Db, cycleId: string, closedBy: string, scopeUnitId: string | null): Promise<ReviewCycleRow> {
  return db
    .updateTable('review_cycle')
    .set({ status: 'CLOSED', closed_at: new Date(), closed_by: closedBy, closed_scope_unit_id: scopeUnitId })
    .where('id', '=', cycleId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Opens a closed cycle again (who closed it stays until the next close; the audit log keeps every change). */
export function reopenCycle(db: Db, cycleId: string): Promise<ReviewCycleRow> {
  return db.updateTable('review_cycle').set({ status: 'OPEN' }).where('id', '=', cycleId).returningAll().executeTakeFirstOrThrow();
}

/** The nearest of `scopeIds` on the path from `unitId` up to the root (the unit itself first), today. */
export async function nearestScopeAbove(db: Db, unitId: string, scopeIds: readonly string[]): Promise<string | null> {
  if (scopeIds.length === 0) return null;
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM org_unit_replica
      WHERE id = ${unitId}::uuid AND (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR valid_to > current_date)
      UNION ALL
      SELECT parent.id, parent.parent_id, up.depth + 1 FROM up
      JOIN org_unit_replica parent ON parent.id = up.parent_id
        AND (parent.valid_from IS NULL OR parent.valid_from <= current_date) AND (parent.valid_to IS NULL OR parent.valid_to > current_date)
      WHERE up.depth < 64
    )
    SELECT id FROM up WHERE id = ANY(${[...scopeIds]}::uuid[]) ORDER BY depth LIMIT 1`.execute(db);
  return result.rows[0]?.id ?? null;
}

export function findMemberReplica(db: Db, memberId: string): Promise<MemberReplicaRow | undefined> {
  return db.selectFrom('member_replica').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

export function findMemberReplicas(db: Db, memberIds: readonly string[]): Promise<MemberReplicaRow[]> {
  return db.selectFrom('member_replica').selectAll().where('member_id', 'in', [...memberIds]).execute();
}

export function findSelfReviewContent(db: Db, cycleId: string, memberId: string): Promise<{ content: string } | undefined> {
  return db.selectFrom('self_review').select('content').where('cycle_id', '=', cycleId).where('member_id', '=', memberId).executeTakeFirst();
}

/** Writes (or rewrites) a member's self-review in a cycle. */
export function upsertSelfReview(db: Db, cycleId: string, memberId: string, content: string): Promise<SelfReviewRow> {
  return db
    .insertInto('self_review')
    .values({ cycle_id: cycleId, member_id: memberId, content })
    .onConflict((oc) => oc.columns(['cycle_id', 'member_id']).doUpdateSet({ content, submitted_at: sql<Date>`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findProposalGrade(db: Db, cycleId: string, memberId: string): Promise<Pick<GradeProposalRow, 'score' | 'grade' | 'disciplined'> | undefined> {
  return db.selectFrom('grade_proposal').select(['score', 'grade', 'disciplined']).where('cycle_id', '=', cycleId).where('member_id', '=', memberId).executeTakeFirst();
}

export function findProposals(db: Db, cycleId: string, memberIds: readonly string[]): Promise<GradeProposalRow[]> {
  return db.selectFrom('grade_proposal').selectAll().where('cycle_id', '=', cycleId).where('member_id', 'in', [...memberIds]).execute();
}

/** Writes (or rewrites) the cell's proposal for a member in a cycle. */
export function upsertProposal(db: Db, key: { cycle_id: string; member_id: string }, values: Omit<Insertable<GradeProposal>, 'cycle_id' | 'member_id' | 'proposed_at'>): Promise<GradeProposalRow> {
  return db
    .insertInto('grade_proposal')
    .values({ ...key, ...values })
    .onConflict((oc) => oc.columns(['cycle_id', 'member_id']).doUpdateSet({ ...values, proposed_at: sql<Date>`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The members' reviews of a period, locked: a decision rewrites them. */
export async function lockReviewsOfPeriod(db: Db, memberIds: readonly string[], year: number, period: ReviewPeriod): Promise<ReviewRow[]> {
  return sql<ReviewRow>`SELECT * FROM review WHERE member_id = ANY(${[...memberIds]}::uuid[]) AND year = ${year} AND period = ${period} FOR UPDATE`.execute(db).then((result) => result.rows);
}

/** Writes a decided review, replacing the member's review of the same period. */
export function upsertReview(db: Db, review: Insertable<Review> & Pick<ReviewRow, 'score' | 'grade' | 'cycle_id' | 'rule_set_id' | 'disciplined'>): Promise<ReviewRow> {
  const values = { score: review.score, grade: review.grade, cycle_id: review.cycle_id, rule_set_id: review.rule_set_id, disciplined: review.disciplined };
  return db.insertInto('review').values(review).onConflict((oc) => oc.constraint('review_member_year_unique').doUpdateSet(values)).returningAll().executeTakeFirstOrThrow();
}

/** Appends the decisions just taken to the reviews' histories (the review row holds the latest). */
export async function insertDecisions(db: Db, decisions: readonly Insertable<ReviewDecision>[]): Promise<void> {
  if (decisions.length > 0) await db.insertInto('review_decision').values([...decisions]).execute();
}

/** Members with a discipline recorded by membership (MemberDisciplined) between two days. */
export async function membersDisciplinedBetween(db: Db, memberIds: readonly string[], start: string, end: string): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('member_discipline')
    .select('member_id')
    .where('member_id', 'in', [...memberIds])
    .where('effective_date', '>=', start)
    .where('effective_date', '<=', end)
    .execute();
  return new Set(rows.map((row) => row.member_id));
}

/** One of the members who is a working member without the residence's comment for the year (Regulation 213), if any. */
export async function memberLackingResidenceComment(db: Db, memberIds: readonly string[], year: number): Promise<string | undefined> {
  const missing = await sql<{ member_id: string }>`
    SELECT member_id FROM unnest(${[...memberIds]}::uuid[]) AS decided (member_id)
    WHERE ${lacksResidenceComment('decided.member_id', year)} LIMIT 1`.execute(db);
  return missing.rows[0]?.member_id;
}

/** How many members of a cycle have each grade: decided, else proposed. */
export async function gradeCountsOfCycle(db: Db, cycleId: string): Promise<(grade: Grade) => number> {
  // The grade decided, else the grade proposed: the quota holds over the cycle's whole set, whatever the
  // order in which the committee decides (excellent grades first, good ones after, or the reverse).
  const counts = await sql<{ grade: Grade; n: string }>`
    SELECT grade, count(*) AS n FROM (
      SELECT grade FROM review WHERE cycle_id = ${cycleId}
      UNION ALL
      SELECT proposal.grade FROM grade_proposal proposal
      WHERE proposal.cycle_id = ${cycleId}
        AND NOT EXISTS (SELECT 1 FROM review WHERE review.cycle_id = ${cycleId} AND review.member_id = proposal.member_id)
    ) graded
    GROUP BY grade`.execute(db);
  return (grade) => Number(counts.rows.find((row) => row.grade === grade)?.n ?? 0);
}
